import { MigrationInterface, QueryRunner } from 'typeorm';

/** The counts of `supervision_count`, from a set of `supervision_member` rows (the `m` alias). */
const COUNTS = {
  accounts: 'NOT m.predeleted',
  activated: 'NOT m.predeleted AND m.activated',
  blocked: 'NOT m.predeleted AND m.blocked',
  predeleted: 'm.predeleted',
  without_email: 'NOT m.predeleted AND NOT m.has_email',
  without_guardian: "NOT m.predeleted AND m.profile = 'STUDENT' AND m.guardians = 0",
  covered: "NOT m.predeleted AND m.profile = 'STUDENT' AND m.active_guardians > 0",
} as const;
const COLUMNS = Object.keys(COUNTS) as (keyof typeof COUNTS)[];

/** `sign` is +1 for a row version that now counts, -1 for one that no longer does. */
function countDelta(rowsSql: string): string {
  const sums = COLUMNS.map((c) => `sum(m.sign * (${COUNTS[c]})::int) AS ${c}`).join(', ');
  return `
    INSERT INTO supervision_count AS c (structure_id, profile, ${COLUMNS.join(', ')})
    SELECT m.structure_id, m.profile, ${sums}
      FROM (${rowsSql}) m
     GROUP BY m.structure_id, m.profile
    HAVING ${COLUMNS.map((c) => `sum(m.sign * (${COUNTS[c]})::int) <> 0`).join(' OR ')}
     ORDER BY m.structure_id, m.profile
    ON CONFLICT (structure_id, profile) DO UPDATE SET ${COLUMNS.map((c) => `${c} = c.${c} + EXCLUDED.${c}`).join(', ')}`;
}

/** A guardian counts for a pupil while not pre-deleted; « activé » once they have a password. */
const GUARDIAN_PRESENT = 'g.predeleted_at IS NULL';
const GUARDIAN_ACTIVE = 'g.predeleted_at IS NULL AND g.password_hash IS NOT NULL';

/** The state of account `u` that the counts read (same definitions as the user list's filters). */
const ACCOUNT_STATE = {
  profile: 'u.profile',
  activated: 'u.password_hash IS NOT NULL',
  blocked: 'u.blocked_at IS NOT NULL',
  blocked_until: 'u.blocked_until',
  predeleted: 'u.predeleted_at IS NOT NULL',
  has_email: "COALESCE(u.email, '') <> ''",
} as const;
const STATE_COLUMNS = Object.keys(ACCOUNT_STATE) as (keyof typeof ACCOUNT_STATE)[];

/**
 * « Tableau de bord »: accounts per (structure, profile) — activated, blocked, pre-deleted, without
 * e-mail, pupils without a guardian or with an activated one — kept by PostgreSQL as changes commit,
 * so that a département's dashboard reads a few thousand rows instead of grouping a million accounts.
 *
 * Exact under concurrent writes because every count is a sum of signed deltas of row versions of two
 * mirror tables, and each row version is written by exactly one transaction under PostgreSQL's row
 * locks (an UPDATE that waited re-reads the newest version, and the transition tables hold the
 * versions it really replaced):
 * - `supervision_guardian`, one row per `relative_link`, with whether its guardian is present and
 *   activated (followed when the guardian changes);
 * - `supervision_member`, one row per `user_structure`, with the account's state and its pupil's
 *   guardian counters (followed when the account changes; incremented from `supervision_guardian`).
 * Where a new mirror row reads another table, it locks what it reads so that a concurrent change
 * either is seen or sees it: a membership locks its account (FOR SHARE) and the pupil's guardian
 * rows; a link locks its guardian (FOR SHARE) and its pupil (FOR NO KEY UPDATE, which waits for a
 * membership being added to that pupil, and makes such a membership wait for the link).
 * Statement-level triggers with transition tables: an import or a COPY is one delta per statement.
 * Temporary blocks that have run out are subtracted when read (a clock, not a change, ends them).
 */
export class SupervisionCounts1796700000000 implements MigrationInterface {
  name = 'SupervisionCounts1796700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE supervision_guardian (
        relative_id uuid NOT NULL, student_id uuid NOT NULL,
        present boolean NOT NULL, active boolean NOT NULL,
        PRIMARY KEY (student_id, relative_id),
        FOREIGN KEY (relative_id, student_id) REFERENCES relative_link (relative_id, student_id) ON DELETE CASCADE ON UPDATE CASCADE)`);
    await q.query(`CREATE INDEX supervision_guardian_relative_idx ON supervision_guardian (relative_id)`);
    await q.query(`
      CREATE TABLE supervision_member (
        structure_id uuid NOT NULL, user_id uuid NOT NULL,
        profile user_profile NOT NULL, activated boolean NOT NULL, blocked boolean NOT NULL, blocked_until timestamptz,
        predeleted boolean NOT NULL, has_email boolean NOT NULL,
        guardians integer NOT NULL DEFAULT 0, active_guardians integer NOT NULL DEFAULT 0,
        PRIMARY KEY (structure_id, user_id),
        FOREIGN KEY (user_id, structure_id) REFERENCES user_structure (user_id, structure_id) ON DELETE CASCADE ON UPDATE CASCADE)`);
    await q.query(`CREATE INDEX supervision_member_user_idx ON supervision_member (user_id)`);
    await q.query(`CREATE INDEX supervision_member_block_end_idx ON supervision_member (blocked_until) WHERE blocked AND NOT predeleted AND blocked_until IS NOT NULL`);
    // No foreign key to structure: a structure's deletion cascades to its memberships, whose
    // decrements land here after it is gone; readers join on structure.
    await q.query(`
      CREATE TABLE supervision_count (
        structure_id uuid NOT NULL, profile user_profile NOT NULL,
        ${COLUMNS.map((c) => `${c} integer NOT NULL DEFAULT 0`).join(', ')},
        PRIMARY KEY (structure_id, profile))`);

    // supervision_member → supervision_count.
    await q.query(`
      CREATE FUNCTION supervision_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${countDelta('SELECT 1 AS sign, * FROM new_rows')}; RETURN NULL; END $$`);
    await q.query(`
      CREATE FUNCTION supervision_count_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${countDelta('SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1, * FROM old_rows')}; RETURN NULL; END $$`);
    await q.query(`
      CREATE FUNCTION supervision_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${countDelta('SELECT -1 AS sign, * FROM old_rows')}; RETURN NULL; END $$`);
    await q.query(`CREATE TRIGGER supervision_count_insert AFTER INSERT ON supervision_member REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION supervision_count_insert()`);
    await q.query(`CREATE TRIGGER supervision_count_update AFTER UPDATE ON supervision_member REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION supervision_count_update()`);
    await q.query(`CREATE TRIGGER supervision_count_delete AFTER DELETE ON supervision_member REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION supervision_count_delete()`);

    // supervision_guardian → the pupil's guardian counters on each of their memberships.
    const guardianDelta = (rowsSql: string) => `
      UPDATE supervision_member m SET guardians = m.guardians + d.present, active_guardians = m.active_guardians + d.active
        FROM (SELECT l.student_id, sum(l.sign * l.present::int) AS present, sum(l.sign * l.active::int) AS active
                FROM (${rowsSql}) l GROUP BY l.student_id
              HAVING sum(l.sign * l.present::int) <> 0 OR sum(l.sign * l.active::int) <> 0) d
       WHERE m.user_id = d.student_id`;
    await q.query(`
      CREATE FUNCTION supervision_guardian_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${guardianDelta('SELECT 1 AS sign, * FROM new_rows')}; RETURN NULL; END $$`);
    await q.query(`
      CREATE FUNCTION supervision_guardian_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${guardianDelta('SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1, * FROM old_rows')}; RETURN NULL; END $$`);
    await q.query(`
      CREATE FUNCTION supervision_guardian_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${guardianDelta('SELECT -1 AS sign, * FROM old_rows')}; RETURN NULL; END $$`);
    await q.query(`CREATE TRIGGER supervision_guardian_insert AFTER INSERT ON supervision_guardian REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION supervision_guardian_insert()`);
    await q.query(`CREATE TRIGGER supervision_guardian_update AFTER UPDATE ON supervision_guardian REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION supervision_guardian_update()`);
    await q.query(`CREATE TRIGGER supervision_guardian_delete AFTER DELETE ON supervision_guardian REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION supervision_guardian_delete()`);

    // relative_link → supervision_guardian (a deleted link cascades through the foreign key).
    await q.query(`
      CREATE FUNCTION supervision_link_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM app_user s WHERE s.id IN (SELECT student_id FROM new_rows) ORDER BY s.id FOR NO KEY UPDATE;
        PERFORM 1 FROM app_user g WHERE g.id IN (SELECT relative_id FROM new_rows) ORDER BY g.id FOR SHARE;
        INSERT INTO supervision_guardian (relative_id, student_id, present, active)
        SELECT n.relative_id, n.student_id, ${GUARDIAN_PRESENT}, ${GUARDIAN_ACTIVE}
          FROM new_rows n JOIN app_user g ON g.id = n.relative_id;
        RETURN NULL;
      END $$`);
    // Keys already followed by ON UPDATE CASCADE; the guardian may be another one.
    await q.query(`
      CREATE FUNCTION supervision_link_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM app_user g WHERE g.id IN (SELECT relative_id FROM new_rows) ORDER BY g.id FOR SHARE;
        UPDATE supervision_guardian l SET present = ${GUARDIAN_PRESENT}, active = ${GUARDIAN_ACTIVE}
          FROM new_rows n JOIN app_user g ON g.id = n.relative_id
         WHERE l.relative_id = n.relative_id AND l.student_id = n.student_id
           AND (l.present, l.active) IS DISTINCT FROM (${GUARDIAN_PRESENT}, ${GUARDIAN_ACTIVE});
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER supervision_link_insert AFTER INSERT ON relative_link REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION supervision_link_insert()`);
    await q.query(`CREATE TRIGGER supervision_link_update AFTER UPDATE ON relative_link REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION supervision_link_update()`);

    // user_structure → supervision_member (a deleted membership cascades through the foreign key).
    const memberState = STATE_COLUMNS.map((c) => ACCOUNT_STATE[c]).join(', ');
    const pupilCounters = `
      COALESCE((SELECT sum(l.present::int) FROM supervision_guardian l WHERE l.student_id = u.id), 0),
      COALESCE((SELECT sum(l.active::int) FROM supervision_guardian l WHERE l.student_id = u.id), 0)`;
    await q.query(`
      CREATE FUNCTION supervision_membership_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM app_user u WHERE u.id IN (SELECT user_id FROM new_rows) ORDER BY u.id FOR SHARE;
        PERFORM 1 FROM supervision_guardian l WHERE l.student_id IN (SELECT user_id FROM new_rows) ORDER BY l.student_id, l.relative_id FOR SHARE;
        INSERT INTO supervision_member (structure_id, user_id, ${STATE_COLUMNS.join(', ')}, guardians, active_guardians)
        SELECT n.structure_id, n.user_id, ${memberState}, ${pupilCounters}
          FROM new_rows n JOIN app_user u ON u.id = n.user_id;
        RETURN NULL;
      END $$`);
    // Keys already followed by ON UPDATE CASCADE; the account may be another one.
    await q.query(`
      CREATE FUNCTION supervision_membership_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM app_user u WHERE u.id IN (SELECT user_id FROM new_rows) ORDER BY u.id FOR SHARE;
        PERFORM 1 FROM supervision_guardian l WHERE l.student_id IN (SELECT user_id FROM new_rows) ORDER BY l.student_id, l.relative_id FOR SHARE;
        UPDATE supervision_member m SET (${STATE_COLUMNS.join(', ')}, guardians, active_guardians) = (SELECT ${memberState}, ${pupilCounters})
          FROM new_rows n JOIN app_user u ON u.id = n.user_id
         WHERE m.structure_id = n.structure_id AND m.user_id = n.user_id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER supervision_membership_insert AFTER INSERT ON user_structure REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION supervision_membership_insert()`);
    await q.query(`CREATE TRIGGER supervision_membership_update AFTER UPDATE ON user_structure REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION supervision_membership_update()`);

    // app_user → both mirrors. The UPDATE holds the accounts' row locks, so these versions are the newest.
    const stateOf = (alias: string, column: keyof typeof ACCOUNT_STATE) => ACCOUNT_STATE[column].replaceAll('u.', `${alias}.`);
    const changed = (column: keyof typeof ACCOUNT_STATE) => `(${stateOf('o', column)}) IS DISTINCT FROM (${stateOf('x', column)})`;
    await q.query(`
      CREATE FUNCTION supervision_account_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE supervision_member m SET (${STATE_COLUMNS.join(', ')}) = (SELECT ${STATE_COLUMNS.map((c) => stateOf('x', c)).join(', ')})
          FROM old_rows o JOIN new_rows x ON x.id = o.id
         WHERE m.user_id = x.id AND (${STATE_COLUMNS.map(changed).join(' OR ')});
        UPDATE supervision_guardian l SET present = ${GUARDIAN_PRESENT}, active = ${GUARDIAN_ACTIVE}
          FROM old_rows o JOIN new_rows g ON g.id = o.id
         WHERE l.relative_id = g.id
           AND ((o.predeleted_at IS NULL) <> (g.predeleted_at IS NULL) OR (o.password_hash IS NULL) <> (g.password_hash IS NULL));
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER supervision_account_update AFTER UPDATE ON app_user REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION supervision_account_update()`);

    // What exists already, through the triggers above (the table locks CREATE TRIGGER took keep
    // writers out until this commits): links first, so memberships read their counters.
    await q.query(`
      INSERT INTO supervision_guardian (relative_id, student_id, present, active)
      SELECT r.relative_id, r.student_id, ${GUARDIAN_PRESENT}, ${GUARDIAN_ACTIVE} FROM relative_link r JOIN app_user g ON g.id = r.relative_id`);
    await q.query(`
      INSERT INTO supervision_member (structure_id, user_id, ${STATE_COLUMNS.join(', ')}, guardians, active_guardians)
      SELECT us.structure_id, us.user_id, ${memberState}, COALESCE(l.present, 0), COALESCE(l.active, 0)
        FROM user_structure us JOIN app_user u ON u.id = us.user_id
        LEFT JOIN (SELECT student_id, sum(present::int) AS present, sum(active::int) AS active FROM supervision_guardian GROUP BY student_id) l ON l.student_id = us.user_id`);
    await q.query(`ANALYZE supervision_guardian`);
    await q.query(`ANALYZE supervision_member`);
    await q.query(`ANALYZE supervision_count`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER supervision_account_update ON app_user`);
    await q.query(`DROP TRIGGER supervision_membership_insert ON user_structure`);
    await q.query(`DROP TRIGGER supervision_membership_update ON user_structure`);
    await q.query(`DROP TRIGGER supervision_link_insert ON relative_link`);
    await q.query(`DROP TRIGGER supervision_link_update ON relative_link`);
    await q.query(`DROP TABLE supervision_count, supervision_member, supervision_guardian`);
    for (const fn of ['account_update', 'membership_insert', 'membership_update', 'link_insert', 'link_update', 'guardian_insert', 'guardian_update', 'guardian_delete', 'count_insert', 'count_update', 'count_delete']) {
      await q.query(`DROP FUNCTION supervision_${fn}()`);
    }
  }
}
