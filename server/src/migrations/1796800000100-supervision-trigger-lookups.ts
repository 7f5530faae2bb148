import { MigrationInterface, QueryRunner } from 'typeorm';

/** The state of account `u` that the counts read (as in migration SupervisionCounts). */
const STATE_COLUMNS = 'profile, activated, blocked, blocked_until, predeleted, has_email';
const MEMBER_STATE = "u.profile, u.password_hash IS NOT NULL, u.blocked_at IS NOT NULL, u.blocked_until, u.predeleted_at IS NOT NULL, COALESCE(u.email, '') <> ''";
const GUARDIAN_PRESENT = 'g.predeleted_at IS NULL';
const GUARDIAN_ACTIVE = 'g.predeleted_at IS NULL AND g.password_hash IS NOT NULL';

/** The bodies of migration SupervisionCounts, for `down`. */
const BEFORE = {
  membership_insert: `
      BEGIN
        PERFORM 1 FROM app_user u WHERE u.id IN (SELECT user_id FROM new_rows) ORDER BY u.id FOR SHARE;
        PERFORM 1 FROM supervision_guardian l WHERE l.student_id IN (SELECT user_id FROM new_rows) ORDER BY l.student_id, l.relative_id FOR SHARE;
        INSERT INTO supervision_member (structure_id, user_id, ${STATE_COLUMNS}, guardians, active_guardians)
        SELECT n.structure_id, n.user_id, ${MEMBER_STATE},
      COALESCE((SELECT sum(l.present::int) FROM supervision_guardian l WHERE l.student_id = u.id), 0),
      COALESCE((SELECT sum(l.active::int) FROM supervision_guardian l WHERE l.student_id = u.id), 0)
          FROM new_rows n JOIN app_user u ON u.id = n.user_id;
        RETURN NULL;
      END`,
  membership_update: `
      BEGIN
        PERFORM 1 FROM app_user u WHERE u.id IN (SELECT user_id FROM new_rows) ORDER BY u.id FOR SHARE;
        PERFORM 1 FROM supervision_guardian l WHERE l.student_id IN (SELECT user_id FROM new_rows) ORDER BY l.student_id, l.relative_id FOR SHARE;
        UPDATE supervision_member m SET (${STATE_COLUMNS}, guardians, active_guardians) = (SELECT ${MEMBER_STATE},
      COALESCE((SELECT sum(l.present::int) FROM supervision_guardian l WHERE l.student_id = u.id), 0),
      COALESCE((SELECT sum(l.active::int) FROM supervision_guardian l WHERE l.student_id = u.id), 0))
          FROM new_rows n JOIN app_user u ON u.id = n.user_id
         WHERE m.structure_id = n.structure_id AND m.user_id = n.user_id;
        RETURN NULL;
      END`,
  link_insert: `
      BEGIN
        PERFORM 1 FROM app_user s WHERE s.id IN (SELECT student_id FROM new_rows) ORDER BY s.id FOR NO KEY UPDATE;
        PERFORM 1 FROM app_user g WHERE g.id IN (SELECT relative_id FROM new_rows) ORDER BY g.id FOR SHARE;
        INSERT INTO supervision_guardian (relative_id, student_id, present, active)
        SELECT n.relative_id, n.student_id, ${GUARDIAN_PRESENT}, ${GUARDIAN_ACTIVE}
          FROM new_rows n JOIN app_user g ON g.id = n.relative_id;
        RETURN NULL;
      END`,
  guardian_insert: guardianDelta('SELECT 1 AS sign, * FROM new_rows', false),
  guardian_update: guardianDelta('SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1, * FROM old_rows', false),
  guardian_delete: guardianDelta('SELECT -1 AS sign, * FROM old_rows', false),
};

/** A pupil's guardian counters on each of their memberships, from signed `supervision_guardian` rows. */
function guardianDelta(rowsSql: string, indexed: boolean): string {
  const update = (extra: string) => `
      UPDATE supervision_member m SET guardians = m.guardians + d.present, active_guardians = m.active_guardians + d.active
        FROM (SELECT l.student_id, sum(l.sign * l.present::int) AS present, sum(l.sign * l.active::int) AS active
                FROM (${rowsSql}) l GROUP BY l.student_id
              HAVING sum(l.sign * l.present::int) <> 0 OR sum(l.sign * l.active::int) <> 0) d
       WHERE m.user_id = d.student_id${extra}`;
  if (!indexed) return `BEGIN ${update('')}; RETURN NULL; END`;
  return `
      DECLARE pupil_ids uuid[];
      BEGIN
        SELECT array_agg(DISTINCT l.student_id) INTO pupil_ids FROM (${rowsSql}) l;
        ${update(' AND m.user_id = ANY(pupil_ids)')};
        RETURN NULL;
      END`;
}

/**
 * The supervision triggers' cost follows the rows a statement writes, not the size of the tables.
 * The bodies of migration SupervisionCounts joined the transition table to `app_user` and
 * `supervision_guardian` (`IN (SELECT … FROM new_rows)`, `JOIN app_user`): PL/pgSQL keeps the plan
 * it made for a session's first statement, and a plan made for a large statement (a COPY, an import)
 * read those tables whole for every later one, one école or one account; the same plan made for the
 * statement of a few hundred rows of an import already read them whole once the département is
 * filled. Here every
 * read of another table goes through its key with the ids of the statement as an array
 * (`= ANY(ids)`, an index scan whatever the plan), in the same order, so the same rows are locked in
 * the same order as before and the counts stay exact under concurrent writes as the migration
 * explains. The counts themselves were already one upsert per (structure, profile) and statement.
 */
export class SupervisionTriggerLookups1796800000100 implements MigrationInterface {
  name = 'SupervisionTriggerLookups1796800000100';

  async up(q: QueryRunner): Promise<void> {
    const pupilCounters = `COALESCE(c.present, 0), COALESCE(c.active, 0)`;
    const countersOf = `LEFT JOIN (SELECT l.student_id, sum(l.present::int) AS present, sum(l.active::int) AS active
                         FROM supervision_guardian l WHERE l.student_id = ANY(ids) GROUP BY l.student_id) c ON c.student_id = u.id`;
    await this.replace(q, 'membership_insert', `
      DECLARE ids uuid[];
      BEGIN
        SELECT array_agg(DISTINCT user_id) INTO ids FROM new_rows;
        PERFORM 1 FROM app_user u WHERE u.id = ANY(ids) ORDER BY u.id FOR SHARE;
        PERFORM 1 FROM supervision_guardian l WHERE l.student_id = ANY(ids) ORDER BY l.student_id, l.relative_id FOR SHARE;
        INSERT INTO supervision_member (structure_id, user_id, ${STATE_COLUMNS}, guardians, active_guardians)
        SELECT n.structure_id, n.user_id, ${MEMBER_STATE}, ${pupilCounters}
          FROM app_user u JOIN new_rows n ON n.user_id = u.id ${countersOf}
         WHERE u.id = ANY(ids);
        RETURN NULL;
      END`);
    await this.replace(q, 'membership_update', `
      DECLARE ids uuid[];
      BEGIN
        SELECT array_agg(DISTINCT user_id) INTO ids FROM new_rows;
        PERFORM 1 FROM app_user u WHERE u.id = ANY(ids) ORDER BY u.id FOR SHARE;
        PERFORM 1 FROM supervision_guardian l WHERE l.student_id = ANY(ids) ORDER BY l.student_id, l.relative_id FOR SHARE;
        UPDATE supervision_member m SET (${STATE_COLUMNS}, guardians, active_guardians) = (${MEMBER_STATE}, ${pupilCounters})
          FROM app_user u JOIN new_rows n ON n.user_id = u.id ${countersOf}
         WHERE u.id = ANY(ids) AND m.user_id = ANY(ids) AND m.structure_id = n.structure_id AND m.user_id = n.user_id;
        RETURN NULL;
      END`);
    await this.replace(q, 'link_insert', `
      DECLARE pupil_ids uuid[];
      DECLARE guardian_ids uuid[];
      BEGIN
        SELECT array_agg(DISTINCT student_id), array_agg(DISTINCT relative_id) INTO pupil_ids, guardian_ids FROM new_rows;
        PERFORM 1 FROM app_user s WHERE s.id = ANY(pupil_ids) ORDER BY s.id FOR NO KEY UPDATE;
        PERFORM 1 FROM app_user g WHERE g.id = ANY(guardian_ids) ORDER BY g.id FOR SHARE;
        INSERT INTO supervision_guardian (relative_id, student_id, present, active)
        SELECT n.relative_id, n.student_id, ${GUARDIAN_PRESENT}, ${GUARDIAN_ACTIVE}
          FROM app_user g JOIN new_rows n ON n.relative_id = g.id
         WHERE g.id = ANY(guardian_ids);
        RETURN NULL;
      END`);
    await this.replace(q, 'guardian_insert', guardianDelta('SELECT 1 AS sign, * FROM new_rows', true));
    await this.replace(q, 'guardian_update', guardianDelta('SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1, * FROM old_rows', true));
    await this.replace(q, 'guardian_delete', guardianDelta('SELECT -1 AS sign, * FROM old_rows', true));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name, body] of Object.entries(BEFORE)) await this.replace(q, name, body);
  }

  private replace(q: QueryRunner, name: string, body: string) {
    return q.query(`CREATE OR REPLACE FUNCTION supervision_${name}() RETURNS trigger LANGUAGE plpgsql AS $$ ${body} $$`);
  }
}
