import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports for integration tokens (`imports:write`): a dry run made with a token belongs to its API
 * client (`api_client_id`), not to the creator's console nor to another client of the same creator.
 * Null for a person's session, so the existing rows keep their owner. Sessions are read by id, and
 * the client's condition sits beside the creator's: no index needed.
 */
export class ImportSessionClient1796800000400 implements MigrationInterface {
  name = 'ImportSessionClient1796800000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "import_session" ADD "api_client_id" uuid');
    await q.query(
      'ALTER TABLE "import_session" ADD CONSTRAINT "FK_4414b070a5698c15ce2448c2f71" FOREIGN KEY ("api_client_id") REFERENCES "api_client"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "import_session" DROP CONSTRAINT "FK_4414b070a5698c15ce2448c2f71"');
    await q.query('ALTER TABLE "import_session" DROP COLUMN "api_client_id"');
  }
}
