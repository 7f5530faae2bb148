import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseImportFile } from './import-file-parser';
import { ImportFileKind } from './parsed-file';

// The template the import page offers for écoles outside ONDE (client/public): it must stay a file Préau reads whole.
const TEMPLATE = join(__dirname, '../../../../client/public/modele-preau-eleves.csv');

describe('the Préau template offered for download', () => {
  it('is read as the Préau template, every line a pupil, no error nor warning', async () => {
    const parsed = await parseImportFile(readFileSync(TEMPLATE), 'modele-preau-eleves.csv');
    expect(parsed.diagnostics).toMatchObject({ kind: ImportFileKind.PREAU_PUPILS, encoding: 'UTF-8 (BOM)', errors: [], warnings: [], rows: 2 });
    expect(parsed.pupils.map((p) => `${p.lastName} ${p.firstName} ${p.birthDate} ${p.classLabel}`)).toEqual([
      'Lefèvre Inès 2020-08-21 PS-MS Mme Exemple',
      "D'Alembert Jean-Éric 2016-05-17 CE2 M. Modèle",
    ]);
  });
});
