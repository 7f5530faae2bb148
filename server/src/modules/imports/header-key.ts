import { stripAccents } from './text-normalise';

/**
 * A column name as the import compares it: no BOM, no accents, lower case, letters and digits
 * only. « Date naissance », « date  NAISSANCE », «  Cycle » (ONDE's leading space) and « Nom
 * d'usage élève » / « Nom d’usage eleve » each fall on one key.
 */
export function headerKey(header: string): string {
  return stripAccents(header.replace(/\uFEFF/g, ''))
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
