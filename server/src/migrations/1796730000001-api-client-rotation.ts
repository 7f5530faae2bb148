import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Token rotation and expiry warnings (issue 20, item 1). A rotation keeps the replaced token's hash
 * with the end of its grace (24 hours at most); the update trigger now also watches those columns,
 * so a rotation or the end of a grace forgets every instance's cached actor for the old token.
 * `expiry_warned_days` remembers the last warning sent (14, then 3), so each is sent once.
 */
export class ApiClientRotation1796730000001 implements MigrationInterface {
  name = 'ApiClientRotation1796730000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE \"api_client\" ADD \"previous_token_hash\" text");
    await q.query("ALTER TABLE \"api_client\" ADD \"previous_token_valid_until\" TIMESTAMP WITH TIME ZONE");
    await q.query("ALTER TABLE \"api_client\" ADD \"expiry_warned_days\" smallint");
    await q.query("CREATE UNIQUE INDEX \"api_client_previous_token_hash_key\" ON \"api_client\"  (\"previous_token_hash\") WHERE previous_token_hash IS NOT NULL");
    await q.query(`DROP TRIGGER actor_changed_api_client_update ON api_client`);
    await q.query(`
      CREATE TRIGGER actor_changed_api_client_update AFTER UPDATE OF revoked_at, expires_at, scopes, root_structure_id, created_by_id, token_hash,
        bucket_size, bucket_refill_per_second, previous_token_hash, previous_token_valid_until
      ON api_client FOR EACH ROW EXECUTE FUNCTION actor_changed_api_client()`);
  }

  async down(): Promise<void> {
    throw new Error('ApiClientRotation1796730000001 is not reversible');
  }
}
