import * as iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { GraphQLTestClient, startTestServer, TestServer } from '../../test-support/test-server';

const cp1252 = (name: string) => iconv.encode(readFileSync(join(__dirname, 'fixtures', name), 'utf8'), 'win1252');

const SESSION = `query ($id: ID!, $op: ImportLineOperation) { importSession(id: $id) {
  id schoolName
  files { fileName kind encoding separator lineEnding rows samples footerSkipped ignoredColumns }
  totals { profile created modified unchanged transfers classChanges absent toArbitrate errors warnings }
  classes { operation ondeClassId classId oldName name levels pupils }
  families { pupilsWithoutGuardian pupilsWithOneGuardian pupilsWithTwoOrMoreGuardians guardiansWithoutEmail }
  lines(first: 100, operation: $op) { total items { file line profile operation rule lastName firstName className userId classChange candidates { userId label } changes { field old new } messages } }
} }`;

type Line = { file: string | null; line: number | null; profile: string; operation: string; rule: string | null; lastName: string; firstName: string; userId: string | null; classChange: boolean; candidates: { userId: string }[]; changes: { field: string; old: string | null; new: string | null }[]; messages: string[] };

async function dryRun(client: GraphQLTestClient, ecole: string, files: [string, Buffer][], lang = 'fr'): Promise<{ status: number; body: { id?: string; code?: string; message?: string } }> {
  const form = new FormData();
  for (const [name, bytes] of files) form.append('fichiers', new Blob([bytes]), name);
  const response = await fetch(`${client.baseUrl}/imports/dry-run?ecole=${ecole}`, {
    method: 'POST',
    headers: { ...(client.cookie ? { cookie: client.cookie } : {}), 'accept-language': lang },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as { id?: string; code?: string; message?: string } };
}

const find = (lines: Line[], first: string, profile?: string) => lines.filter((l) => l.firstName === first && (!profile || l.profile === profile));

describe('« Importer des utilisateurs »: the dry run', () => {
  let server: TestServer;
  let f: Fixtures;
  let d: Awaited<ReturnType<Fixtures['departement']>>;
  let director: GraphQLTestClient;

  beforeAll(async () => {
    server = await startTestServer();
    f = new Fixtures(server.database.dataSource, server.services.secretBox);
    d = await f.departement();
    director = await server.client().signIn(d.directorA.login, FIXTURE_PASSWORD);
  });
  afterAll(async () => server?.close());

  const count = async (table: string) => Number((await server.database.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  it('reads both ONDE files in any order and reports classes, pupils, guardians and families, writing nothing', async () => {
    const before = await Promise.all(['app_user', 'school_class', 'class_member', 'relative_link', 'user_structure'].map(count));
    const { status, body } = await dryRun(director, d.schoolA, [['CSVExtraction (1).csv', cp1252('onde-responsables.csv')], ['CSVExtraction.csv', cp1252('onde-eleves.csv')]]);
    expect(status).toBe(201);
    expect(await Promise.all(['app_user', 'school_class', 'class_member', 'relative_link', 'user_structure'].map(count))).toEqual(before);
    const { importSession: s } = await director.data(SESSION, { id: body.id });
    expect(s.files.map((file: { kind: string; encoding: string }) => [file.kind, file.encoding])).toEqual([['ONDE_PUPILS', 'Windows-1252'], ['ONDE_GUARDIANS', 'Windows-1252']]);
    expect(s.files[0].samples).toEqual(['DUPOND Léa', 'BERNARDIN Chloé', "N'GUESSAN Noé"]);
    expect(s.files[1].footerSkipped).toBe(true);
    // Multi-level classes: one class per « Identifiant classe », spanning its pupils' levels.
    expect(s.classes.map((c: { operation: string; name: string; levels: string[]; pupils: number }) => [c.operation, c.name, c.levels, c.pupils])).toEqual([
      ['CREATE', 'CE1-CE2 Mme Exemple', ['CE1', 'CE2'], 2],
      ['CREATE', 'CM1-CM2 M. Fictif', ['CM1', 'CM2'], 2],
      ['CREATE', 'PS-MS Mme Modèle', ['PS', 'MS'], 2],
    ]);
    expect(s.totals).toEqual([
      { profile: 'STUDENT', created: 6, modified: 0, unchanged: 0, transfers: 0, classChanges: 0, absent: 1, toArbitrate: 0, errors: 0, warnings: 2 },
      { profile: 'RELATIVE', created: 4, modified: 0, unchanged: 0, transfers: 0, classChanges: 0, absent: 0, toArbitrate: 0, errors: 0, warnings: 2 },
    ]);
    // Léa and Hugo have two guardians (Marc, Sophie); Inès none; Gaëlle's children are in two classes.
    expect(s.families).toEqual({ pupilsWithoutGuardian: 1, pupilsWithOneGuardian: 3, pupilsWithTwoOrMoreGuardians: 2, guardiansWithoutEmail: 2 });
    const lines: Line[] = s.lines.items;
    expect(find(lines, 'Marc')[0].changes).toEqual([
      { field: 'child', old: null, new: 'DUPOND Léa' },
      { field: 'child', old: null, new: 'DUPOND Hugo' },
    ]);
    expect(find(lines, 'Gaëlle')[0].changes.map((c) => c.new)).toEqual(['BERNARDIN Chloé', 'MARTINEAU Tom']);
    expect(find(lines, 'Léa', 'STUDENT')[0]).toMatchObject({ operation: 'CREATE', rule: 'NEW', file: 'CSVExtraction.csv', line: 2 });
    expect(find(lines, 'Inès')[0].messages).toEqual(['Ligne 6 : élève sans INE (reconnu par nom, prénom et date de naissance).']);
    expect(find(lines, 'Léa', 'STUDENT').concat(find(lines, 'Léa')).some((l) => l.operation === 'ABSENT')).toBe(true); // the fixture's own Léa Élève
  });

  it('matches what the école already holds: INE, rename, transfer, homonyms, guardians by child or e-mail, never by name alone', async () => {
    const db = server.database.dataSource;
    // A class imported earlier under another label; Léa in it with her INE.
    const ce = await f.schoolClass(d.schoolA, 'CE1-CE2 Mme Ancienne', ['CE1']);
    await db.query(`INSERT INTO import_class (class_id, school_id, onde_class_id) VALUES ($1, $2, '900001')`, [ce, d.schoolA]);
    const lea = await f.user({ profile: 'STUDENT', lastName: 'DUPOND', firstName: 'Léa', schools: [d.schoolA], classes: [ce] });
    // Hugo is in école Z (another circonscription): his INE makes it a transfer.
    const hugo = await f.user({ profile: 'STUDENT', lastName: 'DUPOND', firstName: 'Hugo', schools: [d.schoolZ], classes: [d.classZ1] });
    // Two pupils called Inès Lefèvre born the same day: the director decides.
    const ines1 = await f.user({ profile: 'STUDENT', lastName: 'Lefèvre', firstName: 'Inès', schools: [d.schoolA] });
    const ines2 = await f.user({ profile: 'STUDENT', lastName: 'LEFEVRE', firstName: 'Ines', schools: [d.schoolA] });
    // Noé, no INE yet: found by name and birth date, and gets his INE.
    const noe = await f.user({ profile: 'STUDENT', lastName: "N'Guessan", firstName: 'Noé', schools: [d.schoolA] });
    await db.query(`UPDATE app_user SET external_id = '0000000001X', birth_date = '2017-03-14' WHERE id = $1`, [lea.id]);
    await db.query(`UPDATE app_user SET external_id = '0000000002X', birth_date = '2016-01-09' WHERE id = $1`, [hugo.id]);
    await db.query(`UPDATE app_user SET birth_date = '2020-08-21' WHERE id = ANY($1)`, [[ines1.id, ines2.id]]);
    await db.query(`UPDATE app_user SET birth_date = '2015-06-02' WHERE id = $1`, [noe.id]);
    // Marc, activated with his own e-mail, guardian of Léa; Sophie, not activated, of both, with a mobile.
    const marc = await f.user({ profile: 'RELATIVE', lastName: 'Dupond', firstName: 'Marc', email: 'marc@perso.example' });
    const sophie = await f.user({ profile: 'RELATIVE', lastName: 'Dupond', firstName: 'Sophie', activationCode: 'abcdefgh' });
    await db.query(`UPDATE app_user SET mobile = '0600000000' WHERE id = $1`, [sophie.id]);
    // Gaëlle, known in école Z by the same e-mail; a Koffi N'Guessan in école A, linked to no one, same address.
    const gaelle = await f.user({ profile: 'RELATIVE', lastName: 'Bernardin', firstName: 'Gaëlle', schools: [d.schoolZ], email: 'Gaelle.Martineau@example.org' });
    const koffi = await f.user({ profile: 'RELATIVE', lastName: "N'GUESSAN", firstName: 'Koffi', schools: [d.schoolA] });
    await db.query(`INSERT INTO import_address (user_id, address_key) VALUES ($1, '5placedutest99000villefictive')`, [koffi.id]);
    for (const [relative, student] of [[marc, lea], [sophie, lea], [sophie, hugo]]) {
      await db.query('INSERT INTO relative_link (relative_id, student_id) VALUES ($1, $2)', [relative.id, student.id]);
    }

    const { body } = await dryRun(director, d.schoolA, [['eleves.csv', cp1252('onde-eleves.csv')], ['responsables.csv', cp1252('onde-responsables.csv')]]);
    const { importSession: s } = await director.data(SESSION, { id: body.id });
    const lines: Line[] = s.lines.items;

    expect(s.classes.find((c: { ondeClassId: string }) => c.ondeClassId === '900001')).toMatchObject({ operation: 'RENAME', classId: ce, oldName: 'CE1-CE2 Mme Ancienne', name: 'CE1-CE2 Mme Exemple', levels: ['CE1', 'CE2'] });
    expect(find(lines, 'Léa', 'STUDENT')[0]).toMatchObject({ operation: 'UNCHANGED', rule: 'INE', userId: lea.id, classChange: false });
    const hugoLine = find(lines, 'Hugo', 'STUDENT')[0];
    expect(hugoLine).toMatchObject({ operation: 'TRANSFER', rule: 'INE', userId: hugo.id, classChange: true });
    // École Z is outside this director's scope: the report does not name it.
    expect(hugoLine.messages[0]).toBe("Ligne 3 : élève inscrit dans une autre école du département ; il change d'école en gardant son identifiant et son mot de passe.");
    const ines = find(lines, 'Inès', 'STUDENT')[0];
    expect(ines).toMatchObject({ operation: 'ARBITRATE', rule: null, userId: null });
    expect(ines.candidates.map((c) => c.userId).sort()).toEqual([ines1.id, ines2.id].sort());
    const noeLine = find(lines, 'Noé', 'STUDENT')[0];
    expect(noeLine).toMatchObject({ operation: 'UPDATE', rule: 'NAME_BIRTH_DATE', userId: noe.id });
    expect(noeLine.changes).toContainEqual({ field: 'ine', old: null, new: '0000000004X' });
    // ONDE's « N'GUESSAN » does not undo the stored « N'Guessan »: only a real difference is a change.
    expect(noeLine.changes).not.toContainEqual(expect.objectContaining({ field: 'lastName' }));
    const students = s.totals[0];
    expect(students).toMatchObject({ transfers: 1, toArbitrate: 1, unchanged: 1 });

    const marcLine = find(lines, 'Marc')[0];
    expect(marcLine).toMatchObject({ operation: 'UPDATE', rule: 'SHARED_CHILD', userId: marc.id });
    expect(marcLine.changes).toEqual([{ field: 'mobile', old: null, new: '0611223344' }, { field: 'child', old: null, new: 'DUPOND Hugo' }]);
    expect(marcLine.messages).toContain("Ligne 2 : adresse électronique choisie par la personne à l'activation, conservée.");
    // An empty cell never erases Sophie's mobile; she already has both children.
    expect(find(lines, 'Sophie')[0]).toMatchObject({ operation: 'UNCHANGED', rule: 'SHARED_CHILD', userId: sophie.id, changes: [] });
    expect(find(lines, 'Gaëlle')[0]).toMatchObject({ rule: 'NAME_EMAIL', userId: gaelle.id });
    // Same name and same address, no shared child, no e-mail: a proposal, never a merge.
    const koffiLine = find(lines, 'Koffi')[0];
    expect(koffiLine).toMatchObject({ operation: 'CREATE', rule: 'NEW', userId: null, candidates: [{ userId: koffi.id }] });
    expect(koffiLine.messages[0]).toContain('confirmez');
  });

  it('keeps a dry run to its creator: another admin, even above, gets not found; an école out of scope too', async () => {
    const { body } = await dryRun(director, d.schoolA, [['eleves.csv', cp1252('onde-eleves.csv')]]);
    for (const login of [d.directorZ.login, d.cpd.login]) {
      const other = await server.client().signIn(login, FIXTURE_PASSWORD);
      const result = await other.request(SESSION, { id: body.id });
      expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    const directorZ = await server.client().signIn(d.directorZ.login, FIXTURE_PASSWORD);
    expect(await dryRun(directorZ, d.schoolA, [['eleves.csv', cp1252('onde-eleves.csv')]])).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(await dryRun(director, d.c1, [['eleves.csv', cp1252('onde-eleves.csv')]])).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(await dryRun(server.client(), d.schoolA, [['eleves.csv', cp1252('onde-eleves.csv')]])).toMatchObject({ status: 401 });
  });

  it('refuses a bad file with a clear French or English message and stores nothing', async () => {
    const sessions = await count('import_session');
    const wrong = await dryRun(director, d.schoolA, [['notes.csv', Buffer.from('Titre;Auteur\nA;B\n')]]);
    expect(wrong).toMatchObject({ status: 400, body: { code: 'IMPORT_FILE_KIND' } });
    expect(wrong.body.message).toMatch(/^Le fichier « notes\.csv » n'est ni une extraction ONDE/);
    const big = await dryRun(director, d.schoolA, [['gros.csv', Buffer.alloc(6 * 1024 * 1024, 0x41)]], 'en');
    expect(big).toMatchObject({ status: 400, body: { code: 'IMPORT_FILE_TOO_LARGE', message: 'The file "gros.csv" is over 5 MB.' } });
    const twice = await dryRun(director, d.schoolA, [['a.csv', cp1252('onde-eleves.csv')], ['b.csv', cp1252('onde-eleves.csv')]]);
    expect(twice).toMatchObject({ status: 400, body: { code: 'IMPORT_SAME_KIND_TWICE' } });
    const mixed = await dryRun(director, d.schoolA, [['a.csv', cp1252('onde-eleves.csv')], ['modele.csv', Buffer.from(readFileSync(join(__dirname, 'fixtures', 'preau-eleves.csv')))]]);
    expect(mixed).toMatchObject({ status: 400, body: { code: 'IMPORT_SAME_KIND_TWICE', message: 'Deux fichiers des élèves (ONDE « Élèves » et modèle Préau) : déposez-en un seul.' } });
    expect(await count('import_session')).toBe(sessions);
  });

  it('says an upload over two files’ worth is too large as a whole, naming no file', async () => {
    const half = Buffer.alloc(5 * 1024 * 1024 + 100 * 1024, 0x41);
    const files: [string, Buffer][] = [['a.csv', half], ['b.csv', half]];
    expect(await dryRun(director, d.schoolA, files)).toMatchObject({
      status: 400,
      body: { code: 'IMPORT_FILE_TOO_LARGE', message: "L'envoi dépasse 10 Mo : déposez deux fichiers de 5 Mo au plus." },
    });
    expect(await dryRun(director, d.schoolA, files, 'en')).toMatchObject({
      status: 400,
      body: { code: 'IMPORT_FILE_TOO_LARGE', message: 'The upload is over 10 MB: drop two files of at most 5 MB each.' },
    });
  });
});
