import { searchKey } from '../directory';

const combining = /[\u0300-\u036f]/g;

/** Accents off (« é » → « e »); letters without a decomposed form are left to `searchKey`. */
export function stripAccents(value: string): string {
  return value.normalize('NFD').replace(combining, '');
}

/**
 * A name as matching compares it: accents stripped, case folded, spaces, hyphens and apostrophes
 * removed (« N'Guessan » = « NGUESSAN », « Jean-Éric » = « jean eric »). It is `searchKey` (what
 * `app_user.search_first/search_last` hold) without its spaces, so SQL can compare on those columns.
 */
export function nameKey(value: string): string {
  return searchKey(value).replace(/ /g, '');
}

/** « Léa » with its surrounding and doubled spaces removed; names keep their accents and case. */
export function cleanCell(value: string | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim();
}

/** JJ/MM/AAAA (ONDE as most directors see it) or AAAA-MM-JJ (some extractions) → ISO, else null. */
export function parseDate(value: string): string | null {
  const text = value.trim();
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  let year: number, month: number, day: number;
  if (match) [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
    if (!match) return null;
    [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (year < 1900 || year > 2100) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Lower case, trimmed; null unless it looks like an address (a bad one is a warning, never stored). */
export function parseEmail(value: string): string | null | 'invalid' {
  const text = value.trim().toLowerCase();
  if (!text) return null;
  return /^[^\s@;,]+@[^\s@;,]+\.[a-z]{2,}$/.test(text) ? text : 'invalid';
}

/** Digits only, +33 as 0: « 06 12 34 56 78 », « 06.12.34.56.78 » and « +33 6 12 34 56 78 » are one number. */
export function phoneKey(value: string): string | null {
  let digits = value.replace(/[^\d+]/g, '');
  if (digits.startsWith('+33')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('0033')) digits = `0${digits.slice(4)}`;
  digits = digits.replace(/\+/g, '');
  return digits.length >= 6 ? digits : null;
}
