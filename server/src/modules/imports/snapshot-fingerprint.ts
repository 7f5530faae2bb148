import { createHash } from 'node:crypto';
import type { ElsewherePupil, ExistingClass, ExistingPupil, ExistingRelative } from './school-snapshot';

/** Everything a dry run compared the files with. */
export interface SchoolSnapshot {
  classes: ExistingClass[];
  pupils: ExistingPupil[];
  relatives: ExistingRelative[];
  elsewhere: ElsewherePupil[];
  byContact: ExistingRelative[];
}

type Row = object;

/**
 * One row as text: its values in the order of its sorted column names, the arrays among them
 * (class or child ids, levels) sorted. SQL's row and array_agg orders are not part of what was read.
 */
function rowText(row: Row, columns: string[]): string {
  const values = row as Record<string, unknown>;
  return JSON.stringify(columns.map((column) => (Array.isArray(values[column]) ? [...(values[column] as unknown[])].sort() : values[column])));
}

/** A list of rows as text: its column names, then its rows sorted (each written out once). */
function listText(rows: Row[]): string {
  if (rows.length === 0) return '';
  const columns = Object.keys(rows[0]).sort();
  return `${columns.join(',')}\n${rows
    .map((row) => rowText(row, columns))
    .sort()
    .join('\n')}`;
}

const LISTS: (keyof SchoolSnapshot)[] = ['classes', 'pupils', 'relatives', 'elsewhere', 'byContact'];

/**
 * SHA-256 of the snapshot: « Appliquer » reads it again under lock and refuses (« Le rapport n'est
 * plus à jour ») when anything the matching used has changed: a name, a class, a link, an e-mail…
 */
export function snapshotFingerprint(snapshot: SchoolSnapshot): string {
  const hash = createHash('sha256');
  for (const list of LISTS) hash.update(`${list}\n${listText(snapshot[list])}\n`);
  return hash.digest('hex');
}
