import type { DataSource } from 'typeorm';
import type { Actor } from '../../platform/auth/actor';
import type { TokenScope } from '../../platform/auth/token-scopes';
import { SqlParams } from '../../platform/database/sql-builder';
import { AppError } from '../../platform/errors/app-error';
import type { AppEvent } from '../../platform/pubsub/event-bus';
import { checkCursor, EVENT_RETENTION_DAYS } from './event-cursor';
import { EventRow, eventView, EventView } from './event-log.types';

/** What the log records of a bus event: its subject, and the SQL that finds its structures. */
interface Journaled {
  subjectId: string;
  scope: TokenScope;
  /** Structures concerned, ancestors included (so a subtree root matches with `&&`), from $1 = subjectId. */
  structuresSql: string;
}

const REPORT_STRUCTURES = 'SELECT structure_ids FROM report WHERE id = $1';
// A person's écoles (classes and functions) and their ancestors.
const ACCOUNT_STRUCTURES = `SELECT COALESCE(array_agg(DISTINCT sa.ancestor_id), '{}') FROM structure_ancestor sa
  WHERE sa.structure_id IN (SELECT sc.school_id FROM class_member cm JOIN school_class sc ON sc.id = cm.class_id WHERE cm.user_id = $1
                            UNION SELECT af.structure_id FROM admin_function af WHERE af.user_id = $1 AND af.structure_id IS NOT NULL)`;

/** The bus events integrations may follow; the rest (sessions, timelines, mailing progress) are not logged. */
function journaled(event: AppEvent): Journaled | null {
  switch (event.type) {
    case 'report.added':
    case 'report.treated':
      return { subjectId: event.reportId, scope: 'reports:read', structuresSql: REPORT_STRUCTURES };
    case 'account.blocked':
    case 'account.unblocked':
      return { subjectId: event.userId, scope: 'directory:read', structuresSql: ACCOUNT_STRUCTURES };
    default:
      return null;
  }
}

/**
 * Rows of transaction ids below this bound are all committed (or rolled back) in this statement's
 * snapshot: the oldest transaction still running in this database, else the snapshot's xmax.
 * Transaction ids are cluster-wide, so transactions known to run in other databases of the
 * cluster (pg_stat_activity, 32-bit xids) are left out: they write no event here and must not
 * hold the log back. One that ends between the snapshot and that read is kept in: a delay, never a gap.
 */
const READ_BOUND = `SELECT LEAST(pg_snapshot_xmax(snap.s)::text::bigint,
    (SELECT min(x::text::bigint) FROM pg_snapshot_xip(snap.s) x
      WHERE (x::text::bigint % 4294967296) NOT IN (SELECT a.backend_xid::text::bigint FROM pg_stat_activity a
                                                    WHERE a.backend_xid IS NOT NULL AND a.datname IS DISTINCT FROM current_database())))
  FROM (SELECT pg_current_snapshot() AS s) snap`;

/** The bus event types that are logged (the live stream wakes up on them). */
export const JOURNALED_TYPES = ['report.added', 'report.treated', 'account.blocked', 'account.unblocked'] as const;

export interface EventFilter {
  after: string | null;
  first: number;
  types: readonly string[] | null;
}

/**
 * The integrations' event log. Written by `EventBus.publish` inside the change's transaction;
 * read in (tx_id, id) order, and only rows of transactions older than every transaction still
 * running in this database (READ_BOUND): a transaction that began earlier but commits later has a
 * smaller tx_id than that bound, so once a cursor has passed a row, nothing can still appear
 * before it. A long transaction in this database delays events (never loses them).
 */
export class EventLogService {
  constructor(private readonly dataSource: DataSource) {}

  /** Called by the bus for every published event, with the publisher's transaction. */
  async record(event: AppEvent, query: (sql: string, params: unknown[]) => Promise<unknown>): Promise<void> {
    const entry = journaled(event);
    if (!entry) return;
    await query(
      `INSERT INTO event_log (tx_id, type, subject_id, structure_ids, scope)
       SELECT pg_current_xact_id()::text::bigint, $2, $1, COALESCE((${entry.structuresSql}), '{}'), $3`,
      [entry.subjectId, event.type, entry.scope],
    );
  }

  /**
   * A page after the cursor, within the actor's scope (and, for a token, its scopes). `heldBack`:
   * rows after the cursor exist but wait for an older transaction to end.
   */
  async page(actor: Actor, filter: EventFilter): Promise<{ rows: EventRow[]; heldBack: boolean }> {
    const params = new SqlParams();
    const where = ['true'];
    if (filter.after) {
      const { tx, id } = checkCursor(filter.after);
      where.push(`(e.tx_id, e.id) > (${params.add(tx, 'bigint')}, ${params.add(id, 'bigint')})`);
    }
    if (!actor.scope.all) where.push(`e.structure_ids && ${params.add(actor.scope.rootIds, 'uuid[]')}`);
    if (actor.integration) where.push(`e.scope = ANY(${params.add(actor.integration.scopes, 'text[]')})`);
    if (filter.types) where.push(`e.type = ANY(${params.add(filter.types, 'text[]')})`);
    const visible = `e.tx_id < (${READ_BOUND})`;
    const limit = params.add(filter.first, 'int');
    const rows = (await this.dataSource.query(
      `SELECT e.id, e.tx_id, e.type, e.occurred_at, e.subject_id, e.structure_ids FROM event_log e
        WHERE ${where.join(' AND ')} AND ${visible} ORDER BY e.tx_id, e.id LIMIT ${limit}`,
      params.values,
    )) as EventRow[];
    let heldBack = false;
    if (rows.length < filter.first) {
      const [row] = (await this.dataSource.query(`SELECT EXISTS (SELECT 1 FROM event_log e WHERE ${where.join(' AND ')} AND NOT ${visible}) AS held`, params.values.slice(0, -1))) as { held: boolean }[];
      heldBack = row.held;
    }
    return { rows, heldBack };
  }

  /** `events(after:, first:, types:)`: a page, and the cursor to poll from next. */
  async poll(actor: Actor, filter: EventFilter): Promise<{ nodes: EventView[]; endCursor: string | null; hasNextPage: boolean }> {
    if (!Number.isInteger(filter.first) || filter.first < 1 || filter.first > 100) {
      throw AppError.badInput({ fr: '« first » doit être compris entre 1 et 100.', en: '"first" must be between 1 and 100.' }, { first: { fr: 'Entre 1 et 100.', en: 'Between 1 and 100.' } });
    }
    const { rows } = await this.page(actor, { ...filter, first: filter.first + 1 });
    const nodes = rows.slice(0, filter.first).map(eventView);
    return { nodes, endCursor: nodes.at(-1)?.cursor ?? filter.after, hasNextPage: rows.length > filter.first };
  }

  /** The recurring purge: rows older than the retention. */
  async purge(): Promise<number> {
    const [, count] = (await this.dataSource.query(`DELETE FROM event_log WHERE occurred_at < now() - make_interval(days => $1)`, [EVENT_RETENTION_DAYS])) as [unknown, number];
    return count;
  }
}
