import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A mailing keeps what its author reached the accounts through (the structures under its roots, or a
 * teacher's classes): the sheets, printed later by a worker without the author, name only the
 * écoles, classes and children within it. Mailings made before have NULL roots (everything), as they
 * were printed then; they are purged within a day.
 */
export class MailingReach1795900300000 implements MigrationInterface {
  name = 'MailingReach1795900300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "mailing" ADD "scope_root_ids" uuid array`);
    await q.query(`ALTER TABLE "mailing" ADD "scope_class_ids" uuid array NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "mailing" DROP COLUMN "scope_class_ids"`);
    await q.query(`ALTER TABLE "mailing" DROP COLUMN "scope_root_ids"`);
  }
}
