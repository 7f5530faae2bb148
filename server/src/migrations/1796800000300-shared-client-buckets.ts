import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The integration clients' cost buckets, shared by every instance (issue 20, item 3: « per client a
 * bucket »). One row per client that has spent: the points left at `at_ms` (the spending instance's
 * clock, in Unix milliseconds); the refill since then is computed when the row is next read. UNLOGGED:
 * a crash loses at most a bucket's level, and a lost row reads as a full bucket, which the client
 * would reach again within its refill time anyway; no WAL is written per request.
 */
export class SharedClientBuckets1796800000300 implements MigrationInterface {
  name = 'SharedClientBuckets1796800000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNLOGGED TABLE client_bucket_level (
        client_id text PRIMARY KEY,
        points double precision NOT NULL,
        at_ms bigint NOT NULL,
        granted boolean NOT NULL DEFAULT true
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE client_bucket_level');
  }
}
