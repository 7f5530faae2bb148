import { MigrationInterface, QueryRunner } from 'typeorm';

/** Publipostage: mailings, their recipients (order and e-mail status) and their PDF. */
export class Publipostage1795889624857 implements MigrationInterface {
  name = 'Publipostage1795889624857';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TYPE \"public\".\"mailing_kind\" AS ENUM('PDF', 'EMAIL')");
    await q.query("CREATE TYPE \"public\".\"sheet_layout\" AS ENUM('ONE_PER_PAGE', 'TWO_PER_PAGE', 'EIGHT_PER_PAGE')");
    await q.query("CREATE TYPE \"public\".\"mailing_status\" AS ENUM('PENDING', 'RUNNING', 'DONE', 'FAILED')");
    await q.query("CREATE TABLE \"mailing\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"kind\" \"public\".\"mailing_kind\" NOT NULL, \"layout\" \"public\".\"sheet_layout\" NOT NULL, \"status\" \"public\".\"mailing_status\" NOT NULL DEFAULT 'PENDING', \"created_by_id\" uuid NOT NULL, \"total\" integer NOT NULL, \"printed\" integer NOT NULL DEFAULT '0', \"error\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"heartbeat_at\" TIMESTAMP WITH TIME ZONE, \"finished_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_3d8e2e47d6d644c38d1192fcb15\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"mailing_created_by_idx\" ON \"mailing\"  (\"created_by_id\") ");
    await q.query("CREATE INDEX \"mailing_unfinished_idx\" ON \"mailing\"  (\"status\", \"heartbeat_at\") WHERE status IN ('PENDING', 'RUNNING')");
    await q.query("CREATE TYPE \"public\".\"mailing_recipient_status\" AS ENUM('PENDING', 'SENDING', 'SENT', 'FAILED')");
    await q.query("CREATE TABLE \"mailing_recipient\" (\"mailing_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"position\" integer NOT NULL, \"email\" text, \"status\" \"public\".\"mailing_recipient_status\" NOT NULL DEFAULT 'PENDING', \"attempts\" integer NOT NULL DEFAULT '0', \"next_attempt_at\" TIMESTAMP WITH TIME ZONE, \"claimed_at\" TIMESTAMP WITH TIME ZONE, \"sent_at\" TIMESTAMP WITH TIME ZONE, \"error\" text, CONSTRAINT \"PK_6ec3448901da0884c7795922f22\" PRIMARY KEY (\"mailing_id\", \"user_id\"))");
    await q.query("CREATE INDEX \"mailing_recipient_user_idx\" ON \"mailing_recipient\"  (\"user_id\") ");
    await q.query("CREATE INDEX \"mailing_recipient_pending_idx\" ON \"mailing_recipient\"  (\"mailing_id\", \"next_attempt_at\") WHERE status = 'PENDING'");
    await q.query("CREATE UNIQUE INDEX \"mailing_recipient_position_key\" ON \"mailing_recipient\"  (\"mailing_id\", \"position\") ");
    await q.query("CREATE TABLE \"mailing_document\" (\"mailing_id\" uuid NOT NULL, \"content\" bytea NOT NULL, \"byte_size\" integer NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_753f04dcf540e2d58d1021cd8a7\" PRIMARY KEY (\"mailing_id\"))");
    await q.query("CREATE INDEX \"mailing_document_created_idx\" ON \"mailing_document\"  (\"created_at\") ");
    await q.query("ALTER TABLE \"mailing\" ADD CONSTRAINT \"FK_f0d60bd81469569a834d402f38a\" FOREIGN KEY (\"created_by_id\") REFERENCES \"app_user\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"mailing_recipient\" ADD CONSTRAINT \"FK_497c26f4c4d48e307859150ff17\" FOREIGN KEY (\"mailing_id\") REFERENCES \"mailing\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"mailing_recipient\" ADD CONSTRAINT \"FK_38957363febf7891ea98a681443\" FOREIGN KEY (\"user_id\") REFERENCES \"app_user\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"mailing_document\" ADD CONSTRAINT \"FK_753f04dcf540e2d58d1021cd8a7\" FOREIGN KEY (\"mailing_id\") REFERENCES \"mailing\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(): Promise<void> {
    throw new Error('Publipostage1795889624857 is not reversible');
  }
}
