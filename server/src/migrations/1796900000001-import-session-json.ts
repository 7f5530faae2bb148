import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A dry run's report, files and plan are written once and read back whole, never queried inside:
 * `json` keeps the text as sent, where `jsonb` parsed it into its binary form on the way in and
 * wrote it out again on the way back (the largest rows the import writes; docs/performance.md).
 */
export class ImportSessionJson1796900000001 implements MigrationInterface {
  name = 'ImportSessionJson1796900000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_session ALTER COLUMN report TYPE json, ALTER COLUMN parsed TYPE json, ALTER COLUMN plan TYPE json`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_session ALTER COLUMN report TYPE jsonb, ALTER COLUMN parsed TYPE jsonb, ALTER COLUMN plan TYPE jsonb`);
  }
}
