import { childColumns, guardianColumns } from './column-maps';
import type { CsvRecord } from './csv-records';
import { headerKey } from './header-key';
import { refuse } from './import-refusals';
import { ImportFileKind, type ChildRef, type GuardianLine, type ImportIssue } from './parsed-file';
import { cleanCell, parseDate, parseEmail, phoneKey } from './text-normalise';

export interface GuardianColumnPlan {
  index: Map<string, number>;
  /** Where the first child block starts, and its fields in order (one entry per column of the block). */
  blockStart: number;
  blockFields: (string | null)[];
  recognised: string[];
  ignored: string[];
}

/**
 * Maps a « Responsables » header: the guardian's columns, then a child block that the rows repeat
 * once per child (the header may show it once or several times; duplicate names are read by
 * position). Columns the import does not use (« Communication adresses », « PCS », phones other than
 * the mobile) are listed as ignored.
 */
export function planGuardianColumns(headers: string[], fileName: string): GuardianColumnPlan {
  const keys = headers.map(headerKey);
  const blockStart = keys.findIndex((key) => key in childColumns);
  if (blockStart < 0) throw refuse.missingColumns(fileName, ImportFileKind.ONDE_GUARDIANS, ['Prénom élève']);
  const blockFields: (string | null)[] = [];
  const seen = new Set<string>();
  for (let i = blockStart; i < keys.length; i++) {
    const field = childColumns[keys[i]];
    if (!field || seen.has(field)) break; // the block repeats (or something else begins)
    seen.add(field);
    blockFields.push(field);
  }
  const index = new Map<string, number>();
  const recognised: string[] = [];
  const ignored: string[] = [];
  headers.slice(0, blockStart).forEach((header, i) => {
    const field = guardianColumns[keys[i]];
    if (field && !index.has(field)) {
      index.set(field, i);
      recognised.push(header.trim());
    } else if (header.trim()) ignored.push(header.trim());
  });
  recognised.push(...headers.slice(blockStart, blockStart + blockFields.length).map((header) => header.trim()));
  const missing = [
    ...(index.has('lastName') ? [] : ['Nom responsable']),
    ...(index.has('firstName') ? [] : ['Prénom responsable']),
    ...(seen.has('firstName') ? [] : ['Prénom élève']),
  ];
  if (missing.length) throw refuse.missingColumns(fileName, ImportFileKind.ONDE_GUARDIANS, missing);
  return { index, blockStart, blockFields, recognised, ignored };
}

/** « Intitulé;Adresse Organisme », possibly one column to the right: the data is over. */
export function isOrganismesHeader(record: CsvRecord): boolean {
  return record.cells.slice(0, 3).some((cell) => headerKey(cell) === 'intitule');
}

function childBlocks(plan: GuardianColumnPlan, record: CsvRecord, issues: { warnings: ImportIssue[] }): ChildRef[] {
  const children: ChildRef[] = [];
  const width = plan.blockFields.length;
  for (let start = plan.blockStart; start < record.cells.length; start += width) {
    const values: Record<string, string> = {};
    plan.blockFields.forEach((field, offset) => {
      if (field) values[field] = cleanCell(record.cells[start + offset]);
    });
    if (!values.firstName && !values.lastName && !values.usageName) continue;
    const rawBirth = values.birthDate ?? '';
    const birthDate = rawBirth ? parseDate(rawBirth) : null;
    if (rawBirth && !birthDate) issues.warnings.push({ code: 'DATE_INVALID', line: record.line, params: { value: rawBirth } });
    children.push({
      usageName: values.usageName ?? '',
      lastName: values.lastName || values.usageName || '',
      firstName: values.firstName ?? '',
      classLabel: values.classLabel ?? '',
      birthDate,
    });
  }
  return children;
}

export function guardianLine(plan: GuardianColumnPlan, record: CsvRecord, issues: { errors: ImportIssue[]; warnings: ImportIssue[] }): GuardianLine | null {
  const cell = (field: string) => {
    const at = plan.index.get(field);
    return at === undefined ? '' : cleanCell(record.cells[at]);
  };
  const line = record.line;
  const lastName = cell('lastName') || cell('usageName');
  const firstName = cell('firstName');
  if (!lastName || !firstName) {
    issues.errors.push({ code: 'VALUE_MISSING', line, params: { column: lastName ? 'Prénom responsable' : 'Nom responsable' } });
    return null;
  }
  const email = parseEmail(cell('email'));
  if (email === 'invalid') issues.warnings.push({ code: 'EMAIL_INVALID', line, params: { value: cell('email') } });
  const children = childBlocks(plan, record, issues);
  if (children.length === 0) issues.warnings.push({ code: 'GUARDIAN_WITHOUT_CHILD', line });
  return {
    line,
    civility: cell('civility'),
    lastName,
    usageName: cell('usageName'),
    firstName,
    email: email === 'invalid' ? null : email,
    mobile: phoneKey(cell('mobile')),
    address: [cell('address'), cell('postcode'), cell('town')].filter(Boolean).join(' '),
    children,
  };
}
