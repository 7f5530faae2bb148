import { MigrationInterface, QueryRunner } from 'typeorm';

/** The counts of `supervision_total`, from a set of `supervision_person` rows (the `p` alias): those of supervision_count. */
const COUNTS = {
  accounts: 'NOT p.predeleted',
  activated: 'NOT p.predeleted AND p.activated',
  blocked: 'NOT p.predeleted AND p.blocked',
  predeleted: 'p.predeleted',
  without_email: 'NOT p.predeleted AND NOT p.has_email',
  without_guardian: "NOT p.predeleted AND p.profile = 'STUDENT' AND p.guardians = 0",
  covered: "NOT p.predeleted AND p.profile = 'STUDENT' AND p.active_guardians > 0",
} as const;
const COLUMNS = Object.keys(COUNTS) as (keyof typeof COUNTS)[];

/** A person's state, as each of their supervision_member rows holds it (the account's and, for a pupil, their guardians'). */
const STATE = ['profile', 'activated', 'blocked', 'blocked_until', 'predeleted', 'has_email', 'guardians', 'active_guardians'] as const;

/** `sign` is +1 for a row version that now counts, -1 for one that no longer does. */
function totalDelta(rowsSql: string): string {
  const sums = COLUMNS.map((c) => `sum(p.sign * (${COUNTS[c]})::int) AS ${c}`).join(', ');
  return `
    INSERT INTO supervision_total AS t (ancestor_id, home_id, profile, ${COLUMNS.join(', ')})
    SELECT p.ancestor_id, p.home_id, p.profile, ${sums}
      FROM (${rowsSql}) p
     GROUP BY p.ancestor_id, p.home_id, p.profile
    HAVING ${COLUMNS.map((c) => `sum(p.sign * (${COUNTS[c]})::int) <> 0`).join(' OR ')}
     ORDER BY p.ancestor_id, p.home_id, p.profile
    ON CONFLICT (ancestor_id, home_id, profile) DO UPDATE SET ${COLUMNS.map((c) => `${c} = t.${c} + EXCLUDED.${c}`).join(', ')}`;
}

/** The école memberships among supervision_member rows `rowsSql`, once per (ancestor above the école, row). */
const underAncestors = (rowsSql: string) => `
  SELECT sa.ancestor_id, m.*
    FROM (${rowsSql}) m
    JOIN structure e ON e.id = m.structure_id AND e.kind = 'ECOLE'
    JOIN structure_ancestor sa ON sa.structure_id = m.structure_id AND sa.depth > 0`;

/** Memberships `rowsSql` appear: a person's first one under an ancestor brings their row there, the next ones count on it. */
const personAdd = (rowsSql: string) => `
  INSERT INTO supervision_person AS p (ancestor_id, user_id, home_id, memberships, ${STATE.join(', ')})
  SELECT a.ancestor_id, a.user_id, a.structure_id, a.n, ${STATE.map((c) => `a.${c}`).join(', ')}
    FROM (SELECT x.*, count(*) OVER w AS n, row_number() OVER w AS i FROM (${underAncestors(rowsSql)}) x
          WINDOW w AS (PARTITION BY x.ancestor_id, x.user_id)) a
   WHERE a.i = 1
   ORDER BY a.ancestor_id, a.user_id
  ON CONFLICT (ancestor_id, user_id) DO UPDATE SET memberships = p.memberships + EXCLUDED.memberships,
    (${STATE.join(', ')}) = (${STATE.map((c) => `EXCLUDED.${c}`).join(', ')})`;

/**
 * Memberships `rowsSql` go. The person rows are locked first, in order (a concurrent change of the
 * same person waits, and the lock is taken on its newest version); the next statements' snapshots
 * then see those versions, which no one else can change: a row whose last memberships go is
 * deleted, the others counted down. (Without the lock, a DELETE would test its snapshot's count
 * and skip a row another transaction is counting down to ours.)
 */
const personRemove = (rowsSql: string) => {
  const gone = `(SELECT x.ancestor_id, x.user_id, count(*) AS n FROM (${underAncestors(rowsSql)}) x GROUP BY x.ancestor_id, x.user_id)`;
  return `
  PERFORM 1 FROM supervision_person p JOIN ${gone} g ON g.ancestor_id = p.ancestor_id AND g.user_id = p.user_id
    ORDER BY p.ancestor_id, p.user_id FOR UPDATE OF p;
  DELETE FROM supervision_person p USING ${gone} g
   WHERE g.ancestor_id = p.ancestor_id AND g.user_id = p.user_id AND p.memberships <= g.n;
  UPDATE supervision_person p SET memberships = p.memberships - g.n
    FROM ${gone} g WHERE g.ancestor_id = p.ancestor_id AND g.user_id = p.user_id`;
};

/**
 * The person's state follows their membership rows `rowsSql` (all of one person's rows hold the
 * same state). No lock taken first: a state changes here only when the account or the pupil's
 * guardians changed, and that statement holds the locks of all the person's membership rows (it
 * updated each), so two transactions never change the same person's rows here at once; a
 * membership's own update leaves the state as it is.
 */
const personState = (rowsSql: string) => `
  UPDATE supervision_person p SET (${STATE.join(', ')}) = (${STATE.map((c) => `x.${c}`).join(', ')})
    FROM (SELECT DISTINCT ON (x.ancestor_id, x.user_id) x.* FROM (${underAncestors(rowsSql)}) x ORDER BY x.ancestor_id, x.user_id) x
   WHERE x.ancestor_id = p.ancestor_id AND x.user_id = p.user_id
     AND (${STATE.map((c) => `p.${c}`).join(', ')}) IS DISTINCT FROM (${STATE.map((c) => `x.${c}`).join(', ')})`;

/**
 * « Tableau de bord », totals (issue 19, item 2): the counts of supervision_count for each
 * structure above the écoles (circonscription, département), a person of several of its écoles
 * counted once — kept as changes commit, so that a département's total reads a few rows per école
 * instead of a million accounts.
 *
 * - `supervision_person`: one row per (ancestor, person with a membership in an école under it),
 *   with how many such memberships and the person's state (copied from their supervision_member
 *   rows, which all hold the same). The first membership under the ancestor inserts it, the others
 *   count on it (INSERT … ON CONFLICT, which waits for a concurrent insertion or deletion of the
 *   same row and then sees it), the last one to go deletes it (the row is locked first, so two
 *   concurrent departures cannot both see 2).
 * - `supervision_total`: per (ancestor, profile, `home_id`), the signed deltas of supervision_person's
 *   row versions, as supervision_count sums supervision_member's: exact under concurrent writes for
 *   the same reasons. `home_id` is the école of the membership that brought the person in; a total is
 *   the sum over its home écoles. Without it, every activation and every import of a département
 *   would update (and hold until commit) the same few rows; with it, a transaction writes the total
 *   rows of the écoles whose supervision_count rows it already writes.
 *
 * Triggers on supervision_member only (statement-level, transition tables), after those that keep
 * its rows: the functions and triggers are named supervision_person_* / supervision_total_*.
 * Structures are never re-parented (ScopeClosure refuses it), so an école's ancestors are fixed.
 */
export class SupervisionTotals1796800000200 implements MigrationInterface {
  name = 'SupervisionTotals1796800000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE supervision_person (
        ancestor_id uuid NOT NULL, user_id uuid NOT NULL, home_id uuid NOT NULL, memberships integer NOT NULL,
        profile user_profile NOT NULL, activated boolean NOT NULL, blocked boolean NOT NULL, blocked_until timestamptz,
        predeleted boolean NOT NULL, has_email boolean NOT NULL, guardians integer NOT NULL, active_guardians integer NOT NULL,
        PRIMARY KEY (ancestor_id, user_id))`);
    await q.query(`CREATE INDEX supervision_person_block_end_idx ON supervision_person (ancestor_id, blocked_until) WHERE blocked AND NOT predeleted AND blocked_until IS NOT NULL`);
    // No foreign keys: rows go when their last membership does (a deleted account's cascade included).
    await q.query(`
      CREATE TABLE supervision_total (
        ancestor_id uuid NOT NULL, home_id uuid NOT NULL, profile user_profile NOT NULL,
        ${COLUMNS.map((c) => `${c} integer NOT NULL DEFAULT 0`).join(', ')},
        PRIMARY KEY (ancestor_id, home_id, profile))`);

    // supervision_person → supervision_total.
    await q.query(`
      CREATE FUNCTION supervision_total_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${totalDelta('SELECT 1 AS sign, * FROM new_rows')}; RETURN NULL; END $$`);
    await q.query(`
      CREATE FUNCTION supervision_total_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${totalDelta('SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1, * FROM old_rows')}; RETURN NULL; END $$`);
    await q.query(`
      CREATE FUNCTION supervision_total_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${totalDelta('SELECT -1 AS sign, * FROM old_rows')}; RETURN NULL; END $$`);
    await q.query(`CREATE TRIGGER supervision_total_insert AFTER INSERT ON supervision_person REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION supervision_total_insert()`);
    await q.query(`CREATE TRIGGER supervision_total_update AFTER UPDATE ON supervision_person REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION supervision_total_update()`);
    await q.query(`CREATE TRIGGER supervision_total_delete AFTER DELETE ON supervision_person REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION supervision_total_delete()`);

    // supervision_member → supervision_person.
    await q.query(`
      CREATE FUNCTION supervision_person_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${personAdd('SELECT * FROM new_rows')}; RETURN NULL; END $$`);
    await q.query(`
      CREATE FUNCTION supervision_person_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${personRemove('SELECT * FROM old_rows')}; RETURN NULL; END $$`);
    // A key changed by ON UPDATE CASCADE is a membership gone and one come (added first: a move
    // between two écoles of a circonscription keeps the person's row); the others carry a new state.
    const sameKey = (a: string, b: string) => `${a}.structure_id = ${b}.structure_id AND ${a}.user_id = ${b}.user_id`;
    await q.query(`
      CREATE FUNCTION supervision_person_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE ${sameKey('o', 'n')})) THEN
          ${personAdd(`SELECT n.* FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE ${sameKey('o', 'n')})`)};
          ${personRemove(`SELECT o.* FROM old_rows o WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE ${sameKey('o', 'n')})`)};
        END IF;
        ${personState('SELECT * FROM new_rows')};
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER supervision_person_insert AFTER INSERT ON supervision_member REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION supervision_person_insert()`);
    await q.query(`CREATE TRIGGER supervision_person_update AFTER UPDATE ON supervision_member REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION supervision_person_update()`);
    await q.query(`CREATE TRIGGER supervision_person_delete AFTER DELETE ON supervision_member REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION supervision_person_delete()`);

    // What exists already, through the triggers above (CREATE TRIGGER's lock on supervision_member
    // keeps its writers out until this commits).
    await q.query(personAdd('SELECT * FROM supervision_member'));
    await q.query(`ANALYZE supervision_person`);
    await q.query(`ANALYZE supervision_total`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER supervision_person_${event} ON supervision_member`);
    await q.query(`DROP TABLE supervision_total, supervision_person`);
    for (const fn of ['person_insert', 'person_update', 'person_delete', 'total_insert', 'total_update', 'total_delete']) {
      await q.query(`DROP FUNCTION supervision_${fn}()`);
    }
  }
}
