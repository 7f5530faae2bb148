import type { Params } from '@angular/router';
import type { Profile } from '../../core/graphql/generated/graphql';
import { DEFAULT_PARAMS, type UserListParams, toQueryParams } from '../../shared/users/user-list-params';

/** One row of the server's view (an école, or a total: each person of its écoles once), as the table reads it. */
export interface SupervisionFigures {
  readonly id: string;
  readonly name: string;
  readonly code?: string | null;
  readonly circonscriptionId?: string | null;
  readonly students: number;
  readonly studentsActivated: number;
  readonly relatives: number;
  readonly relativesActivated: number;
  readonly teachers: number;
  readonly teachersActivated: number;
  readonly personnel: number;
  readonly personnelActivated: number;
  readonly guests: number;
  readonly guestsActivated: number;
  readonly pupilsCovered: number;
  readonly pupilsWithoutGuardian: number;
  readonly relativesWithoutEmail: number;
  readonly blocked: number;
  readonly predeleted: number;
  readonly pendingReports: number;
  readonly oldestPendingReportAt?: string | null;
  readonly absentFromFile: number;
  readonly renewalCodesExpired: number;
  /** The école's last applied import (null: none; always null on a circonscription's row). */
  readonly lastImportAt?: string | null;
  readonly lastImportCreated?: number | null;
  readonly lastImportModified?: number | null;
  readonly lastImportLeavers?: number | null;
  /** A simulation made after it and never applied. */
  readonly unappliedImportAt?: string | null;
  /** « Actifs »: null when masked (fewer than 3 active or inactive); absent before the first roll-up. */
  readonly studentsActive7?: number | null;
  readonly studentsActive30?: number | null;
  readonly relativesActive7?: number | null;
  readonly relativesActive30?: number | null;
  readonly teachersActive7?: number | null;
  readonly teachersActive30?: number | null;
}

/** The « Actifs » columns: pupils, parents, teachers (the research's É / P / Ens), over 7 then 30 days. */
export const ACTIVE_WINDOWS = [7, 30] as const;
export const ACTIVE_PROFILES = ['students', 'relatives', 'teachers'] as const;
export function activeFigure(row: SupervisionFigures, accounts: (typeof ACTIVE_PROFILES)[number], days: (typeof ACTIVE_WINDOWS)[number]): number | null {
  return row[`${accounts}Active${days}`] ?? null;
}

export type AccountsKey = 'students' | 'relatives' | 'teachers' | 'personnel' | 'guests';
type ActivatedKey = `${AccountsKey}Activated`;

/** The profiles in the guide's order, each with its two figures and the user list's profile. */
export const PROFILE_COLUMNS: readonly { readonly accounts: AccountsKey; readonly activated: ActivatedKey; readonly profile: Profile }[] = [
  { accounts: 'students', activated: 'studentsActivated', profile: 'STUDENT' },
  { accounts: 'relatives', activated: 'relativesActivated', profile: 'RELATIVE' },
  { accounts: 'teachers', activated: 'teachersActivated', profile: 'TEACHER' },
  { accounts: 'personnel', activated: 'personnelActivated', profile: 'PERSONNEL' },
  { accounts: 'guests', activated: 'guestsActivated', profile: 'GUEST' },
];

export type SortKey =
  | 'name'
  | AccountsKey
  | `${AccountsKey}Rate`
  | 'covered'
  | 'pupilsWithoutGuardian'
  | 'relativesWithoutEmail'
  | 'blocked'
  | 'predeleted'
  | 'pendingReports'
  | 'oldestPendingReport'
  | 'absentFromFile'
  | 'renewalCodesExpired'
  | 'lastImport';

export const SORT_KEYS: readonly SortKey[] = [
  'name',
  ...PROFILE_COLUMNS.flatMap((column) => [column.accounts, `${column.accounts}Rate` as const]),
  'covered',
  'pupilsWithoutGuardian',
  'relativesWithoutEmail',
  'blocked',
  'predeleted',
  'pendingReports',
  'oldestPendingReport',
  'absentFromFile',
  'renewalCodesExpired',
  'lastImport',
];

export interface SortState {
  readonly key: SortKey;
  readonly direction: 'ascending' | 'descending';
}

export interface TableFilter {
  /** Part of an école's name or UAI, accents and case ignored. */
  readonly text: string;
  /** Only this circonscription's écoles (null: all). */
  readonly circonscriptionId: string | null;
}

export interface DisplayRow {
  /** `total`: the view's total, after every other row (the table's foot). */
  readonly kind: 'circonscription' | 'ecole' | 'total';
  readonly figures: SupervisionFigures;
}

/** A share as a whole percentage, rounded down (99.6 % of parents is not « 100 % »); null without a base. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.floor((part * 100) / whole) : null;
}

/** The value a column sorts on; null (no base, no pending report) always sorts last. */
export function sortValue(row: SupervisionFigures, key: SortKey): string | number | null {
  switch (key) {
    case 'name':
      return row.name;
    case 'covered':
      return ratio(row.pupilsCovered, row.students);
    case 'oldestPendingReport':
      // Older first when descending: the age grows as the date goes back.
      return row.oldestPendingReportAt ? -Date.parse(row.oldestPendingReportAt) : null;
    case 'lastImport':
      // Ascending: the écoles whose last import is the oldest first; never imported last.
      return row.lastImportAt ? Date.parse(row.lastImportAt) : null;
    default:
      if (key.endsWith('Rate')) {
        const accounts = key.slice(0, -'Rate'.length) as AccountsKey;
        return ratio(row[`${accounts}Activated`], row[accounts]);
      }
      return row[key as Exclude<SortKey, 'name' | 'covered' | 'oldestPendingReport' | 'lastImport' | `${AccountsKey}Rate`>];
  }
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

function compareRows(sort: SortState) {
  return (a: SupervisionFigures, b: SupervisionFigures): number => {
    const left = sortValue(a, sort.key);
    const right = sortValue(b, sort.key);
    if (left === null || right === null) {
      return left === right ? collator.compare(a.name, b.name) : left === null ? 1 : -1;
    }
    const order = typeof left === 'string' ? collator.compare(left, String(right)) : left - (right as number);
    // Ties keep the alphabetical order, whatever the direction.
    return order === 0 ? collator.compare(a.name, b.name) : sort.direction === 'ascending' ? order : -order;
  };
}

function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('fr')
    .trim();
}

function matches(row: SupervisionFigures, filter: TableFilter): boolean {
  if (filter.circonscriptionId && row.circonscriptionId !== filter.circonscriptionId) {
    return false;
  }
  const text = folded(filter.text);
  return text === '' || folded(row.name).includes(text) || folded(row.code ?? '').includes(text);
}

/**
 * The rows to show: the écoles that pass the filter, sorted; with `grouped`, each circonscription's
 * row (its total, as the server gives it) before its écoles, the circonscriptions sorted by the same
 * column. A circonscription none of whose écoles passes the filter is left out.
 */
export function displayRows(
  view: { readonly circonscriptions: readonly SupervisionFigures[]; readonly ecoles: readonly SupervisionFigures[] },
  filter: TableFilter,
  sort: SortState,
  grouped: boolean,
): DisplayRow[] {
  const compare = compareRows(sort);
  const ecoles = view.ecoles.filter((row) => matches(row, filter)).sort(compare);
  if (!grouped) {
    return ecoles.map((figures) => ({ kind: 'ecole', figures }));
  }
  const rows: DisplayRow[] = [];
  for (const circonscription of [...view.circonscriptions].sort(compare)) {
    const own = ecoles.filter((row) => row.circonscriptionId === circonscription.id);
    if (own.length > 0) {
      rows.push({ kind: 'circonscription', figures: circonscription }, ...own.map((figures) => ({ kind: 'ecole' as const, figures })));
    }
  }
  return rows;
}

/** Beyond this many écoles the table starts with the circonscriptions only (a département: ~3,000). */
export const MAX_ECOLE_ROWS = 300;

/**
 * Whether the table shows only the circonscriptions' rows: thousands of écoles are not drawn at
 * once, until a circonscription is chosen or a search narrows them.
 */
export function startsCollapsed(ecoleCount: number, filter: TableFilter): boolean {
  return !filter.circonscriptionId && !filter.text.trim() && ecoleCount > MAX_ECOLE_ROWS;
}

/** A click on a sortable header: the same column turns the order round, another starts ascending. */
export function nextSort(current: SortState, key: SortKey): SortState {
  return current.key === key ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' } : { key, direction: 'ascending' };
}

/** The user list's address for an école and a filter: its total is the figure shown. */
export function userListLink(ecoleId: string, filter: Partial<UserListParams>): Params {
  return toQueryParams({ ...DEFAULT_PARAMS, ...filter, schoolId: ecoleId });
}
