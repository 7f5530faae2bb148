import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The integrations' event log (issue 20, item 4): thin rows written by EventBus.publish in the
 * change's transaction, read in (tx_id, id) order up to the oldest running transaction, purged
 * after 7 days (modules/integrations/event-log.service.ts).
 */
export class EventLog1796720000000 implements MigrationInterface {
  name = 'EventLog1796720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"event_log\" (\"id\" BIGSERIAL NOT NULL, \"tx_id\" bigint NOT NULL, \"type\" text NOT NULL, \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"subject_id\" uuid NOT NULL, \"structure_ids\" uuid array NOT NULL, \"scope\" text NOT NULL, CONSTRAINT \"PK_d8ccd9b5b44828ea378dd37e691\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"event_log_occurred_at_idx\" ON \"event_log\"  (\"occurred_at\") ");
    await q.query("CREATE INDEX \"event_log_cursor_idx\" ON \"event_log\"  (\"tx_id\", \"id\") ");
  }

  async down(): Promise<void> {
    throw new Error('EventLog1796720000000 is not reversible');
  }
}
