import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * « Importer des utilisateurs »: dry runs kept for « Appliquer » (`import_session`), ONDE's class ids
 * (`import_class`) and guardians' addresses as imported (`import_address`), beside the directory.
 */
export class Imports1796645253569 implements MigrationInterface {
  name = 'Imports1796645253569';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"import_session\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"creator_id\" uuid NOT NULL, \"school_id\" uuid NOT NULL, \"files_hash\" text NOT NULL, \"report\" jsonb NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_f4b8098c2d0c74ae24f827a97e8\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"import_session_school_idx\" ON \"import_session\"  (\"school_id\") ");
    await q.query("CREATE INDEX \"import_session_creator_idx\" ON \"import_session\"  (\"creator_id\", \"created_at\") ");
    await q.query("CREATE TABLE \"import_class\" (\"class_id\" uuid NOT NULL, \"school_id\" uuid NOT NULL, \"onde_class_id\" text NOT NULL, CONSTRAINT \"PK_1b0701af83de264f30b4ec752bd\" PRIMARY KEY (\"class_id\"))");
    await q.query("CREATE UNIQUE INDEX \"import_class_school_onde_key\" ON \"import_class\"  (\"school_id\", \"onde_class_id\") ");
    await q.query("CREATE TABLE \"import_address\" (\"user_id\" uuid NOT NULL, \"address_key\" text NOT NULL, CONSTRAINT \"PK_374d7ef871a64f6a25d1707f177\" PRIMARY KEY (\"user_id\"))");
    await q.query("ALTER TABLE \"import_session\" ADD CONSTRAINT \"FK_6bb9440b75eb58c85faf1cf9918\" FOREIGN KEY (\"creator_id\") REFERENCES \"app_user\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"import_session\" ADD CONSTRAINT \"FK_cf69f2a576bc61cdaf6778dbb08\" FOREIGN KEY (\"school_id\") REFERENCES \"structure\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"import_class\" ADD CONSTRAINT \"FK_1b0701af83de264f30b4ec752bd\" FOREIGN KEY (\"class_id\") REFERENCES \"school_class\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"import_class\" ADD CONSTRAINT \"FK_16f327f49fbbf1d0b4a1198e584\" FOREIGN KEY (\"school_id\") REFERENCES \"structure\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"import_address\" ADD CONSTRAINT \"FK_374d7ef871a64f6a25d1707f177\" FOREIGN KEY (\"user_id\") REFERENCES \"app_user\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(): Promise<void> {
    throw new Error('Imports1796645253569 is not reversible');
  }
}
