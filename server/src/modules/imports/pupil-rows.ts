import { pupilColumns, requiredPupilFields } from './column-maps';
import type { CsvRecord } from './csv-records';
import { headerKey } from './header-key';
import { refuse } from './import-refusals';
import { ImportFileKind, type ImportIssue, type PupilLine } from './parsed-file';
import { cleanCell, parseDate } from './text-normalise';

export interface PupilColumnPlan {
  /** field → column index */
  index: Map<string, number>;
  recognised: string[];
  ignored: string[];
  warnings: ImportIssue[];
}

/** Maps the header of an « Élèves » extraction or of the Préau template; refuses missing required columns. */
export function planPupilColumns(headers: string[], kind: ImportFileKind, fileName: string): PupilColumnPlan {
  const index = new Map<string, number>();
  const recognised: string[] = [];
  const ignored: string[] = [];
  headers.forEach((header, i) => {
    const field = pupilColumns[headerKey(header)];
    if (field && !index.has(field)) {
      index.set(field, i);
      recognised.push(header.trim());
    } else if (header.trim()) ignored.push(header.trim());
  });
  const flavour = kind === ImportFileKind.PREAU_PUPILS ? 'preau' : 'onde';
  const missing = requiredPupilFields.filter(([field]) => !index.has(field)).map(([, label]) => label[flavour]);
  if (missing.length) throw refuse.missingColumns(fileName, kind, missing);
  const warnings: ImportIssue[] = [];
  if (!index.has('ine') && kind === ImportFileKind.ONDE_PUPILS) warnings.push({ code: 'COLUMN_MISSING', params: { column: 'INE' } });
  if (!index.has('classId')) warnings.push({ code: 'COLUMN_MISSING', params: { column: 'Identifiant classe' } });
  if (!index.has('level')) warnings.push({ code: 'COLUMN_MISSING', params: { column: 'Niveau' } });
  return { index, recognised, ignored, warnings };
}

/** One pupil line, or the reasons it cannot be one (errors) and what to check (warnings). */
export function pupilLine(plan: PupilColumnPlan, record: CsvRecord, issues: { errors: ImportIssue[]; warnings: ImportIssue[] }): PupilLine | null {
  const cell = (field: string) => {
    const at = plan.index.get(field);
    return at === undefined ? '' : cleanCell(record.cells[at]);
  };
  const line = record.line;
  const rawBirth = cell('birthDate');
  const birthDate = rawBirth ? parseDate(rawBirth) : null;
  const pupil: PupilLine = {
    line,
    lastName: cell('lastName'),
    usageName: cell('usageName'),
    firstName: cell('firstName'),
    birthDate,
    sex: cell('sex'),
    ine: cell('ine').toUpperCase().replace(/\s/g, '') || null,
    externalId: cell('externalId') || null,
    level: cell('level').toUpperCase(),
    classLabel: cell('classLabel'),
    classId: cell('classId') || null,
  };
  let failed = false;
  if (!pupil.lastName) (failed = true), issues.errors.push({ code: 'VALUE_MISSING', line, params: { column: 'Nom' } });
  if (!pupil.firstName) (failed = true), issues.errors.push({ code: 'VALUE_MISSING', line, params: { column: 'Prénom' } });
  if (!rawBirth) (failed = true), issues.errors.push({ code: 'VALUE_MISSING', line, params: { column: 'Date de naissance' } });
  else if (!birthDate) (failed = true), issues.errors.push({ code: 'DATE_INVALID', line, params: { value: rawBirth } });
  if (!pupil.classLabel && !pupil.classId) (failed = true), issues.errors.push({ code: 'VALUE_MISSING', line, params: { column: 'Classe' } });
  if (failed) return null;
  // The template's external id identifies the pupil as an INE would: only a pupil with neither is matched by name and birth date.
  if (!pupil.ine && !pupil.externalId && plan.index.has('ine')) issues.warnings.push({ code: 'INE_MISSING', line });
  return pupil;
}
