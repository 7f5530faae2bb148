import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dry run's plan (`ImportActions`) kept on its session: « Appliquer » without decisions writes it
 * as it is once the fingerprint shows that nothing it was planned from has changed, instead of
 * planning the files again. Sessions stored before it have none and are planned again.
 */
export class ImportSessionPlan1796800000102 implements MigrationInterface {
  name = 'ImportSessionPlan1796800000102';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_session ADD COLUMN plan jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_session DROP COLUMN plan`);
  }
}
