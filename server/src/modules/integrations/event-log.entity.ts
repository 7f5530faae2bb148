import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The integrations' event log (issue 20, item 4): one thin row per domain change, written in the
 * change's own transaction (platform/pubsub/event-bus.ts, `EventBus.journal`), kept 7 days.
 * Rows are read in (tx_id, id) order and only once every older transaction has ended
 * (event-log.service.ts), so a reader past a cursor never skips a row committed later.
 */
@Entity('event_log')
@Index('event_log_cursor_idx', ['txId', 'id'])
@Index('event_log_occurred_at_idx', ['occurredAt'])
export class EventLogEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  /** The writing transaction's id (pg_current_xact_id(), set by the insert), the first key of the cursor. */
  @Column('bigint', { name: 'tx_id' })
  txId!: string;

  @Column('text')
  type!: string;

  @Column('timestamp with time zone', { name: 'occurred_at', default: () => 'now()' })
  occurredAt!: Date;

  /** The object the event is about (a report, an account): the reader fetches it with its own rights. */
  @Column('uuid', { name: 'subject_id' })
  subjectId!: string;

  /** The structures it concerns: a token sees it only if one of them is in its subtree. */
  @Column('uuid', { name: 'structure_ids', array: true })
  structureIds!: string[];

  /** The token scope its subject needs (reports:read, directory:read). */
  @Column('text')
  scope!: string;
}
