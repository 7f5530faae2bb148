import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Publipostage on pg-boss: pg-boss owns expiry, retries and backoff, so the hand-kept lease
 * (`heartbeat_at`) and per-recipient retry times (`next_attempt_at`, `claimed_at`) go; `queued_at`
 * says the mailing's jobs were sent (the sweep sends those of mailings without it). The PDF is stored
 * in rows (DOCUMENT_CHUNK_BYTES, mailing-document-store.ts), written as it is merged and streamed
 * back; documents already stored become one row each.
 */
export class MailingOnPgBoss1796644544051 implements MigrationInterface {
  name = 'MailingOnPgBoss1796644544051';

  async up(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX \"public\".\"mailing_unfinished_idx\"");
    await q.query("DROP INDEX \"public\".\"mailing_recipient_pending_idx\"");
    // A mailing with a heartbeat had its job sent: it counts as queued.
    await q.query("ALTER TABLE \"mailing\" RENAME COLUMN \"heartbeat_at\" TO \"queued_at\"");
    await q.query("CREATE TABLE \"mailing_document_chunk\" (\"mailing_id\" uuid NOT NULL, \"seq\" integer NOT NULL, \"data\" bytea NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_85cf253417d7864a974560d144e\" PRIMARY KEY (\"mailing_id\", \"seq\"))");
    await q.query("CREATE INDEX \"mailing_document_chunk_created_idx\" ON \"mailing_document_chunk\"  (\"created_at\") ");
    await q.query("ALTER TABLE \"mailing_document_chunk\" ADD CONSTRAINT \"FK_3e3586a0d41e291a886ce21f22c\" FOREIGN KEY (\"mailing_id\") REFERENCES \"mailing\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("INSERT INTO \"mailing_document_chunk\" (\"mailing_id\", \"seq\", \"data\", \"created_at\") SELECT \"mailing_id\", 0, \"content\", \"created_at\" FROM \"mailing_document\"");
    await q.query("ALTER TABLE \"mailing_document\" DROP COLUMN \"content\"");
    await q.query("ALTER TABLE \"mailing_document\" ADD \"chunks\" integer NOT NULL DEFAULT 1");
    await q.query("ALTER TABLE \"mailing_document\" ALTER COLUMN \"chunks\" DROP DEFAULT");
    await q.query("ALTER TABLE \"mailing_document\" ALTER COLUMN \"byte_size\" TYPE bigint");
    await q.query("ALTER TABLE \"mailing_recipient\" DROP COLUMN \"next_attempt_at\"");
    await q.query("ALTER TABLE \"mailing_recipient\" DROP COLUMN \"claimed_at\"");
    await q.query("CREATE INDEX \"mailing_unqueued_idx\" ON \"mailing\"  (\"created_at\") WHERE queued_at IS NULL AND status IN ('PENDING', 'RUNNING')");
    await q.query("CREATE INDEX \"mailing_recipient_open_idx\" ON \"mailing_recipient\"  (\"mailing_id\", \"position\") WHERE status IN ('PENDING', 'SENDING')");
  }

  async down(): Promise<void> {
    throw new Error('MailingOnPgBoss1796644544051 is not reversible');
  }
}
