import type { Queryable } from '../../platform/database/queryable';

/**
 * Two creations at once (« Créer un utilisateur », an import of another école) could both find
 * `lea.dupond` free and one would then fail on the unique login. Whoever creates accounts first
 * takes a transaction lock per login base, all at once in one global order (two creators cannot
 * wait on each other in a cycle), then reads the names taken: the second reads the first's logins
 * once it has committed.
 */
export async function lockLoginBases(db: Queryable, bases: Iterable<string>): Promise<void> {
  const unique = [...new Set(bases)];
  if (!unique.length) return;
  await db.query(`SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT hashtextextended('login:' || b, 0) AS k FROM unnest($1::text[]) b ORDER BY 1) keys`, [unique]);
}

/**
 * The counters taken per base by account names (logins and aliases), as `firstFreeLogin` counts
 * them: 1 for the base itself, n for the base followed by n (digits not starting with 0). Read by
 * one or two ranges of `account_name_pattern_idx` per base — in the "C" collation, the names that
 * continue the base with a digit sort between the base + « 0 » and the base + « : » — and sent back
 * as one array of numbers per base: a common base (lea.martin) may have hundreds of names in a
 * département. (A `LIKE ANY` of the bases cannot use an index.)
 */
export async function loginCountersTaken(db: Queryable, bases: Iterable<string>): Promise<Map<string, Set<number>>> {
  const unique = [...new Set(bases)];
  if (!unique.length) return new Map();
  const rows = (await db.query(
    `SELECT b.base, array_agg(CASE WHEN n.name = b.base THEN 1 ELSE substr(n.name, length(b.base) + 1)::int END) AS counters
       FROM unnest($1::text[]) b(base),
            LATERAL (SELECT n.name FROM account_name n
                      WHERE n.name COLLATE "C" = b.base
                         OR (n.name COLLATE "C" >= b.base || '0' AND n.name COLLATE "C" < b.base || ':')) n
      WHERE n.name = b.base OR substr(n.name, length(b.base) + 1) ~ '^[1-9][0-9]{0,8}$'
      GROUP BY b.base`,
    [unique],
  )) as { base: string; counters: number[] }[];
  return new Map(rows.map((row) => [row.base, new Set(row.counters)]));
}
