import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tells every server instance when what `loadActorBySession` reads has changed, so that each may
 * keep signed-in actors in memory (platform/auth/actor-cache.ts) without ever serving one that a
 * block, a logout, a right withdrawn or a class change has made stale. Triggers, not service code:
 * every path that writes these tables (imports, purges, hand-written SQL) is covered.
 *
 * Statement-level triggers with transition tables keep a bulk import to one NOTIFY per statement;
 * over 100 accounts in one statement, every instance simply forgets every actor.
 */
export class ActorCacheNotify1795900000000 implements MigrationInterface {
  name = 'ActorCacheNotify1795900000000';

  async up(q: QueryRunner): Promise<void> {
    // The users concerned, or everyone past 100 (a bulk import: a NOTIFY payload stays small).
    await q.query(`
      CREATE FUNCTION actor_changed_notify(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF ids IS NULL OR cardinality(ids) = 0 THEN
          RETURN;
        ELSIF cardinality(ids) > 100 THEN
          PERFORM pg_notify('preau_events', '{"type":"actor.changed","all":true}');
        ELSE
          PERFORM pg_notify('preau_events', json_build_object('type', 'actor.changed', 'userIds', ids)::text);
        END IF;
      END $$`);
    // The rows a statement touched, through the transition table every trigger below names changed_rows.
    await q.query(`
      CREATE FUNCTION actor_changed_rows() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM actor_changed_notify((SELECT array_agg(DISTINCT user_id) FROM changed_rows));
        RETURN NULL;
      END $$`);
    // Updates: the accounts on either side (a row moved to another account tells both).
    await q.query(`
      CREATE FUNCTION actor_changed_rows_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM actor_changed_notify((SELECT array_agg(user_id) FROM (SELECT user_id FROM old_rows UNION SELECT user_id FROM new_rows) both_sides));
        RETURN NULL;
      END $$`);
    // Sessions ended: only those still valid can be held by an instance (the hourly purge of
    // expired ones must not make every instance forget everything).
    await q.query(`
      CREATE FUNCTION actor_changed_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM actor_changed_notify((SELECT array_agg(DISTINCT user_id) FROM changed_rows WHERE expires_at > now()));
        RETURN NULL;
      END $$`);
    // Accounts: blocked, pre-deleted, profile, login or names changed; a whole statement at once.
    await q.query(`
      CREATE FUNCTION actor_changed_accounts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM actor_changed_notify((
          SELECT array_agg(o.id) FROM old_rows o JOIN new_rows n ON n.id = o.id
           WHERE o.blocked_at IS DISTINCT FROM n.blocked_at OR o.blocked_until IS DISTINCT FROM n.blocked_until
              OR o.predeleted_at IS DISTINCT FROM n.predeleted_at OR o.profile IS DISTINCT FROM n.profile
              OR o.login IS DISTINCT FROM n.login OR o.first_name IS DISTINCT FROM n.first_name OR o.last_name IS DISTINCT FROM n.last_name));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION actor_changed_accounts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM actor_changed_notify((SELECT array_agg(id) FROM old_rows));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION actor_changed_all() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('preau_events', '{"type":"actor.changed","all":true}');
        RETURN NULL;
      END $$`);

    // Logout, blocking, password change; a session cut short or moved (the sliding expiry, which
    // only pushes expires_at later, fires nothing).
    await q.query(`CREATE TRIGGER actor_changed_session_delete AFTER DELETE ON user_session REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION actor_changed_sessions()`);
    await q.query(`
      CREATE TRIGGER actor_changed_session_update AFTER UPDATE OF user_id, expires_at ON user_session FOR EACH ROW
      WHEN (NEW.expires_at < OLD.expires_at OR NEW.user_id <> OLD.user_id) EXECUTE FUNCTION actor_changed_all()`);
    // Rights.
    await q.query(`CREATE TRIGGER actor_changed_function_insert AFTER INSERT ON admin_function REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION actor_changed_rows()`);
    await q.query(`CREATE TRIGGER actor_changed_function_update AFTER UPDATE ON admin_function REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION actor_changed_rows_update()`);
    await q.query(`CREATE TRIGGER actor_changed_function_delete AFTER DELETE ON admin_function REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION actor_changed_rows()`);
    // A teacher's classes.
    await q.query(`CREATE TRIGGER actor_changed_class_insert AFTER INSERT ON class_member REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION actor_changed_rows()`);
    await q.query(`CREATE TRIGGER actor_changed_class_delete AFTER DELETE ON class_member REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION actor_changed_rows()`);
    await q.query(`CREATE TRIGGER actor_changed_class_update AFTER UPDATE ON class_member REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION actor_changed_rows_update()`);
    // The account itself. Statement-level, so that a bulk update sends one notification (or "all"
    // over 100 accounts); the function compares the columns (a column list cannot go with
    // transition tables).
    await q.query(`CREATE TRIGGER actor_changed_user_update AFTER UPDATE ON app_user REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION actor_changed_accounts()`);
    await q.query(`CREATE TRIGGER actor_changed_user_delete AFTER DELETE ON app_user REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION actor_changed_accounts_deleted()`);
    // The structure tree decides how far a scope reaches.
    await q.query(`CREATE TRIGGER actor_changed_tree AFTER INSERT OR UPDATE OR DELETE ON structure_ancestor FOR EACH STATEMENT EXECUTE FUNCTION actor_changed_all()`);
    for (const table of ['user_session', 'admin_function', 'class_member', 'app_user', 'structure_ancestor']) {
      await q.query(`CREATE TRIGGER actor_changed_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION actor_changed_all()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [trigger, table] of [
      ['actor_changed_session_delete', 'user_session'],
      ['actor_changed_session_update', 'user_session'],
      ['actor_changed_function_insert', 'admin_function'],
      ['actor_changed_function_update', 'admin_function'],
      ['actor_changed_function_delete', 'admin_function'],
      ['actor_changed_class_insert', 'class_member'],
      ['actor_changed_class_delete', 'class_member'],
      ['actor_changed_class_update', 'class_member'],
      ['actor_changed_user_update', 'app_user'],
      ['actor_changed_user_delete', 'app_user'],
      ['actor_changed_tree', 'structure_ancestor'],
      ...['user_session', 'admin_function', 'class_member', 'app_user', 'structure_ancestor'].map((table) => ['actor_changed_truncate', table]),
    ]) {
      await q.query(`DROP TRIGGER ${trigger} ON ${table}`);
    }
    for (const fn of ['all', 'accounts_deleted', 'accounts', 'sessions', 'rows_update', 'rows']) await q.query(`DROP FUNCTION actor_changed_${fn}()`);
    await q.query('DROP FUNCTION actor_changed_notify(uuid[])');
  }
}
