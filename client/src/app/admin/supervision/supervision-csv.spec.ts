import { describe, expect, it } from 'vitest';
import { type CsvLabels, csvCell, supervisionCsv } from './supervision-csv';
import type { SupervisionFigures } from './supervision-table';

const zero = {
  students: 0, studentsActivated: 0, relatives: 0, relativesActivated: 0, teachers: 0, teachersActivated: 0, personnel: 0,
  personnelActivated: 0, guests: 0, guestsActivated: 0, pupilsCovered: 0, pupilsWithoutGuardian: 0, relativesWithoutEmail: 0,
  blocked: 0, predeleted: 0, pendingReports: 0, oldestPendingReportAt: null, absentFromFile: 0, renewalCodesExpired: 0,
};
const labels: CsvLabels = {
  circonscription: 'Circonscription', ecole: 'École', code: 'UAI',
  profiles: ['Élèves', 'Parents', 'Enseignants', 'Personnels', 'Invités'].map((name) => ({ accounts: name, activated: `${name} activés`, rate: `${name} activés (%)` })),
  covered: 'Familles couvertes', coveredRate: 'Familles couvertes (%)', pupilsWithoutGuardian: 'Élèves sans responsable',
  relativesWithoutEmail: 'Parents sans courriel', blocked: 'Bloqués', predeleted: 'Pré-supprimés', pendingReports: 'Signalements en attente',
  oldestPendingReport: 'Plus ancien signalement', absentFromFile: 'Absents du fichier', renewalCodesExpired: 'Codes expirés',
  lastImport: { at: 'Dernier import', created: 'Créés', modified: 'Modifiés', leavers: 'Absents', unapplied: 'Simulation non appliquée' },
  actives: ['É7', 'É30', 'P7', 'P30', 'Ens7', 'Ens30'], masked: '<3', totalOf: (name) => `${name} (total)`,
};

describe('« Tableau de bord » CSV', () => {
  it('starts with a BOM, separates with ;, and writes the rows as the screen shows them', () => {
    const circonscription: SupervisionFigures = { ...zero, id: 'c', name: 'Circonscription Nord', students: 3, pupilsCovered: 2 };
    const ecole: SupervisionFigures = {
      ...zero, id: 'e', name: '=HYPERLINK("x")', code: '0260025L', circonscriptionId: 'c', students: 3, studentsActivated: 1,
      pupilsCovered: 2, pendingReports: 1, oldestPendingReportAt: '2026-07-01T08:30:00.000Z', absentFromFile: 2, renewalCodesExpired: 1,
      lastImportAt: '2026-06-30T07:00:00.000Z', lastImportCreated: 4, lastImportModified: 0, lastImportLeavers: 2, unappliedImportAt: '2026-12-01T10:00:00.000Z',
    };
    const csv = supervisionCsv([{ kind: 'circonscription', figures: circonscription }, { kind: 'ecole', figures: ecole }], new Map([['c', 'Circonscription Nord']]), labels);
    expect(csv.startsWith('\uFEFFCirconscription;École;UAI;Élèves;Élèves activés;Élèves activés (%);Parents;')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe('Circonscription Nord;;;3;0;0;0;0;;0;0;;0;0;;0;0;;2;66;0;0;0;0;0;;0;0;;;;;;;;;;;');
    // A name that a spreadsheet would run is written as text; summer time in Paris is UTC+2.
    // The last import and a later simulation (winter time: UTC+1).
    expect(lines[2]).toBe(
      `Circonscription Nord;"'=HYPERLINK(""x"")";0260025L;3;1;33;0;0;;0;0;;0;0;;0;0;;2;66;0;0;0;0;1;2026-07-01 10:30;2;1;2026-06-30 09:00;4;0;2;2026-12-01 11:00;;;;;;`,
    );
    expect(lines[3]).toBe('');
  });

  it('writes « Actifs » as the server gives them, « <3 » where masked, and nothing before the first roll-up', () => {
    const ecole: SupervisionFigures = { ...zero, id: 'e', name: 'École A', studentsActive7: 4, studentsActive30: null, relativesActive7: 3 };
    const cells = (counted: boolean) => supervisionCsv([{ kind: 'ecole', figures: ecole }], new Map(), labels, counted).slice(1).split('\r\n').map((line) => line.split(';').slice(-6));
    expect(cells(true)[0]).toEqual(['É7', 'É30', 'P7', 'P30', 'Ens7', 'Ens30']);
    expect(cells(true)[1]).toEqual(['4', '<3', '3', '<3', '<3', '<3']);
    expect(cells(false)[1]).toEqual(['', '', '', '', '', '']);
  });

  it('ends with the total as the screen shows it, named by its structure and without an école', () => {
    const ecole: SupervisionFigures = { ...zero, id: 'e', name: 'École A', circonscriptionId: 'c', relatives: 4, relativesActivated: 2 };
    const total: SupervisionFigures = { ...zero, id: 'c', name: 'Circonscription Nord', relatives: 3, relativesActivated: 2, relativesActive7: null };
    const lines = supervisionCsv([{ kind: 'ecole', figures: ecole }, { kind: 'total', figures: total }], new Map([['c', 'Circonscription Nord']]), labels, true)
      .slice(1)
      .split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[2].split(';').slice(0, 9)).toEqual(['Circonscription Nord (total)', '', '', '0', '0', '', '3', '2', '66']);
    expect(lines[2].split(';').slice(-6)).toEqual(['<3', '<3', '<3', '<3', '<3', '<3']);
  });

  it('neutralises formulas and quotes separators', () => {
    expect(csvCell('+33 6')).toBe("'+33 6");
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(null)).toBe('');
  });
});
