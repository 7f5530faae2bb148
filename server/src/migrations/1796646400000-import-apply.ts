import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * « Appliquer »: a dry run keeps the files as read and a fingerprint of what it was matched against
 * (`import_session.parsed`, `fingerprint`), and its state (`status`, `applied_at`, `outcome`); the
 * pupils and guardians an applied import found absent wait in `import_absence` for pre-deletion.
 */
export class ImportApply1796646400000 implements MigrationInterface {
  name = 'ImportApply1796646400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "import_session" ADD "status" text NOT NULL DEFAULT 'DRY_RUN'`);
    await q.query(`ALTER TABLE "import_session" ADD "parsed" jsonb`);
    await q.query(`ALTER TABLE "import_session" ADD "fingerprint" text`);
    await q.query(`ALTER TABLE "import_session" ADD "applied_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "import_session" ADD "outcome" jsonb`);
    await q.query(`CREATE TABLE "import_absence" ("user_id" uuid NOT NULL, "school_id" uuid NOT NULL, "since" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_import_absence" PRIMARY KEY ("user_id"))`);
    await q.query(`CREATE INDEX "import_absence_since_idx" ON "import_absence"  ("since") `);
    await q.query(`ALTER TABLE "import_absence" ADD CONSTRAINT "FK_eb170ca05fcd947362b8495a7d8" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "import_absence" ADD CONSTRAINT "FK_efd4711485e2f0f287b7afefb01" FOREIGN KEY ("school_id") REFERENCES "structure"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(): Promise<void> {
    throw new Error('ImportApply1796646400000 is not reversible');
  }
}
