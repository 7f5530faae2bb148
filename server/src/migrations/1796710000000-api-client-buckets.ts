import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each API client's cost bucket (issue 20, item 3): 1,000 points refilled 2 a second unless the
 * operator raises it. The bucket travels with the token's cached actor, so a change sends
 * `actor.changed` for the creator like a revocation does, and applies at once on every instance.
 */
export class ApiClientBuckets1796710000000 implements MigrationInterface {
  name = 'ApiClientBuckets1796710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_client ADD COLUMN bucket_size integer NOT NULL DEFAULT 1000, ADD COLUMN bucket_refill_per_second double precision NOT NULL DEFAULT 2`);
    await q.query(`DROP TRIGGER actor_changed_api_client_update ON api_client`);
    await q.query(`
      CREATE TRIGGER actor_changed_api_client_update AFTER UPDATE OF revoked_at, expires_at, scopes, root_structure_id, created_by_id, token_hash, bucket_size, bucket_refill_per_second
      ON api_client FOR EACH ROW EXECUTE FUNCTION actor_changed_api_client()`);
  }

  async down(): Promise<void> {
    throw new Error('ApiClientBuckets1796710000000 is not reversible');
  }
}
