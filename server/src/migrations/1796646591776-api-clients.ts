import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API clients and their tokens (issue 20). A token's actor is cached like a session's, under its
 * creator (platform/auth/actor-cache.ts): revoking a client, moving its expiry, scopes or subtree,
 * or deleting it, sends `actor.changed` for the creator at commit, so every instance stops
 * honouring it at once. Its last use (written at most once a minute) fires nothing.
 */
export class ApiClients1796646591776 implements MigrationInterface {
  name = 'ApiClients1796646591776';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"api_client\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" text NOT NULL, \"purpose\" text NOT NULL, \"root_structure_id\" uuid NOT NULL, \"scopes\" text array NOT NULL, \"created_by_id\" uuid NOT NULL, \"token_hash\" text NOT NULL, \"pseudonym_key\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"last_used_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_82a5ec6981d2be903a9eb1d9b9a\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE UNIQUE INDEX \"api_client_token_hash_key\" ON \"api_client\"  (\"token_hash\") ");
    await q.query("CREATE INDEX \"api_client_creator_idx\" ON \"api_client\"  (\"created_by_id\", \"created_at\") ");
    await q.query("ALTER TABLE \"api_client\" ADD CONSTRAINT \"FK_10d7170db16cb2262efa73e044d\" FOREIGN KEY (\"root_structure_id\") REFERENCES \"structure\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"api_client\" ADD CONSTRAINT \"FK_e25d8bd548c0117e89507900c62\" FOREIGN KEY (\"created_by_id\") REFERENCES \"app_user\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query(`
      CREATE FUNCTION actor_changed_api_client() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM actor_changed_notify(ARRAY[OLD.created_by_id]);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER actor_changed_api_client_update AFTER UPDATE OF revoked_at, expires_at, scopes, root_structure_id, created_by_id, token_hash
      ON api_client FOR EACH ROW EXECUTE FUNCTION actor_changed_api_client()`);
    await q.query(`CREATE TRIGGER actor_changed_api_client_delete AFTER DELETE ON api_client FOR EACH ROW EXECUTE FUNCTION actor_changed_api_client()`);
    await q.query(`CREATE TRIGGER actor_changed_truncate AFTER TRUNCATE ON api_client FOR EACH STATEMENT EXECUTE FUNCTION actor_changed_all()`);
  }

  async down(): Promise<void> {
    throw new Error('ApiClients1796646591776 is not reversible');
  }
}
