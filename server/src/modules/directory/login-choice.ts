import { lockLoginBases, loginCountersTaken } from './login-names';
import type { Queryable } from '../../platform/database/queryable';

const loginOf = (base: string, counter: number) => (counter === 1 ? base : `${base}${counter}`);

/**
 * The logins of accounts about to be created, one per base given (a base may repeat), in the order
 * given; to be inserted in the caller's transaction. Both creators — « Créer un utilisateur » and
 * the import writer — go through here.
 *
 * Reading every namesake's name (`loginCountersTaken`) costs what the département holds: a common
 * base (lea.martin) has hundreds. So each base keeps a hint in `login_hint`, the next counter to try
 * (every counter below it was taken when it was written), read and moved under the base's lock
 * (`lockLoginBases`), and only candidates from it on are looked up, by key. A base with no hint yet
 * (names made before the hints, or its first account) is read in full once.
 *
 * Intended consequence: a counter freed below the hint (an account deleted for good) is not given
 * again, so a former pupil's login never becomes someone else's. Names a hint does not know of (an
 * alias such as `lea.martin7`, an account another base's counter made, names written without a
 * hint) are found by the lookups and skipped.
 */
export async function chooseLogins(db: Queryable, bases: string[]): Promise<string[]> {
  if (!bases.length) return [];
  const need = new Map<string, number>();
  for (const base of bases) need.set(base, (need.get(base) ?? 0) + 1);
  const unique = [...need.keys()];
  await lockLoginBases(db, unique);

  // By key, as the candidates below: `OFFSET 0` keeps each lateral a lookup of its own, whatever the table's size.
  const hints = (await db.query(
    `SELECT b.base, h.next_counter FROM unnest($1::text[]) b(base), LATERAL (SELECT next_counter FROM login_hint h WHERE h.base = b.base OFFSET 0) h`,
    [unique],
  )) as { base: string; next_counter: number }[];
  const cursor = new Map(hints.map((row) => [row.base, row.next_counter]));
  // Counters known taken: the full read of the bases without a hint (once each, then they have one).
  const known = await loginCountersTaken(db, unique.filter((base) => !cursor.has(base)));
  for (const base of unique) {
    if (cursor.has(base)) continue;
    const taken = known.get(base);
    let counter = 1;
    while (taken?.has(counter)) counter++;
    cursor.set(base, counter);
  }

  const chosen = new Map<string, string[]>(unique.map((base) => [base, []]));
  // Logins given in this call: another base's counter may name the same (lea.martin + 12, lea.martin1 + 2).
  const given = new Set<string>();
  // Usually one round: the candidates after a hint are free but for an alias, or another base's account.
  for (let span = 1; unique.some((base) => need.get(base)! > 0); span *= 4) {
    const candidates = new Map<string, number[]>();
    for (const base of unique) {
      const wanted = need.get(base)! * span;
      if (!wanted) continue;
      const counters: number[] = [];
      for (let counter = cursor.get(base)!; counters.length < wanted; counter++) if (!known.get(base)?.has(counter)) counters.push(counter);
      candidates.set(base, counters);
    }
    const names = [...candidates].flatMap(([base, counters]) => counters.map((counter) => loginOf(base, counter)));
    // One probe per candidate: with `name = ANY`, the planner may prefer scanning the whole table to a few hundred probes.
    const rows = (await db.query(`SELECT c.name FROM unnest($1::text[]) c(name), LATERAL (SELECT FROM account_name n WHERE n.name = c.name OFFSET 0) n`, [names])) as {
      name: string;
    }[];
    const existing = new Set(rows.map((row) => row.name));
    for (const [base, counters] of candidates) {
      for (const counter of counters) {
        if (!need.get(base)) break;
        const login = loginOf(base, counter);
        cursor.set(base, counter + 1);
        if (existing.has(login) || given.has(login)) continue;
        chosen.get(base)!.push(login);
        given.add(login);
        need.set(base, need.get(base)! - 1);
      }
    }
  }

  // Past what the full read knows taken too, so a base read in full once is not probed again through its namesakes.
  for (const base of unique) {
    let counter = cursor.get(base)!;
    while (known.get(base)?.has(counter)) counter++;
    cursor.set(base, counter);
  }
  await db.query(
    `INSERT INTO login_hint (base, next_counter) SELECT * FROM unnest($1::text[], $2::int[])
     ON CONFLICT (base) DO UPDATE SET next_counter = EXCLUDED.next_counter`,
    [unique, unique.map((base) => cursor.get(base))],
  );
  const next = new Map(unique.map((base) => [base, 0]));
  return bases.map((base) => {
    const index = next.get(base)!;
    next.set(base, index + 1);
    return chosen.get(base)![index];
  });
}
