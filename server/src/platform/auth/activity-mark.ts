/**
 * A CTE marking today (Europe/Paris) in the account's 31-day activity mask (migration
 * ActivityDays), for the statements that already run at a sign-in and at a request: no statement
 * of its own, and only the day is kept, never the time. `userIdSql` names the account's id in that
 * statement. A mask already marked today is not written again (nor locked).
 */
export function activityMark(userIdSql: string, from = ''): string {
  return `marked AS (
         INSERT INTO account_activity AS a (user_id, days, last_day)
         SELECT ${userIdSql}, 1, (now() AT TIME ZONE 'Europe/Paris')::date ${from}
          WHERE NOT EXISTS (SELECT 1 FROM account_activity x WHERE x.user_id = ${userIdSql} AND x.last_day >= (now() AT TIME ZONE 'Europe/Paris')::date)
         ON CONFLICT (user_id) DO UPDATE SET days = activity_shift(a.days, a.last_day, EXCLUDED.last_day) | 1, last_day = EXCLUDED.last_day
          WHERE a.last_day < EXCLUDED.last_day
       )`;
}
