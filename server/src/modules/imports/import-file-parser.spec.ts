import * as iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors/app-error';
import { parseImportFile } from './import-file-parser';
import { ImportFileKind } from './parsed-file';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const utf8 = (text: string) => Buffer.from(text, 'utf8');
const cp1252 = (text: string) => iconv.encode(text, 'win1252');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

async function refusal(bytes: Buffer, name = 'f.csv'): Promise<AppError> {
  const error = await parseImportFile(bytes, name).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('ONDE « Élèves » extraction', () => {
  it('reads the Windows-1252 file ONDE writes: accents intact, multi-level classes, the " Cycle" column', async () => {
    const bytes = cp1252(fixture('onde-eleves.csv'));
    expect(bytes.includes(Buffer.from('Lé', 'utf8'))).toBe(false); // really single-byte accents
    const parsed = await parseImportFile(bytes, 'CSVExtraction.csv');
    const d = parsed.diagnostics;
    expect(d).toMatchObject({ kind: ImportFileKind.ONDE_PUPILS, encoding: 'Windows-1252', separator: ';', lineEnding: 'CRLF', rows: 6, footerSkipped: false });
    expect(d.samples).toEqual(['DUPOND Léa', 'BERNARDIN Chloé', 'N\'GUESSAN Noé']);
    expect(d.recognisedColumns).toContain('Identifiant classe');
    expect(d.ignoredColumns).toEqual(expect.arrayContaining(['Cycle', 'Adresse1', 'Autorisation photo', 'Décision de passage']));
    expect(d.errors).toEqual([]);
    expect(parsed.pupils.map((p) => [p.lastName, p.firstName, p.level, p.classId])).toEqual([
      ['DUPOND', 'Léa', 'CE1', '900001'],
      ['DUPOND', 'Hugo', 'CE2', '900001'],
      ['MARTINEAU', 'Chloé', 'CM2', '900002'],
      ["N'GUESSAN", 'Noé', 'CM1', '900002'],
      ['LEFÈVRE', 'Inès', 'MS', '900003'],
      ['MARTINEAU', 'Tom', 'PS', '900003'],
    ]);
    expect(parsed.pupils[2].usageName).toBe('BERNARDIN');
    // ISO and JJ/MM/AAAA dates both land as ISO.
    expect(parsed.pupils[0].birthDate).toBe('2017-03-14');
    expect(parsed.pupils[5].birthDate).toBe('2021-04-21');
    expect(d.warnings).toEqual([{ code: 'INE_MISSING', line: 6 }, { code: 'INE_MISSING', line: 7 }]);
  });

  it('gives the same pupils from UTF-8 with two BOMs, with LF, and re-saved with commas', async () => {
    const reference = (await parseImportFile(cp1252(fixture('onde-eleves.csv')), 'a.csv')).pupils;
    const twoBoms = await parseImportFile(Buffer.concat([BOM, BOM, utf8(fixture('onde-eleves.csv'))]), 'b.csv');
    expect(twoBoms.diagnostics.encoding).toBe('UTF-8 (BOM)');
    expect(twoBoms.pupils).toEqual(reference);
    const lf = await parseImportFile(utf8(fixture('onde-eleves.csv').replace(/\r\n/g, '\n')), 'c.csv');
    expect(lf.diagnostics).toMatchObject({ encoding: 'UTF-8', lineEnding: 'LF' });
    expect(lf.pupils).toEqual(reference);
    const commas = fixture('onde-eleves.csv')
      .split('\r\n')
      .map((line) => line.split(';').map((cell) => `"${cell}"`).join(','))
      .join('\r\n');
    const quoted = await parseImportFile(cp1252(commas), 'd.csv');
    expect(quoted.diagnostics.separator).toBe(',');
    expect(quoted.pupils).toEqual(reference);
  });

  it('matches headers whatever their case, accents and stray spaces, in any order', async () => {
    const text = ' PRENOM ELEVE ;nom eleve;date  naissance;libelle classe;Identifiant Classe\nZoé;Durand;01/02/2018;CP;42\n';
    const parsed = await parseImportFile(utf8(text), 'x.csv');
    expect(parsed.pupils[0]).toMatchObject({ firstName: 'Zoé', lastName: 'Durand', birthDate: '2018-02-01', classLabel: 'CP', classId: '42' });
  });

  it('makes a bad line an error of its line, not a refusal of the file', async () => {
    const text = 'Nom élève;Prénom élève;Date naissance;Libellé classe\nDurand;Zoé;31/02/2018;CP\n;Lou;01/01/2018;CP\nMartin;Luc;01/01/2018;CP\n';
    const parsed = await parseImportFile(utf8(text), 'x.csv');
    expect(parsed.pupils.map((p) => p.firstName)).toEqual(['Luc']);
    expect(parsed.diagnostics.errors).toEqual([
      { code: 'DATE_INVALID', line: 2, params: { value: '31/02/2018' } },
      { code: 'VALUE_MISSING', line: 3, params: { column: 'Nom' } },
    ]);
  });
});

describe('ONDE « Responsables » extraction', () => {
  it('reads one guardian per row with their repeated child blocks, and stops at the organismes section', async () => {
    const parsed = await parseImportFile(cp1252(fixture('onde-responsables.csv')), 'CSVExtraction (1).csv');
    const d = parsed.diagnostics;
    expect(d).toMatchObject({ kind: ImportFileKind.ONDE_GUARDIANS, encoding: 'Windows-1252', rows: 4, footerSkipped: true, errors: [] });
    expect(d.ignoredColumns).toEqual(expect.arrayContaining(['Communication adresses', 'PCS', 'Téléphone domicile']));
    expect(d.samples).toEqual(['MARTINEAU Gaëlle']);
    const [marc, sophie, gaelle, koffi] = parsed.guardians;
    expect(marc).toMatchObject({ lastName: 'DUPOND', firstName: 'Marc', email: 'marc.dupond@example.org', mobile: '0611223344', address: '3 rue des Tilleuls 99000 Villefictive' });
    expect(marc.children).toEqual([
      { usageName: '', lastName: 'DUPOND', firstName: 'Léa', classLabel: 'CE1-CE2 Mme Exemple', birthDate: '2017-03-14' },
      { usageName: '', lastName: 'DUPOND', firstName: 'Hugo', classLabel: 'CE1-CE2 Mme Exemple', birthDate: '2016-01-09' },
    ]);
    expect(sophie.email).toBeNull();
    expect(gaelle).toMatchObject({ usageName: 'BERNARDIN', lastName: 'MARTINEAU' });
    expect(gaelle.children.map((c) => c.firstName)).toEqual(['Chloé', 'Tom']);
    expect(koffi.children).toHaveLength(1);
  });

  it('reads the pre-2021 layout (no birth date, « enfant » columns) and a header listing the block twice', async () => {
    const text =
      'Civilité Responsable;Nom responsable;Prénom responsable;Courriel;Nom d\'usage enfant;Nom de famille enfant;Prénom enfant;Classes enfants;Nom d\'usage enfant;Nom de famille enfant;Prénom enfant;Classes enfants\r\n' +
      'MME;ALBERT;Odile;;;ALBERT;Nawres;TPS;;ALBERT;Nour;CP\r\n';
    const parsed = await parseImportFile(cp1252(text), 'r.csv');
    expect(parsed.guardians[0].children).toEqual([
      { usageName: '', lastName: 'ALBERT', firstName: 'Nawres', classLabel: 'TPS', birthDate: null },
      { usageName: '', lastName: 'ALBERT', firstName: 'Nour', classLabel: 'CP', birthDate: null },
    ]);
  });
});

describe('Préau template', () => {
  it('is recognised by its headers, LF and UTF-8, names with apostrophes and hyphens intact', async () => {
    const parsed = await parseImportFile(utf8(fixture('preau-eleves.csv')), 'modele.csv');
    expect(parsed.diagnostics).toMatchObject({ kind: ImportFileKind.PREAU_PUPILS, encoding: 'UTF-8', lineEnding: 'LF' });
    expect(parsed.pupils[1]).toMatchObject({ lastName: "D'Alembert", firstName: 'Jean-Éric', externalId: 'ext-002', birthDate: '2016-05-17' });
  });
});

describe('refusals', () => {
  it('refuses an empty file, a header alone, a binary file, a spreadsheet, and says so in French and English', async () => {
    expect((await refusal(Buffer.alloc(0), 'vide.csv')).text).toEqual({ fr: 'Le fichier « vide.csv » est vide.', en: 'The file "vide.csv" is empty.' });
    expect((await refusal(Buffer.concat([BOM, utf8(' \r\n')]))).code).toBe('IMPORT_FILE_EMPTY');
    expect((await refusal(utf8('Nom élève;Prénom élève;Date naissance;Libellé classe\r\n'))).code).toBe('IMPORT_FILE_EMPTY');
    expect((await refusal(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).code).toBe('IMPORT_FILE_BINARY');
    expect((await refusal(iconv.encode(fixture('onde-eleves.csv'), 'utf16le'))).code).toBe('IMPORT_FILE_BINARY');
  });

  it('refuses a file of another kind and one missing required columns, naming them', async () => {
    expect((await refusal(utf8('Titre;Auteur\nA;B\n'))).code).toBe('IMPORT_FILE_KIND');
    const missing = await refusal(utf8('Nom élève;Prénom élève;INE\nA;B;C\n'), 'eleves.csv');
    expect(missing.code).toBe('IMPORT_FILE_COLUMNS');
    expect(missing.text.fr).toBe("Le fichier « eleves.csv » (ONDE « Élèves ») n'a pas les colonnes obligatoires : Date naissance, Libellé classe.");
    const one = await refusal(utf8('Nom élève;Prénom élève;Libellé classe\nA;B;C\n'), 'eleves.csv');
    expect(one.text).toEqual({
      fr: "Le fichier « eleves.csv » (ONDE « Élèves ») n'a pas la colonne obligatoire : Date naissance.",
      en: 'The file "eleves.csv" (ONDE « Élèves ») lacks the required column: Date naissance.',
    });
  });

  it('says in French where a file stops being CSV, never csv-parse\'s English', async () => {
    const header = 'Nom élève;Prénom élève;Date naissance;Libellé classe\n';
    const unclosed = await refusal(utf8(`${header}Durand;Zoé;01/02/2018;CP\n"Martin;Léo;03/04/2018;CP\nPetit;Ana;05/06/2018;CP\n`), 'eleves.csv');
    expect(unclosed.code).toBe('IMPORT_FILE_UNREADABLE');
    expect(unclosed.text).toEqual({
      fr: 'Le fichier « eleves.csv » est illisible : un guillemet (") ouvert après la ligne 2 n\'est jamais refermé.',
      en: 'The file "eleves.csv" cannot be read: a quote (") opened after line 2 is never closed.',
    });
  });

  it('refuses over 5 MB and over 20,000 rows', async () => {
    const header = 'Nom élève;Prénom élève;Date naissance;Libellé classe\n';
    expect((await refusal(Buffer.concat([utf8(header), Buffer.alloc(5 * 1024 * 1024, 0x41)]))).code).toBe('IMPORT_FILE_TOO_LARGE');
    const rows = 'Durand;Zoé;01/02/2018;CP\n'.repeat(20_001);
    expect((await refusal(utf8(header + rows))).code).toBe('IMPORT_FILE_TOO_MANY_ROWS');
    const fine = await parseImportFile(utf8(header + 'Durand;Zoé;01/02/2018;CP\n'.repeat(20_000)), 'ok.csv');
    expect(fine.diagnostics.rows).toBe(20_000);
  });
});
