import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Actives over 7 and 30 days without any sign-in history (issue 19, item 2).
 *
 * `account_activity`: per account, 31 bits of « active that Europe/Paris day » (bit 0 = `last_day`,
 * bit i = i days before), set by the sign-in statement and by the first request of the day. Only
 * the days survive, never times; a mask not touched for 31 days is deleted by the roll-up job.
 *
 * `supervision_activity`: per (structure, Paris day, profile), the accounts and how many were active
 * over the 7 and the 30 days ending that day, for écoles and circonscriptions (a circonscription's
 * row counts a person of several of its écoles once). Written by the hourly roll-up job, kept 25
 * months (the CNIL's audience-measurement bar), then purged by the same job.
 */
export class ActivityDays1796720000001 implements MigrationInterface {
  name = 'ActivityDays1796720000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE account_activity (
        user_id uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
        days integer NOT NULL, last_day date NOT NULL)`);
    // The mask as of another day: shifted by the days between, the bits older than 31 days dropped.
    await q.query(`
      CREATE FUNCTION activity_shift(days integer, last_day date, to_day date) RETURNS integer
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN to_day - last_day >= 31 THEN 0
                    WHEN to_day <= last_day THEN days
                    ELSE ((days::bigint << (to_day - last_day)) & 2147483647)::integer END $$`);
    // Whether the mask holds a day of the n days ending on upto (upto may be before last_day).
    await q.query(`
      CREATE FUNCTION activity_within(days integer, last_day date, upto date, n integer) RETURNS boolean
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN days IS NULL OR last_day - upto + n - 1 < 0 OR last_day - upto > 30 THEN false
                    ELSE (days::bigint & (((1::bigint << (LEAST(last_day - upto + n - 1, 30) - GREATEST(last_day - upto, 0) + 1)) - 1)
                                          << GREATEST(last_day - upto, 0))) <> 0 END $$`);
    await q.query(`
      CREATE TABLE supervision_activity (
        structure_id uuid NOT NULL, day date NOT NULL, profile user_profile NOT NULL,
        accounts integer NOT NULL, active_7 integer NOT NULL, active_30 integer NOT NULL,
        PRIMARY KEY (structure_id, day, profile))`);
    await q.query(`CREATE INDEX supervision_activity_day_idx ON supervision_activity (day)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE supervision_activity`);
    await q.query(`DROP FUNCTION activity_within(integer, date, date, integer)`);
    await q.query(`DROP FUNCTION activity_shift(integer, date, date)`);
    await q.query(`DROP TABLE account_activity`);
  }
}
