import type { ParamMap, Params } from '@angular/router';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PARAMS,
  type UserListParams,
  activeFilterCount,
  parseUserListParams,
  sameParams,
  toQueryParams,
  toUserFilter,
  withoutFilters,
} from './user-list-params';

/** The address's query parameters as the router hands them over. */
function paramMap(query: Params): ParamMap {
  const value = (key: string): string | null => (key in query ? String(query[key]) : null);
  return { has: (key) => key in query, get: value, getAll: (key) => (key in query ? [String(query[key])] : []), keys: Object.keys(query) };
}

const everything: UserListParams = {
  profiles: ['STUDENT', 'TEACHER'],
  activated: false,
  classIds: ['c1', 'c2'],
  functions: ['SCHOOL_ADMIN'],
  blocked: true,
  predeleted: true,
  hasEmail: false,
  guardians: 'NONE',
  absentFromFile: true,
  renewalCodeExpired: false,
  schoolId: 's9',
  importId: 'i7',
  lastName: 'Dupont',
  firstName: 'Lé',
  login: 'l.dup',
  className: 'CM2',
  order: 'CREATED_AT',
};

describe('user list address ↔ filter', () => {
  it('leaves the defaults out of the address, so the bare list has a bare address', () => {
    expect(toQueryParams(DEFAULT_PARAMS)).toEqual({});
    expect(parseUserListParams(paramMap({}))).toEqual(DEFAULT_PARAMS);
  });

  it('writes every setting in French words and reads the same settings back', () => {
    const query = toQueryParams(everything);
    expect(query).toEqual({
      profils: 'student,teacher',
      activation: 'non',
      classes: 'c1,c2',
      fonctions: 'school_admin',
      bloque: 'oui',
      presupprime: 'oui',
      courriel: 'sans',
      responsables: 'aucun',
      absent: 'oui',
      'code-expire': 'non',
      ecole: 's9',
      import: 'i7',
      nom: 'Dupont',
      prenom: 'Lé',
      login: 'l.dup',
      classe: 'CM2',
      tri: 'creation',
    });
    expect(parseUserListParams(paramMap(query))).toEqual(everything);
  });

  it('reads a hand-edited address leniently: unknown words are ignored, lists trimmed, profiles in the guide’s order', () => {
    const params = parseUserListParams(
      paramMap({ profils: ' teacher, nobody,,student ', activation: 'peut-être', courriel: 'avec', tri: 'hasard', classes: 'a, ,b', responsables: 'tous' }),
    );
    expect(params.profiles).toEqual(['STUDENT', 'TEACHER']);
    expect(params.activated).toBeNull();
    expect(params.hasEmail).toBe(true);
    expect(params.order).toBe('NAME');
    expect(params.classIds).toEqual(['a', 'b']);
    expect(params.guardians).toBeNull();
    expect(parseUserListParams(paramMap({ responsables: 'active' })).guardians).toBe('ACTIVATED');
  });

  it('trims the column searches in the address and in the server’s filter, blank meaning no search', () => {
    const params = { ...DEFAULT_PARAMS, lastName: '  Mar ', firstName: '   ' };
    expect(toQueryParams(params)).toEqual({ nom: 'Mar' });
    const filter = toUserFilter(params);
    expect(filter.lastName).toBe('Mar');
    expect(filter.firstName).toBeNull();
    expect(sameParams(params, { ...DEFAULT_PARAMS, lastName: 'Mar' })).toBe(true);
  });

  it('maps to the server’s filter: empty lists as null, the school as the structure', () => {
    expect(toUserFilter(DEFAULT_PARAMS)).toMatchObject({ profiles: null, classIds: null, functions: null, predeleted: false, structureId: null });
    expect(toUserFilter(everything)).toMatchObject({ profiles: ['STUDENT', 'TEACHER'], structureId: 's9', importId: 'i7', blocked: true, hasEmail: false, guardians: 'NONE', absentFromFile: true, renewalCodeExpired: false });
  });

  it('« Effacer les filtres » clears the panel’s groups and keeps the column searches and the sort', () => {
    expect(activeFilterCount(everything)).toBe(12);
    const cleared = withoutFilters(everything);
    expect(activeFilterCount(cleared)).toBe(0);
    expect(toQueryParams(cleared)).toEqual({ nom: 'Dupont', prenom: 'Lé', login: 'l.dup', classe: 'CM2', tri: 'creation' });
  });
});
