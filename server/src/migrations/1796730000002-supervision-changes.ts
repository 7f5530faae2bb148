import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables whose changes move a « Tableau de bord » figure, and how a statement names its écoles. */
const WATCHED = [
  // The kept counts: accounts, activation, blocks, pre-deletions, e-mails, guardians.
  { table: 'supervision_count', events: ['INSERT', 'UPDATE'], ids: 'SELECT structure_id FROM changed_rows' },
  // « Absents du fichier ».
  { table: 'import_absence', events: ['INSERT', 'DELETE'], ids: 'SELECT school_id FROM changed_rows' },
  // « Dernier import » and a simulation left unapplied.
  { table: 'import_session', events: ['INSERT', 'UPDATE'], ids: 'SELECT school_id FROM changed_rows' },
  // A new code revokes an expired one; a use or a revocation ends it.
  {
    table: 'renewal_code',
    events: ['INSERT', 'UPDATE'],
    ids: 'SELECT us.structure_id FROM user_structure us WHERE us.user_id IN (SELECT user_id FROM changed_rows)',
  },
] as const;

/**
 * « Tableau de bord » (issue 19), what the counts of migration SupervisionCounts do not hold:
 *
 * - `renewal_code_unused_idx`: the codes neither used nor revoked are a small part of
 *   `renewal_code` (a new code revokes the older ones, a use marks it), so the dashboard's « codes de
 *   renouvellement expirés » and the user list's filter read them through it instead of every code
 *   ever issued.
 * - `supervision.changed` on the event channel when a statement changes a figure: the écoles it
 *   touched and their ancestors (so each instance finds the admins concerned among its subscribers),
 *   or `all` past 100 structures. Statement-level with transition tables, so an import sends one
 *   notification, at commit; PostgreSQL folds identical ones of a transaction into one. What a clock
 *   changes (a block or a code running out) sends nothing, as nothing is written then.
 */
export class SupervisionChanges1796730000002 implements MigrationInterface {
  name = 'SupervisionChanges1796730000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX renewal_code_unused_idx ON renewal_code (expires_at, user_id) WHERE used_at IS NULL AND revoked_at IS NULL`);
    await q.query(`
      CREATE FUNCTION supervision_changed_notify(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE reached uuid[];
      BEGIN
        IF ids IS NULL OR cardinality(ids) = 0 THEN
          RETURN;
        END IF;
        SELECT array_agg(DISTINCT sa.ancestor_id ORDER BY sa.ancestor_id) INTO reached
          FROM structure_ancestor sa WHERE sa.structure_id = ANY(ids);
        IF reached IS NULL OR cardinality(reached) > 100 THEN
          PERFORM pg_notify('preau_events', '{"type":"supervision.changed","all":true}');
        ELSE
          PERFORM pg_notify('preau_events', json_build_object('type', 'supervision.changed', 'structureIds', reached)::text);
        END IF;
      END $$`);
    for (const { table, events, ids } of WATCHED) {
      await q.query(`
        CREATE FUNCTION supervision_changed_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM supervision_changed_notify((SELECT array_agg(DISTINCT id) FROM (${ids}) changed(id)));
          RETURN NULL;
        END $$`);
      for (const event of events) {
        const rows = event === 'DELETE' ? 'OLD' : 'NEW';
        await q.query(
          `CREATE TRIGGER supervision_changed_${event.toLowerCase()} AFTER ${event} ON ${table}
           REFERENCING ${rows} TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION supervision_changed_${table}()`,
        );
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table, events } of WATCHED) {
      for (const event of events) await q.query(`DROP TRIGGER supervision_changed_${event.toLowerCase()} ON ${table}`);
      await q.query(`DROP FUNCTION supervision_changed_${table}()`);
    }
    await q.query(`DROP FUNCTION supervision_changed_notify(uuid[])`);
    await q.query(`DROP INDEX renewal_code_unused_idx`);
  }
}
