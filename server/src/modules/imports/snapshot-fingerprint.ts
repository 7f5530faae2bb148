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

/** Rows by id and arrays sorted, keys in order: SQL's row and array_agg orders are not part of what was read. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    // Each item written out once, not at every comparison of the sort.
    const items = value.map((item) => {
      const c = canonical(item);
      return { c, json: JSON.stringify(c) };
    });
    return items.sort((a, b) => (a.json < b.json ? -1 : a.json > b.json ? 1 : 0)).map((item) => item.c);
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * SHA-256 of the snapshot: « Appliquer » reads it again under lock and refuses (« Le rapport n'est
 * plus à jour ») when anything the matching used has changed: a name, a class, a link, an e-mail…
 */
export function snapshotFingerprint(snapshot: SchoolSnapshot): string {
  return createHash('sha256').update(JSON.stringify(canonical(snapshot))).digest('hex');
}
