/**
 * Logins per SPEC: `prenom.nom`, accents stripped, anything but a–z and 0–9 removed, lower case, each
 * part at most 30 characters; on collision a counter from 2 is appended (`jean.dupont2`).
 */
const MAX_PART = 30;

/** Latin letters with no decomposed form (NFD leaves them whole), as names from ONDE may hold. */
const standalone: Record<string, string> = {
  æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ß: 'ss', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D',
  þ: 'th', Þ: 'TH', ı: 'i', ħ: 'h', Ħ: 'H', ŧ: 't', Ŧ: 'T', ŋ: 'n', Ŋ: 'N', ĸ: 'k',
};

export function stripAccents(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[æÆœŒßøØłŁđĐðÐþÞıħĦŧŦŋŊĸ]/g, (letter) => standalone[letter]);
}

function loginPart(value: string): string {
  return stripAccents(value).toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, MAX_PART);
}

/** The login before any collision counter, e.g. « Jean-Éric » « D'Alembert » → `jeaneric.dalembert`. */
export function baseLogin(firstName: string, lastName: string): string {
  const first = loginPart(firstName) || 'utilisateur';
  const last = loginPart(lastName) || 'ent';
  return `${first}.${last}`;
}

/**
 * The first free login for `base` given the names already taken that start with it. Only exact
 * `base` and `base<digits>` count as collisions (`jean.dupontel` does not block `jean.dupont`).
 */
export function firstFreeLogin(base: string, taken: Iterable<string>): string {
  const used = new Set<number>();
  for (const name of taken) {
    if (name === base) used.add(1);
    else if (name.startsWith(base)) {
      const suffix = name.slice(base.length);
      if (/^[0-9]+$/.test(suffix) && !suffix.startsWith('0')) used.add(Number(suffix));
    }
  }
  if (!used.has(1)) return base;
  let counter = 2;
  while (used.has(counter)) counter++;
  return `${base}${counter}`;
}

/** The (base, counter) pairs a taken name stands for: itself as counter 1, base + digits for each split of its trailing digits. */
function claims(name: string): [string, number][] {
  const pairs: [string, number][] = [[name, 1]];
  const digits = /[0-9]+$/.exec(name);
  if (digits) for (let i = digits.index; i < name.length; i++) if (name[i] !== '0') pairs.push([name.slice(0, i), Number(name.slice(i))]);
  return pairs;
}

/** Counters taken per base (1 for the base itself), from taken names: what `firstFreeLogin` reads of them. */
export function countersOf(names: Iterable<string>): Map<string, Set<number>> {
  const used = new Map<string, Set<number>>();
  for (const name of names) claim(used, name);
  return used;
}

function claim(used: Map<string, Set<number>>, name: string): void {
  for (const [base, counter] of claims(name)) {
    const counters = used.get(base);
    if (counters) counters.add(counter);
    else used.set(base, new Set([counter]));
  }
}

/**
 * `firstFreeLogin` for several accounts in turn, each login taken before the next is chosen, from
 * the counters already taken per base (`countersOf`, or `loginCountersTaken` read in SQL): a base
 * that many accounts share (MARTIN Léa…) costs its accounts, not its accounts times its names.
 */
export function freeLogins(bases: string[], taken: Map<string, Set<number>>): string[] {
  const used = new Map([...taken].map(([base, counters]) => [base, new Set(counters)]));
  // Every counter below a base's `next` is taken: the search starts there.
  const next = new Map<string, number>();
  return bases.map((base) => {
    const counters = used.get(base);
    let counter = next.get(base) ?? 1;
    while (counters?.has(counter)) counter++;
    next.set(base, counter + 1);
    const login = counter === 1 ? base : `${base}${counter}`;
    claim(used, login);
    return login;
  });
}

/** Lower case without accents, for the prefix search columns (`search_first`, `search_last`). */
export function searchKey(value: string): string {
  return stripAccents(value).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

export const ALIAS_PATTERN = /^[0-9a-z.]+$/;
export const ALIAS_MAX_LENGTH = 64;
