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
