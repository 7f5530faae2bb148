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
        IF (SELECT count(*) FROM (SELECT 1 FROM changed_rows LIMIT 101) many) > 100 THEN
          PERFORM pg_notify('preau_events', '{"type":"actor.changed","all":true}');
        ELSE
          PERFORM actor_changed_notify((SELECT array_agg(DISTINCT user_id) FROM changed_rows));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION actor_changed_user() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM actor_changed_notify(ARRAY[OLD.id]);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION actor_changed_all() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('preau_events', '{"type":"actor.changed","all":true}');
        RETURN NULL;
      END $$`);

    // Logout, blocking, password change, expiry purge.
    await q.query(`CREATE TRIGGER actor_changed_session_delete AFTER DELETE ON user_session REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION actor_changed_rows()`);
    // Rights.
    await q.query(`CREATE TRIGGER actor_changed_function_insert AFTER INSERT ON admin_function REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION actor_changed_rows()`);
    await q.query(`CREATE TRIGGER actor_changed_function_update AFTER UPDATE ON admin_function REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION actor_changed_rows()`);
    await q.query(`CREATE TRIGGER actor_changed_function_delete AFTER DELETE ON admin_function REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION actor_changed_rows()`);
    // A teacher's classes.
    await q.query(`CREATE TRIGGER actor_changed_class_insert AFTER INSERT ON class_member REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION actor_changed_rows()`);
    await q.query(`CREATE TRIGGER actor_changed_class_delete AFTER DELETE ON class_member REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION actor_changed_rows()`);
    // The account itself: blocked, pre-deleted, profile or name changed. Row-level with a column
    // list, so that the frequent updates of other columns (last connection, e-mail) fire nothing.
    await q.query(`
      CREATE TRIGGER actor_changed_user_update AFTER UPDATE OF blocked_at, blocked_until, predeleted_at, profile, login, first_name, last_name ON app_user
      FOR EACH ROW WHEN (
        OLD.blocked_at IS DISTINCT FROM NEW.blocked_at OR OLD.blocked_until IS DISTINCT FROM NEW.blocked_until
        OR OLD.predeleted_at IS DISTINCT FROM NEW.predeleted_at OR OLD.profile IS DISTINCT FROM NEW.profile
        OR OLD.login IS DISTINCT FROM NEW.login OR OLD.first_name IS DISTINCT FROM NEW.first_name OR OLD.last_name IS DISTINCT FROM NEW.last_name
      ) EXECUTE FUNCTION actor_changed_user()`);
    await q.query(`CREATE TRIGGER actor_changed_user_delete AFTER DELETE ON app_user FOR EACH ROW EXECUTE FUNCTION actor_changed_user()`);
    // The structure tree decides how far a scope reaches.
    await q.query(`CREATE TRIGGER actor_changed_tree AFTER INSERT OR DELETE ON structure_ancestor FOR EACH STATEMENT EXECUTE FUNCTION actor_changed_all()`);
    for (const table of ['user_session', 'admin_function', 'class_member', 'app_user', 'structure_ancestor']) {
      await q.query(`CREATE TRIGGER actor_changed_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION actor_changed_all()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [trigger, table] of [
      ['actor_changed_session_delete', 'user_session'],
      ['actor_changed_function_insert', 'admin_function'],
      ['actor_changed_function_update', 'admin_function'],
      ['actor_changed_function_delete', 'admin_function'],
      ['actor_changed_class_insert', 'class_member'],
      ['actor_changed_class_delete', 'class_member'],
      ['actor_changed_user_update', 'app_user'],
      ['actor_changed_user_delete', 'app_user'],
      ['actor_changed_tree', 'structure_ancestor'],
      ...['user_session', 'admin_function', 'class_member', 'app_user', 'structure_ancestor'].map((table) => ['actor_changed_truncate', table]),
    ]) {
      await q.query(`DROP TRIGGER ${trigger} ON ${table}`);
    }
    for (const fn of ['actor_changed_all()', 'actor_changed_user()', 'actor_changed_rows()', 'actor_changed_notify(uuid[])']) await q.query(`DROP FUNCTION ${fn}`);
  }
}
