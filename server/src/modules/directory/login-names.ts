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
 * The account names (logins and aliases) that a login of one of these bases could collide with:
 * the base itself and the base followed by a digit (`firstFreeLogin` counts nothing else). One or two
 * ranges of `account_name_pattern_idx` per base: in the "C" collation, the names that continue the
 * base with a digit sort between the base + « 0 » and the base + « : ». (A `LIKE ANY` of the bases
 * cannot use an index; a range of every name starting with the base would also read `lea.martinez`,
 * `lea.martineau`… for `lea.martin`.)
 */
export async function loginsTakenFor(db: Queryable, bases: Iterable<string>): Promise<Set<string>> {
  const unique = [...new Set(bases)];
  if (!unique.length) return new Set();
  const rows = (await db.query(
    `SELECT a.name FROM unnest($1::text[]) b(base),
            LATERAL (SELECT n.name FROM account_name n
                      WHERE n.name COLLATE "C" = b.base
                         OR (n.name COLLATE "C" >= b.base || '0' AND n.name COLLATE "C" < b.base || ':')) a`,
    [unique],
  )) as { name: string }[];
  return new Set(rows.map((row) => row.name));
}
