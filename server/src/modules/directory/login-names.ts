/** A pool, a data source or a transaction's manager. */
interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>;
}

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
 * The account names (logins and aliases) that begin with one of these bases, for `firstFreeLogin`:
 * one range of `account_name_pattern_idx` per base (a `LIKE ANY` of the bases cannot use an index
 * and read the whole table). The range holds every name that starts with the base: in the "C"
 * collation, those sort between the base and the base followed by the last code point.
 */
export async function namesStartingWith(db: Queryable, bases: Iterable<string>): Promise<Set<string>> {
  const unique = [...new Set(bases)];
  if (!unique.length) return new Set();
  const rows = (await db.query(
    `SELECT a.name FROM unnest($1::text[]) b(base),
            LATERAL (SELECT n.name FROM account_name n
                      WHERE n.name COLLATE "C" >= b.base AND n.name COLLATE "C" < b.base || chr(1114111)) a`,
    [unique],
  )) as { name: string }[];
  return new Set(rows.map((row) => row.name));
}
