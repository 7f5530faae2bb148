import { ACTIVE_PROFILES, ACTIVE_WINDOWS, type DisplayRow, PROFILE_COLUMNS, activeFigure, percent } from './supervision-table';

/** UTF-8 byte order mark: Excel otherwise reads the accents as Windows-1252. */
const BOM = '\uFEFF';

/**
 * One `;`-separated cell, quoted when needed; a cell starting with = + - @ (or a tab / carriage
 * return) gets an apostrophe so that a spreadsheet shows it as text and never runs it (CSV
 * injection). The same rules as the server's exports (server/src/modules/mailings/csv.ts).
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** « 2026-12-07 14:05 », Paris time: sortable in a spreadsheet. */
const parisDateTime = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });

/** The column titles, in the interface language (the page translates them). */
export interface CsvLabels {
  readonly circonscription: string;
  readonly ecole: string;
  readonly code: string;
  /** Per profile, in PROFILE_COLUMNS order: accounts, activated, activation rate (%). */
  readonly profiles: readonly { readonly accounts: string; readonly activated: string; readonly rate: string }[];
  readonly covered: string;
  readonly coveredRate: string;
  readonly pupilsWithoutGuardian: string;
  readonly relativesWithoutEmail: string;
  readonly blocked: string;
  readonly predeleted: string;
  readonly pendingReports: string;
  readonly oldestPendingReport: string;
  readonly absentFromFile: string;
  readonly renewalCodesExpired: string;
  /** The last import: when, accounts created, changed, absent; a simulation left unapplied. */
  readonly lastImport: { readonly at: string; readonly created: string; readonly modified: string; readonly leavers: string; readonly unapplied: string };
  /** « Actifs », per ACTIVE_PROFILES then ACTIVE_WINDOWS (students 7, students 30, relatives 7…). */
  readonly actives: readonly string[];
  /** A masked « Actifs » cell (fewer than 3 active or inactive): « <3 ». */
  readonly masked: string;
  /** The first cell of the total's line, from its structure's name: « Circonscription Nord (total) ». */
  readonly totalOf: (name: string) => string;
}

/**
 * The table as the screen shows it (same rows, same order, same figures; rates rounded down as on
 * screen), one line per row, the total last; a circonscription's row and the total have no école
 * name, so that a spreadsheet filter on « École » keeps only the écoles. « Actifs » cells are empty before the first roll-up
 * (`activityCounted` false) and `labels.masked` where the server masked them.
 */
export function supervisionCsv(rows: readonly DisplayRow[], circonscriptionNames: ReadonlyMap<string, string>, labels: CsvLabels, activityCounted = false): string {
  const header = [
    labels.circonscription,
    labels.ecole,
    labels.code,
    ...labels.profiles.flatMap((profile) => [profile.accounts, profile.activated, profile.rate]),
    labels.covered,
    labels.coveredRate,
    labels.pupilsWithoutGuardian,
    labels.relativesWithoutEmail,
    labels.blocked,
    labels.predeleted,
    labels.pendingReports,
    labels.oldestPendingReport,
    labels.absentFromFile,
    labels.renewalCodesExpired,
    labels.lastImport.at,
    labels.lastImport.created,
    labels.lastImport.modified,
    labels.lastImport.leavers,
    labels.lastImport.unapplied,
    ...labels.actives,
  ];
  const lines = rows.map(({ kind, figures: row }) => [
    kind === 'total' ? labels.totalOf(row.name) : kind === 'circonscription' ? row.name : (circonscriptionNames.get(row.circonscriptionId ?? '') ?? ''),
    kind === 'ecole' ? row.name : '',
    kind === 'ecole' ? (row.code ?? '') : '',
    ...PROFILE_COLUMNS.flatMap((column) => [row[column.accounts], row[column.activated], percent(row[column.activated], row[column.accounts])]),
    row.pupilsCovered,
    percent(row.pupilsCovered, row.students),
    row.pupilsWithoutGuardian,
    row.relativesWithoutEmail,
    row.blocked,
    row.predeleted,
    row.pendingReports,
    row.oldestPendingReportAt ? parisDateTime.format(new Date(row.oldestPendingReportAt)) : '',
    row.absentFromFile,
    row.renewalCodesExpired,
    row.lastImportAt ? parisDateTime.format(new Date(row.lastImportAt)) : '',
    row.lastImportCreated,
    row.lastImportModified,
    row.lastImportLeavers,
    row.unappliedImportAt ? parisDateTime.format(new Date(row.unappliedImportAt)) : '',
    ...ACTIVE_PROFILES.flatMap((profile) => ACTIVE_WINDOWS.map((days) => (activityCounted ? (activeFigure(row, profile, days) ?? labels.masked) : ''))),
  ]);
  return BOM + [header, ...lines].map((cells) => `${cells.map(csvCell).join(';')}\r\n`).join('');
}
