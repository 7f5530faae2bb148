import { describe, expect, it } from 'vitest';
import { MAX_ECOLE_ROWS, type SupervisionFigures, displayRows, nextSort, percent, startsCollapsed, userListLink } from './supervision-table';

function row(id: string, name: string, figures: Partial<SupervisionFigures> = {}): SupervisionFigures {
  return {
    id,
    name,
    code: null,
    circonscriptionId: null,
    students: 0,
    studentsActivated: 0,
    relatives: 0,
    relativesActivated: 0,
    teachers: 0,
    teachersActivated: 0,
    personnel: 0,
    personnelActivated: 0,
    guests: 0,
    guestsActivated: 0,
    pupilsCovered: 0,
    pupilsWithoutGuardian: 0,
    relativesWithoutEmail: 0,
    blocked: 0,
    predeleted: 0,
    pendingReports: 0,
    oldestPendingReportAt: null,
    absentFromFile: 0,
    renewalCodesExpired: 0,
    ...figures,
  };
}

const north = row('n', 'Circonscription Nord', { students: 30, pupilsCovered: 12 });
const south = row('s', 'Circonscription Sud', { students: 10, pupilsCovered: 9 });
const view = {
  circonscriptions: [north, south],
  ecoles: [
    row('a', 'École Émile Zola', { code: '0930001A', circonscriptionId: 'n', students: 20, pupilsCovered: 10 }),
    row('b', 'École Jaurès', { circonscriptionId: 'n', students: 10, pupilsCovered: 2 }),
    row('c', 'École du Centre', { circonscriptionId: 's', students: 10, pupilsCovered: 9 }),
    row('d', 'École vide', { circonscriptionId: 's' }),
  ],
};
const names = (rows: ReturnType<typeof displayRows>) => rows.map((item) => item.figures.id);
const all = { text: '', circonscriptionId: null };

describe('« Tableau de bord » table', () => {
  it('sorts by « Familles couvertes » both ways, an école without pupils last either way', () => {
    expect(names(displayRows(view, all, { key: 'covered', direction: 'ascending' }, false))).toEqual(['b', 'a', 'c', 'd']);
    expect(names(displayRows(view, all, { key: 'covered', direction: 'descending' }, false))).toEqual(['c', 'a', 'b', 'd']);
  });

  it('sorts by « Dernier import », the oldest first, an école never imported last either way', () => {
    const imports = {
      circonscriptions: [],
      ecoles: [
        row('x', 'École X', { lastImportAt: '2026-11-02T08:00:00.000Z' }),
        row('y', 'École Y'),
        row('z', 'École Z', { lastImportAt: '2026-09-01T08:00:00.000Z' }),
      ],
    };
    expect(names(displayRows(imports, all, { key: 'lastImport', direction: 'ascending' }, false))).toEqual(['z', 'x', 'y']);
    expect(names(displayRows(imports, all, { key: 'lastImport', direction: 'descending' }, false))).toEqual(['x', 'z', 'y']);
  });

  it('groups écoles under their circonscription, circonscriptions sorted by the same column', () => {
    const rows = displayRows(view, all, { key: 'covered', direction: 'descending' }, true);
    expect(rows.map((item) => `${item.kind}:${item.figures.id}`)).toEqual(['circonscription:s', 'ecole:c', 'ecole:d', 'circonscription:n', 'ecole:a', 'ecole:b']);
  });

  it('filters on name or UAI without accents or case, and drops a circonscription left empty', () => {
    expect(names(displayRows(view, { text: 'emile', circonscriptionId: null }, { key: 'name', direction: 'ascending' }, true))).toEqual(['n', 'a']);
    expect(names(displayRows(view, { text: '0930001', circonscriptionId: null }, { key: 'name', direction: 'ascending' }, false))).toEqual(['a']);
    expect(names(displayRows(view, { text: '', circonscriptionId: 's' }, { key: 'name', direction: 'ascending' }, false))).toEqual(['c', 'd']);
  });

  it('turns the order round on a second click, starts ascending on another column', () => {
    expect(nextSort({ key: 'covered', direction: 'ascending' }, 'covered')).toEqual({ key: 'covered', direction: 'descending' });
    expect(nextSort({ key: 'covered', direction: 'descending' }, 'blocked')).toEqual({ key: 'blocked', direction: 'ascending' });
  });

  it('rounds shares down and has none without a base', () => {
    expect(percent(199, 200)).toBe(99);
    expect(percent(0, 0)).toBeNull();
  });

  it("links to the user list with the list's own words", () => {
    expect(userListLink('a', { profiles: ['RELATIVE'], activated: false })).toEqual({ profils: 'relative', activation: 'non', ecole: 'a' });
    expect(userListLink('a', { predeleted: true })).toEqual({ presupprime: 'oui', ecole: 'a' });
    expect(userListLink('a', { guardians: 'ACTIVATED' })).toEqual({ responsables: 'active', ecole: 'a' });
    expect(userListLink('a', { guardians: 'NONE' })).toEqual({ responsables: 'aucun', ecole: 'a' });
    expect(userListLink('a', { absentFromFile: true })).toEqual({ absent: 'oui', ecole: 'a' });
    expect(userListLink('a', { renewalCodeExpired: true })).toEqual({ 'code-expire': 'oui', ecole: 'a' });
  });

  it("starts with the circonscriptions only for a département's thousands of écoles, until narrowed", () => {
    expect(startsCollapsed(MAX_ECOLE_ROWS, all)).toBe(false);
    expect(startsCollapsed(2941, all)).toBe(true);
    expect(startsCollapsed(2941, { text: 'jaur', circonscriptionId: null })).toBe(false);
    expect(startsCollapsed(2941, { text: ' ', circonscriptionId: 'n' })).toBe(false);
  });
});
