/**
 * The counts of `supervision_count`, recomputed from the base tables by one GROUP BY: what the
 * triggers must always equal (the concurrency test), and the benchmark's baseline. Blocks are as
 * stored (a temporary block that has run out still counts here, as in supervision_count).
 */
export const RECOUNT_SQL = `
  SELECT us.structure_id, u.profile::text AS profile,
         count(*) FILTER (WHERE u.predeleted_at IS NULL)::int AS accounts,
         count(*) FILTER (WHERE u.predeleted_at IS NULL AND u.password_hash IS NOT NULL)::int AS activated,
         count(*) FILTER (WHERE u.predeleted_at IS NULL AND u.blocked_at IS NOT NULL)::int AS blocked,
         count(*) FILTER (WHERE u.predeleted_at IS NOT NULL)::int AS predeleted,
         count(*) FILTER (WHERE u.predeleted_at IS NULL AND COALESCE(u.email, '') = '')::int AS without_email,
         count(*) FILTER (WHERE u.predeleted_at IS NULL AND u.profile = 'STUDENT' AND NOT EXISTS (
           SELECT 1 FROM relative_link r JOIN app_user g ON g.id = r.relative_id WHERE r.student_id = u.id AND g.predeleted_at IS NULL))::int AS without_guardian,
         count(*) FILTER (WHERE u.predeleted_at IS NULL AND u.profile = 'STUDENT' AND EXISTS (
           SELECT 1 FROM relative_link r JOIN app_user g ON g.id = r.relative_id
            WHERE r.student_id = u.id AND g.predeleted_at IS NULL AND g.password_hash IS NOT NULL))::int AS covered
    FROM user_structure us JOIN app_user u ON u.id = us.user_id
   GROUP BY us.structure_id, u.profile`;

/** The kept counts in the same shape (rows that went back to zero left out). */
export const KEPT_SQL = `
  SELECT structure_id, profile::text AS profile, accounts, activated, blocked, predeleted, without_email, without_guardian, covered
    FROM supervision_count
   WHERE accounts <> 0 OR activated <> 0 OR blocked <> 0 OR predeleted <> 0 OR without_email <> 0 OR without_guardian <> 0 OR covered <> 0`;

/**
 * The counts of `supervision_total` recomputed from the base tables: per structure above écoles
 * (circonscription, département) and profile, each person of its écoles once (COUNT(DISTINCT)).
 */
export const TOTAL_RECOUNT_SQL = `
  WITH p AS (
    SELECT sa.ancestor_id, u.*
      FROM user_structure us
      JOIN structure e ON e.id = us.structure_id AND e.kind = 'ECOLE'
      JOIN structure_ancestor sa ON sa.structure_id = us.structure_id AND sa.depth > 0
      JOIN app_user u ON u.id = us.user_id
  )
  SELECT p.ancestor_id AS structure_id, p.profile::text AS profile,
         count(DISTINCT p.id) FILTER (WHERE p.predeleted_at IS NULL)::int AS accounts,
         count(DISTINCT p.id) FILTER (WHERE p.predeleted_at IS NULL AND p.password_hash IS NOT NULL)::int AS activated,
         count(DISTINCT p.id) FILTER (WHERE p.predeleted_at IS NULL AND p.blocked_at IS NOT NULL)::int AS blocked,
         count(DISTINCT p.id) FILTER (WHERE p.predeleted_at IS NOT NULL)::int AS predeleted,
         count(DISTINCT p.id) FILTER (WHERE p.predeleted_at IS NULL AND COALESCE(p.email, '') = '')::int AS without_email,
         count(DISTINCT p.id) FILTER (WHERE p.predeleted_at IS NULL AND p.profile = 'STUDENT' AND NOT EXISTS (
           SELECT 1 FROM relative_link r JOIN app_user g ON g.id = r.relative_id WHERE r.student_id = p.id AND g.predeleted_at IS NULL))::int AS without_guardian,
         count(DISTINCT p.id) FILTER (WHERE p.predeleted_at IS NULL AND p.profile = 'STUDENT' AND EXISTS (
           SELECT 1 FROM relative_link r JOIN app_user g ON g.id = r.relative_id
            WHERE r.student_id = p.id AND g.predeleted_at IS NULL AND g.password_hash IS NOT NULL))::int AS covered
    FROM p
   GROUP BY p.ancestor_id, p.profile`;

/** The kept totals in the same shape: summed over their home écoles, rows that went back to zero left out. */
export const KEPT_TOTAL_SQL = `
  SELECT ancestor_id AS structure_id, profile::text AS profile, sum(accounts)::int AS accounts, sum(activated)::int AS activated,
         sum(blocked)::int AS blocked, sum(predeleted)::int AS predeleted, sum(without_email)::int AS without_email,
         sum(without_guardian)::int AS without_guardian, sum(covered)::int AS covered
    FROM supervision_total
   GROUP BY ancestor_id, profile
  HAVING sum(accounts) <> 0 OR sum(activated) <> 0 OR sum(blocked) <> 0 OR sum(predeleted) <> 0 OR sum(without_email) <> 0
      OR sum(without_guardian) <> 0 OR sum(covered) <> 0`;

/** Each person's row under an ancestor holds as many memberships as they have in its écoles (none left at zero). */
export const PERSON_DRIFT_SQL = `
  SELECT coalesce(p.ancestor_id, r.ancestor_id) AS ancestor_id, coalesce(p.user_id, r.user_id) AS user_id, p.memberships, r.n
    FROM supervision_person p
    FULL JOIN (SELECT sa.ancestor_id, us.user_id, count(*)::int AS n
                 FROM user_structure us JOIN structure e ON e.id = us.structure_id AND e.kind = 'ECOLE'
                 JOIN structure_ancestor sa ON sa.structure_id = us.structure_id AND sa.depth > 0
                GROUP BY sa.ancestor_id, us.user_id) r ON r.ancestor_id = p.ancestor_id AND r.user_id = p.user_id
   WHERE p.memberships IS DISTINCT FROM r.n`;
