import { DataSource } from 'typeorm';

const PARIS_TODAY = `(now() AT TIME ZONE 'Europe/Paris')::date`;

/**
 * The daily roll-ups of « actifs sur 7 / 30 jours » (migration ActivityDays), from the accounts'
 * 31-day masks: per école, circonscription and département (a person of several écoles counted
 * once there, as in the totals), per profile, accounts not pre-deleted. Run hourly, it rewrites yesterday's row (final once the
 * day is over) and today's (so far); then it drops roll-ups older than 25 months and masks not
 * touched for 31 days, so nothing finer than a day and nothing older than that is kept.
 */
export class ActivityRollupService {
  constructor(private readonly dataSource: DataSource) {}

  async run(): Promise<void> {
    await this.rollUp(`${PARIS_TODAY} - 1`);
    await this.rollUp(PARIS_TODAY);
    await this.purge();
  }

  /**
   * `daySql`: an SQL date expression (a parameter in tests). The day's rows are replaced, so a
   * profile an école no longer has leaves no row behind.
   */
  async rollUp(daySql: string, params: unknown[] = []): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM supervision_activity WHERE day = (${daySql})::date`, params);
      // Écoles from their members; circonscriptions and départements from supervision_person,
      // where a person of several of their écoles is one row (migration SupervisionTotals).
      await manager.query(
        `WITH d AS (SELECT (${daySql})::date AS day),
         people AS (
           SELECT m.structure_id, m.profile, m.user_id FROM supervision_member m
             JOIN structure e ON e.id = m.structure_id AND e.kind = 'ECOLE'
            WHERE NOT m.predeleted
           UNION ALL
           SELECT p.ancestor_id, p.profile, p.user_id FROM supervision_person p WHERE NOT p.predeleted
         )
         INSERT INTO supervision_activity AS s (structure_id, day, profile, accounts, active_7, active_30)
         SELECT x.structure_id, d.day, x.profile, count(*)::int,
                (count(*) FILTER (WHERE activity_within(a.days, a.last_day, d.day, 7)))::int,
                (count(*) FILTER (WHERE activity_within(a.days, a.last_day, d.day, 30)))::int
           FROM d CROSS JOIN people x
           LEFT JOIN account_activity a ON a.user_id = x.user_id
          GROUP BY x.structure_id, d.day, x.profile`,
        params,
      );
    });
  }

  async purge(): Promise<void> {
    await this.dataSource.query(`DELETE FROM supervision_activity WHERE day < ${PARIS_TODAY} - interval '25 months'`);
    await this.dataSource.query(`DELETE FROM account_activity WHERE last_day < ${PARIS_TODAY} - 30`);
  }
}
