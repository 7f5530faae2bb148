import type { ParamMap, Params } from '@angular/router';
import type { AdminFunction, GuardianCoverage, Profile, UserFilter, UserOrder } from '../../core/graphql/generated/graphql';

/** The profiles in the guide's order: Élève, Parent, Enseignant, Personnel, Invité. */
export const PROFILES: readonly Profile[] = ['STUDENT', 'RELATIVE', 'TEACHER', 'PERSONNEL', 'GUEST'];
export const FUNCTIONS: readonly AdminFunction[] = ['SCHOOL_ADMIN', 'CIRCONSCRIPTION_ADMIN', 'DEPARTEMENT_ADMIN', 'OPERATOR'];
export const ORDERS: readonly UserOrder[] = ['NAME', 'PROFILE', 'CLASS', 'CREATED_AT'];

/** The column searches under the headers (prefixes). */
export interface ColumnSearch {
  readonly lastName: string;
  readonly firstName: string;
  readonly login: string;
  readonly className: string;
}

export const COLUMN_SEARCH_NAMES = ['lastName', 'firstName', 'login', 'className'] as const;
export type ColumnSearchName = (typeof COLUMN_SEARCH_NAMES)[number];

/** Everything that decides what the list shows, kept in the address so back/forward and links work. */
export interface UserListParams extends ColumnSearch {
  readonly profiles: readonly Profile[];
  /** « Activation »: null = Tous. */
  readonly activated: boolean | null;
  readonly classIds: readonly string[];
  readonly functions: readonly AdminFunction[];
  /** « Bloqué »: null = Tous. */
  readonly blocked: boolean | null;
  /** « Pré-supprimé »: Non (the default) or Oui. */
  readonly predeleted: boolean;
  /** « Courriel »: null = Tous, true = Avec, false = Sans. */
  readonly hasEmail: boolean | null;
  /** « Responsables » (pupils only): null = Tous, ACTIVATED = au moins un activé, NONE = sans responsable. */
  readonly guardians: GuardianCoverage | null;
  /** « Absent du fichier » (of an import): null = Tous. */
  readonly absentFromFile: boolean | null;
  /** « Code de renouvellement expiré »: null = Tous. */
  readonly renewalCodeExpired: boolean | null;
  /** « École », when several are administered. */
  readonly schoolId: string | null;
  /** The accounts an import created (« Publipostage des comptes » from its outcome); no control in the panel. */
  readonly importId: string | null;
  readonly order: UserOrder;
}

export const DEFAULT_PARAMS: UserListParams = {
  profiles: [],
  activated: null,
  classIds: [],
  functions: [],
  blocked: null,
  predeleted: false,
  hasEmail: null,
  guardians: null,
  absentFromFile: null,
  renewalCodeExpired: null,
  schoolId: null,
  importId: null,
  lastName: '',
  firstName: '',
  login: '',
  className: '',
  order: 'NAME',
};

/** The address's words, in French like the paths. */
const KEYS = {
  profiles: 'profils',
  activated: 'activation',
  classIds: 'classes',
  functions: 'fonctions',
  blocked: 'bloque',
  predeleted: 'presupprime',
  hasEmail: 'courriel',
  guardians: 'responsables',
  absentFromFile: 'absent',
  renewalCodeExpired: 'code-expire',
  schoolId: 'ecole',
  importId: 'import',
  lastName: 'nom',
  firstName: 'prenom',
  login: 'login',
  className: 'classe',
  order: 'tri',
} as const satisfies Record<keyof UserListParams, string>;

const GUARDIAN_WORDS: Record<GuardianCoverage, string> = { ACTIVATED: 'active', NONE: 'aucun' };

const ORDER_WORDS: Record<UserOrder, string> = { NAME: 'nom', PROFILE: 'profil', CLASS: 'classe', CREATED_AT: 'creation' };

function list(map: ParamMap, key: string): string[] {
  return (map.get(key) ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

function yesNo(map: ParamMap, key: string, yes: string, no: string): boolean | null {
  const value = map.get(key);
  return value === yes ? true : value === no ? false : null;
}

export function parseUserListParams(map: ParamMap): UserListParams {
  const orderWord = map.get(KEYS.order);
  return {
    profiles: PROFILES.filter((profile) => list(map, KEYS.profiles).includes(profile.toLowerCase())),
    activated: yesNo(map, KEYS.activated, 'oui', 'non'),
    classIds: list(map, KEYS.classIds),
    functions: FUNCTIONS.filter((fn) => list(map, KEYS.functions).includes(fn.toLowerCase())),
    blocked: yesNo(map, KEYS.blocked, 'oui', 'non'),
    predeleted: map.get(KEYS.predeleted) === 'oui',
    hasEmail: yesNo(map, KEYS.hasEmail, 'avec', 'sans'),
    absentFromFile: yesNo(map, KEYS.absentFromFile, 'oui', 'non'),
    renewalCodeExpired: yesNo(map, KEYS.renewalCodeExpired, 'oui', 'non'),
    guardians: (Object.keys(GUARDIAN_WORDS) as GuardianCoverage[]).find((value) => GUARDIAN_WORDS[value] === map.get(KEYS.guardians)) ?? null,
    schoolId: map.get(KEYS.schoolId) || null,
    importId: map.get(KEYS.importId) || null,
    lastName: map.get(KEYS.lastName) ?? '',
    firstName: map.get(KEYS.firstName) ?? '',
    login: map.get(KEYS.login) ?? '',
    className: map.get(KEYS.className) ?? '',
    order: ORDERS.find((order) => ORDER_WORDS[order] === orderWord) ?? 'NAME',
  };
}

/** The query parameters of the address: only what differs from the defaults. */
export function toQueryParams(params: UserListParams): Params {
  const query: Params = {};
  const put = (key: string, value: string | null) => {
    if (value) {
      query[key] = value;
    }
  };
  put(KEYS.profiles, params.profiles.map((profile) => profile.toLowerCase()).join(','));
  put(KEYS.activated, params.activated === null ? null : params.activated ? 'oui' : 'non');
  put(KEYS.classIds, params.classIds.join(','));
  put(KEYS.functions, params.functions.map((fn) => fn.toLowerCase()).join(','));
  put(KEYS.blocked, params.blocked === null ? null : params.blocked ? 'oui' : 'non');
  put(KEYS.predeleted, params.predeleted ? 'oui' : null);
  put(KEYS.hasEmail, params.hasEmail === null ? null : params.hasEmail ? 'avec' : 'sans');
  put(KEYS.guardians, params.guardians && GUARDIAN_WORDS[params.guardians]);
  put(KEYS.absentFromFile, params.absentFromFile === null ? null : params.absentFromFile ? 'oui' : 'non');
  put(KEYS.renewalCodeExpired, params.renewalCodeExpired === null ? null : params.renewalCodeExpired ? 'oui' : 'non');
  put(KEYS.schoolId, params.schoolId);
  put(KEYS.importId, params.importId);
  put(KEYS.lastName, params.lastName.trim());
  put(KEYS.firstName, params.firstName.trim());
  put(KEYS.login, params.login.trim());
  put(KEYS.className, params.className.trim());
  put(KEYS.order, params.order === 'NAME' ? null : ORDER_WORDS[params.order]);
  return query;
}

/** The server's filter. Pre-deleted accounts only show when asked for. */
export function toUserFilter(params: UserListParams): UserFilter {
  const text = (value: string) => value.trim() || null;
  return {
    profiles: params.profiles.length > 0 ? [...params.profiles] : null,
    activated: params.activated,
    classIds: params.classIds.length > 0 ? [...params.classIds] : null,
    functions: params.functions.length > 0 ? [...params.functions] : null,
    blocked: params.blocked,
    predeleted: params.predeleted,
    hasEmail: params.hasEmail,
    guardians: params.guardians,
    absentFromFile: params.absentFromFile,
    renewalCodeExpired: params.renewalCodeExpired,
    structureId: params.schoolId,
    importId: params.importId,
    lastName: text(params.lastName),
    firstName: text(params.firstName),
    login: text(params.login),
    className: text(params.className),
  };
}

/** How many groups of the « Filtres » panel are set (shown on the button). */
export function activeFilterCount(params: UserListParams): number {
  return [
    params.profiles.length > 0,
    params.activated !== null,
    params.classIds.length > 0,
    params.functions.length > 0,
    params.blocked !== null,
    params.predeleted,
    params.hasEmail !== null,
    params.guardians !== null,
    params.absentFromFile !== null,
    params.renewalCodeExpired !== null,
    params.schoolId !== null,
    params.importId !== null,
  ].filter(Boolean).length;
}

/** « Effacer les filtres »: every group of the panel back to its default; the column searches and the sort stay. */
export function withoutFilters(params: UserListParams): UserListParams {
  return { ...DEFAULT_PARAMS, ...columnSearchOf(params), order: params.order };
}

export function columnSearchOf(params: UserListParams): ColumnSearch {
  return { lastName: params.lastName, firstName: params.firstName, login: params.login, className: params.className };
}

export function sameColumnSearch(a: ColumnSearch, b: ColumnSearch): boolean {
  return COLUMN_SEARCH_NAMES.every((name) => a[name].trim() === b[name].trim());
}

export function sameParams(a: UserListParams, b: UserListParams): boolean {
  return JSON.stringify(toQueryParams(a)) === JSON.stringify(toQueryParams(b));
}
