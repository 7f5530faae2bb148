import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { GraphQLTestClient, startTestServer, TestServer } from '../../test-support/test-server';
import { dryRunImport, importedTableCounts } from '../../test-support/import-dry-run';

// The ONDE headers as the fixtures hold them; the rows are made per test.
const header = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8').split(/\r?\n/)[0];
const PUPILS_HEADER = header('onde-eleves.csv');
const GUARDIANS_HEADER = header('onde-responsables.csv');

interface Pupil {
  last: string;
  usage?: string;
  first: string;
  /** JJ/MM/AAAA, as the guardians' file writes it too. */
  birth: string;
  ine?: string;
  level?: string;
  label: string;
  classId: string;
}

interface Guardian {
  last: string;
  usage?: string;
  first: string;
  address?: string;
  email?: string;
  mobile?: string;
  children: Pupil[];
}

const pupilRow = (p: Pupil) =>
  [p.last, p.usage ?? '', p.first, p.birth, 'F', p.ine ?? '', '1 rue du Cas', '99000', 'Villefictive', 'FRANCE', '', '', '', '', 'CYCLE II', p.level ?? 'CE1', p.label, p.classId, 'Non', 'Oui', 'Oui', ''].join(';');
const guardianRow = (g: Guardian) =>
  [
    'Mme', g.usage ?? '', g.last, g.first, g.address ?? '1 rue du Cas', '99000', 'Villefictive', 'FRANCE', g.email ?? '', '', '', g.mobile ?? '', 'Oui', '',
    ...g.children.flatMap((c) => [c.usage ?? '', c.last, c.first, c.label, c.birth]),
  ].join(';');
const csv = (head: string, rows: string[]) => Buffer.from(`${[head, ...rows].join('\r\n')}\r\n`, 'utf8');
const pupilsFile = (pupils: Pupil[]): [string, Buffer] => ['eleves.csv', csv(PUPILS_HEADER, pupils.map(pupilRow))];
const guardiansFile = (guardians: Guardian[]): [string, Buffer] => ['responsables.csv', csv(GUARDIANS_HEADER, guardians.map(guardianRow))];

// An INE is national: each test's of its own.
let tag = 0;
const ine = (n: number) => `IC${String(tag).padStart(3, '0')}${String(n).padStart(5, '0')}X`;

const APPLY = `mutation ($id: ID!, $resolutions: [ImportResolution!], $confirm: Int) {
  applyImport(sessionId: $id, resolutions: $resolutions, confirmLeavers: $confirm) { created modified transfers leavers classesCreated classesRenamed }
}`;
const REPORT = `query ($id: ID!) { importSession(id: $id) {
  status
  classes { operation ondeClassId classId oldName name }
  leavers { pupils relatives withheld confirmationRequired }
  lines(first: 100) { items { profile line operation rule lastName firstName userId changes { field old new } candidates { userId } messages } }
} }`;

interface Line {
  profile: string;
  line: number | null;
  operation: string;
  rule: string | null;
  lastName: string;
  firstName: string;
  userId: string | null;
  changes: { field: string; old: string | null; new: string | null }[];
  candidates: { userId: string }[];
  messages: string[];
}

describe('« Importer des utilisateurs »: cases « Appliquer » writes', () => {
  let server: TestServer;
  let f: Fixtures;
  let d: Awaited<ReturnType<Fixtures['departement']>>;
  let erun: GraphQLTestClient;
  let schools = 0;

  beforeAll(async () => {
    server = await startTestServer();
    f = new Fixtures(server.database.dataSource, server.services.secretBox);
  });
  beforeEach(async () => {
    tag += 1;
    d = await f.departement();
    erun = await server.client().signIn(d.erun1.login, FIXTURE_PASSWORD);
  });
  afterAll(async () => server?.close());

  const db = () => server.database.dataSource;
  const school = async () => f.structure('ECOLE', `École des cas ${++schools}`, d.c1);
  const counts = () => importedTableCounts(db());
  const report = async (id: string) => (await erun.data(REPORT, { id })).importSession;
  const linesOf = async (id: string): Promise<Line[]> => (await report(id)).lines.items;
  const apply = async (id: string, variables: Record<string, unknown> = {}) => (await erun.data(APPLY, { id, ...variables })).applyImport;
  const importFiles = async (ecole: string, files: [string, Buffer][], variables: Record<string, unknown> = {}) => apply(await dryRunImport(erun, ecole, files), variables);
  /** The école's pupils (or guardians) with their names, login, INE, classes of the école. */
  const accountsOf = async (ecole: string, profile = 'STUDENT') =>
    db().query(
      `SELECT u.id, u.last_name AS "lastName", u.first_name AS "firstName", u.login, u.external_id AS ine,
              COALESCE((SELECT array_agg(cm.class_id ORDER BY cm.class_id) FROM class_member cm JOIN school_class c ON c.id = cm.class_id
                         WHERE cm.user_id = u.id AND c.school_id = $1), '{}') AS classes
         FROM user_structure us JOIN app_user u ON u.id = us.user_id WHERE us.structure_id = $1 AND u.profile = $2 ORDER BY u.first_name, u.login`,
      [ecole, profile],
    );
  const classesOf = async (ecole: string) =>
    db().query('SELECT c.id, c.name, ic.onde_class_id AS "ondeId" FROM school_class c LEFT JOIN import_class ic ON ic.class_id = c.id WHERE c.school_id = $1 ORDER BY c.name', [ecole]);

  it('renames a class whose ONDE id comes back with another label: same class, its pupils still in it', async () => {
    const ecole = await school();
    const lea = { last: 'RENOM', first: 'Léa', birth: '14/03/2017', ine: ine(1), label: 'CE1 Mme Avant', classId: '910001' };
    const hugo = { ...lea, first: 'Hugo', birth: '09/01/2016', ine: ine(2), level: 'CE2' };
    expect(await importFiles(ecole, [pupilsFile([lea, hugo])])).toMatchObject({ created: 2, classesCreated: 1, classesRenamed: 0 });
    const [before] = await classesOf(ecole);
    expect(before).toMatchObject({ name: 'CE1 Mme Avant', ondeId: '910001' });

    const id = await dryRunImport(erun, ecole, [pupilsFile([{ ...lea, label: 'CE1-CE2 Mme Après' }, { ...hugo, label: 'CE1-CE2 Mme Après' }])]);
    expect((await report(id)).classes).toEqual([{ operation: 'RENAME', ondeClassId: '910001', classId: before.id, oldName: 'CE1 Mme Avant', name: 'CE1-CE2 Mme Après' }]);
    expect(await apply(id)).toMatchObject({ created: 0, modified: 0, classesCreated: 0, classesRenamed: 1 });
    expect(await classesOf(ecole)).toEqual([{ id: before.id, name: 'CE1-CE2 Mme Après', ondeId: '910001' }]);
    const [levels] = await db().query('SELECT levels FROM school_class WHERE id = $1', [before.id]);
    expect(levels.levels).toEqual(['CE1', 'CE2']);
    expect((await accountsOf(ecole)).map((p: { firstName: string; classes: string[] }) => [p.firstName, p.classes])).toEqual([
      ['Hugo', [before.id]],
      ['Léa', [before.id]],
    ]);
  });

  it('takes over (ADOPT) a class of the école with the file’s label and no ONDE id, rather than making a second one', async () => {
    const ecole = await school();
    const existing = await f.schoolClass(ecole, 'CM1 Mme Adoptée', ['CM1']);
    const id = await dryRunImport(erun, ecole, [pupilsFile([{ last: 'ADOPTE', first: 'Zoé', birth: '02/06/2015', ine: ine(1), level: 'CM1', label: 'CM1 MME ADOPTÉE', classId: '910002' }])]);
    expect((await report(id)).classes).toEqual([{ operation: 'ADOPT', ondeClassId: '910002', classId: existing, oldName: null, name: 'CM1 Mme Adoptée' }]);
    expect(await apply(id)).toMatchObject({ created: 1, classesCreated: 0, classesRenamed: 0 });
    expect(await classesOf(ecole)).toEqual([{ id: existing, name: 'CM1 Mme Adoptée', ondeId: '910002' }]);
    expect((await accountsOf(ecole))[0].classes).toEqual([existing]);
  });

  it('recognises a guardian of another école of the département by name and mobile (NAME_MOBILE): no new account, the link added', async () => {
    const ecole = await school();
    const parent = await f.user({ profile: 'RELATIVE', lastName: 'Mobilier', firstName: 'Agnès', schools: [d.schoolZ] });
    await db().query(`UPDATE app_user SET mobile = '06 12 34 56 78' WHERE id = $1`, [parent.id]);
    await db().query('INSERT INTO relative_link (relative_id, student_id) VALUES ($1, $2)', [parent.id, d.pupilZ.id]);
    const child = { last: 'MOBILIER', first: 'Jules', birth: '05/05/2016', ine: ine(1), label: 'CE2 A', classId: '910003' };
    const id = await dryRunImport(erun, ecole, [pupilsFile([child]), guardiansFile([{ last: 'MOBILIER', first: 'Agnès', mobile: '+33 6 12 34 56 78', children: [child] }])]);
    const agnes = (await linesOf(id)).find((l) => l.profile === 'RELATIVE')!;
    expect(agnes).toMatchObject({ operation: 'UPDATE', rule: 'NAME_MOBILE', userId: parent.id, changes: [{ field: 'child', old: null, new: 'MOBILIER Jules' }] });
    expect(await apply(id)).toMatchObject({ created: 1, modified: 1 });
    const [jules] = await accountsOf(ecole);
    expect(await db().query(`SELECT count(*)::int AS n FROM app_user WHERE profile = 'RELATIVE' AND search_last = 'mobilier'`)).toEqual([{ n: 1 }]);
    const links = await db().query('SELECT student_id FROM relative_link WHERE relative_id = $1 ORDER BY student_id', [parent.id]);
    expect(links.map((l: { student_id: string }) => l.student_id)).toEqual([d.pupilZ.id, jules.id].sort());
    const memberships = await db().query('SELECT structure_id FROM user_structure WHERE user_id = $1 ORDER BY structure_id', [parent.id]);
    expect(memberships.map((m: { structure_id: string }) => m.structure_id)).toEqual([d.schoolZ, ecole].sort());
  });

  it('reports two identical lines without INE (HOMONYM_LINES) and a repeated INE (INE_TWICE); applying never gives one INE or one account twice', async () => {
    const ecole = await school();
    const twin = { last: 'DOUBLON', first: 'Paul', birth: '01/02/2016', label: 'CE2 B', classId: '910004', level: 'CE2' };
    const first = { last: 'REPETE', first: 'Anna', birth: '03/04/2016', ine: ine(1), label: 'CE2 B', classId: '910004', level: 'CE2' };
    const id = await dryRunImport(erun, ecole, [pupilsFile([twin, twin, first, { ...first, first: 'Annabelle' }])]);
    const lines = await linesOf(id);
    // Nothing in the école to choose between: both lines would be created, each warned of the other.
    expect(lines.filter((l) => l.firstName === 'Paul').map((l) => [l.line, l.operation, l.messages])).toEqual([
      [2, 'CREATE', ['Ligne 2 : élève sans INE (reconnu par nom, prénom et date de naissance).', 'Ligne 2 : un homonyme (même nom, prénom et date de naissance) figure sur une autre ligne.']],
      [3, 'CREATE', ['Ligne 3 : élève sans INE (reconnu par nom, prénom et date de naissance).', 'Ligne 3 : un homonyme (même nom, prénom et date de naissance) figure sur une autre ligne.']],
    ]);
    expect(lines.find((l) => l.firstName === 'Annabelle')).toMatchObject({ line: 5, operation: 'ERROR', userId: null, messages: [`Ligne 5 : l'INE ${ine(1)} figure déjà plus haut dans le fichier.`] });
    expect(await apply(id)).toMatchObject({ created: 3 });
    expect(await db().query('SELECT first_name FROM app_user WHERE external_id = $1', [ine(1)])).toEqual([{ first_name: 'Anna' }]);
    expect((await accountsOf(ecole)).map((p: { firstName: string }) => p.firstName)).toEqual(['Anna', 'Paul', 'Paul']);

    // The same two lines again: each could be either account; one account cannot take both lines.
    const again = await dryRunImport(erun, ecole, [pupilsFile([twin, twin, first])]);
    const pauls = (await linesOf(again)).filter((l) => l.firstName === 'Paul' && l.line !== null);
    expect(pauls.map((l) => [l.operation, l.candidates.length])).toEqual([['ARBITRATE', 2], ['ARBITRATE', 2]]);
    const [a, b] = pauls[0].candidates.map((c) => c.userId);
    const before = await counts();
    const twice = await erun.request(APPLY, { id: again, resolutions: [{ profile: 'STUDENT', line: 2, userId: a }, { profile: 'STUDENT', line: 3, userId: a }] });
    expect(twice.errors?.[0].extensions?.code).toBe('IMPORT_RESOLUTION_INVALID');
    expect(twice.errors?.[0].message).toBe("Le choix pour l'élève de la ligne 3 du fichier « eleves.csv » ne correspond à aucun des comptes proposés par le rapport.");
    expect(await counts()).toEqual(before);
    expect(await apply(again, { resolutions: [{ profile: 'STUDENT', line: 2, userId: a }, { profile: 'STUDENT', line: 3, userId: b }] })).toMatchObject({ created: 0, leavers: 0 });
    expect(await counts()).toEqual(before);
  });

  it('asks the number typed above 30 accounts even under 10 % of the pupils, then marks them « Absent du fichier »', async () => {
    const ecole = await school();
    const staying: Pupil[] = [];
    for (let i = 0; i < 27; i++) {
      const pupil = await f.user({ profile: 'STUDENT', lastName: `Reste${i}`, firstName: 'Élève', schools: [ecole] });
      await db().query(`UPDATE app_user SET external_id = $2 WHERE id = $1`, [pupil.id, ine(i + 1)]);
      staying.push({ last: `RESTE${i}`, first: 'Élève', birth: '01/01/2016', ine: ine(i + 1), label: 'CE2 Grande', classId: '910005', level: 'CE2' });
    }
    // 3 pupils of 30 leave (10 %, not above), with 28 guardians who have no other child: 31 accounts.
    const leaving: string[] = [];
    for (let i = 0; i < 3; i++) {
      const pupil = await f.user({ profile: 'STUDENT', lastName: `Parti${i}`, firstName: 'Élève', schools: [ecole] });
      leaving.push(pupil.id);
      for (let j = 0; j < (i === 2 ? 8 : 10); j++) {
        const guardian = await f.user({ profile: 'RELATIVE', lastName: `Parti${i}`, firstName: `Responsable${j}` });
        await db().query('INSERT INTO relative_link (relative_id, student_id) VALUES ($1, $2)', [guardian.id, pupil.id]);
        leaving.push(guardian.id);
      }
    }
    const id = await dryRunImport(erun, ecole, [pupilsFile(staying)]);
    expect((await report(id)).leavers).toEqual({ pupils: 3, relatives: 28, withheld: null, confirmationRequired: 31 });
    const before = await counts();
    for (const confirm of [null, 3]) {
      const refused = await erun.request(APPLY, { id, confirm });
      expect(refused.errors?.[0].extensions?.code).toBe('IMPORT_CONFIRM_LEAVERS');
      expect(refused.errors?.[0].message).toBe('31 comptes seront marqués « Absent du fichier » : saisissez ce nombre (31) pour confirmer.');
    }
    expect(await counts()).toEqual(before);
    expect(await apply(id, { confirm: 31 })).toMatchObject({ created: 0, modified: 27, leavers: 31 });
    const marked = await db().query('SELECT user_id FROM import_absence WHERE school_id = $1', [ecole]);
    expect(marked.map((r: { user_id: string }) => r.user_id).sort()).toEqual([...leaving].sort());
    expect(await db().query('SELECT count(*)::int AS n FROM app_user WHERE id = ANY($1) AND left_feed_at IS NOT NULL', [leaving])).toEqual([{ n: 31 }]);
  });

  it('takes the « Absent du fichier » mark off a pupil back in the file, and says so on the line', async () => {
    const ecole = await school();
    const stays = { last: 'RETOUR', first: 'Marie', birth: '10/10/2016', ine: ine(1), label: 'CE2 C', classId: '910006', level: 'CE2' };
    const back = { ...stays, first: 'Louis', birth: '11/11/2016', ine: ine(2) };
    await importFiles(ecole, [pupilsFile([stays, back])]);
    expect(await importFiles(ecole, [pupilsFile([stays])], { confirm: 1 })).toMatchObject({ leavers: 1 });
    const louis = (await accountsOf(ecole)).find((p: { firstName: string }) => p.firstName === 'Louis');
    expect(await db().query('SELECT school_id FROM import_absence WHERE user_id = $1', [louis.id])).toEqual([{ school_id: ecole }]);

    const id = await dryRunImport(erun, ecole, [pupilsFile([stays, back])]);
    expect((await linesOf(id)).find((l) => l.firstName === 'Louis')).toMatchObject({ operation: 'UPDATE', rule: 'INE', userId: louis.id, changes: [{ field: 'absent', old: 'Absent du fichier', new: null }] });
    expect(await apply(id)).toMatchObject({ created: 0, modified: 1, leavers: 0 });
    expect(await db().query('SELECT 1 FROM import_absence WHERE user_id = $1', [louis.id])).toEqual([]);
    expect(await db().query('SELECT left_feed_at FROM app_user WHERE id = $1', [louis.id])).toEqual([{ left_feed_at: null }]);
    expect((await accountsOf(ecole)).map((p: { firstName: string; classes: string[] }) => [p.firstName, p.classes.length])).toEqual([['Louis', 1], ['Marie', 1]]);
  });

  it('writes nothing of the école when the writer fails midway (an INE taken outside the département since the dry run), with a clear French message', async () => {
    const ecole = await school();
    const pierre = { last: 'ECHEC', first: 'Pierre', birth: '01/03/2016', ine: ine(1), label: 'CE2 Avant', classId: '910007', level: 'CE2' };
    await importFiles(ecole, [pupilsFile([pierre])]);
    const [pierreBefore] = await accountsOf(ecole);
    const [classBefore] = await classesOf(ecole);
    // Renamed class, a first name changed, a new class, and a new pupil whose INE…
    const newcomer = { last: 'ECHEC', first: 'Nina', birth: '02/03/2016', ine: ine(2), label: 'CP Neuf', classId: '910008', level: 'CP' };
    const id = await dryRunImport(erun, ecole, [pupilsFile([{ ...pierre, first: 'Pierre-Louis', label: 'CE2 Après' }, newcomer])]);
    // …is given meanwhile to an imported account of another département, which the fingerprint does not read.
    const other = await f.departement();
    const elsewhere = await f.user({ profile: 'STUDENT', lastName: 'Ailleurs', firstName: 'Nina', schools: [other.schoolA] });
    await db().query(`UPDATE app_user SET source = 'ONDE_CSV', external_id = $2 WHERE id = $1`, [elsewhere.id, ine(2)]);
    const before = await counts();
    const refused = await erun.request(APPLY, { id });
    expect(refused.errors?.[0].extensions?.code).toBe('IMPORT_INE_TAKEN');
    expect(refused.errors?.[0].message).toBe(`L'INE ${ine(2)} appartient déjà à un compte hors de ce département : contactez l'opérateur de la plateforme.`);
    expect(await counts()).toEqual(before);
    expect(await classesOf(ecole)).toEqual([classBefore]);
    expect(await accountsOf(ecole)).toEqual([pierreBefore]);
    expect((await report(id)).status).toBe('DRY_RUN');
    expect(await db().query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'USERS_IMPORTED' AND details->>'sessionId' = $1`, [id])).toEqual([{ n: 0 }]);
  });

  it('keeps particles, apostrophes, spaces and hyphens of names as the file gives them; logins as baseLogin makes them', async () => {
    const ecole = await school();
    const base = { birth: '01/09/2016', label: 'CE2 Noms', classId: '910009', level: 'CE2' };
    const pupils: Pupil[] = [
      { ...base, last: 'DE LA FONTAINE', first: 'Jean-Baptiste', ine: ine(1) },
      { ...base, last: 'van der Berg', first: 'Anne-Sophie', ine: ine(2) },
      { ...base, last: "N'GUESSAN", first: 'Aya', ine: ine(3) },
      { ...base, last: 'Le Goff', first: 'Marie-Lou', ine: ine(4) },
      { ...base, last: 'MARTIN', usage: "D'ALEMBERT", first: 'Jean-Éric', ine: ine(5) },
    ];
    const guardian = { last: "N'GUESSAN", first: 'Marie-Ange', email: 'marie-ange.nguessan@example.org', children: [pupils[2]] };
    const files = () => [pupilsFile(pupils), guardiansFile([guardian])];
    expect(await importFiles(ecole, files())).toMatchObject({ created: 6 });
    expect((await accountsOf(ecole)).map((p: { lastName: string; firstName: string; login: string }) => [p.lastName, p.firstName, p.login])).toEqual([
      ['van der Berg', 'Anne-Sophie', 'annesophie.vanderberg'],
      ["N'GUESSAN", 'Aya', 'aya.nguessan'],
      ['DE LA FONTAINE', 'Jean-Baptiste', 'jeanbaptiste.delafontaine'],
      ["D'ALEMBERT", 'Jean-Éric', 'jeaneric.dalembert'],
      ['Le Goff', 'Marie-Lou', 'marielou.legoff'],
    ]);
    expect((await accountsOf(ecole, 'RELATIVE')).map((p: { lastName: string; firstName: string; login: string }) => [p.lastName, p.firstName, p.login])).toEqual([
      ["N'GUESSAN", 'Marie-Ange', 'marieange.nguessan'],
    ]);
    // The same file again: nothing to change in those names.
    const again = await dryRunImport(erun, ecole, files());
    expect((await linesOf(again)).map((l) => [l.firstName, l.operation])).toEqual([
      ['Jean-Baptiste', 'UNCHANGED'],
      ['Anne-Sophie', 'UNCHANGED'],
      ['Aya', 'UNCHANGED'],
      ['Marie-Lou', 'UNCHANGED'],
      ['Jean-Éric', 'UNCHANGED'],
      ['Marie-Ange', 'UNCHANGED'],
    ]);
  });

  it('gives its INE to a pupil created without one by an earlier import, on the same account', async () => {
    const ecole = await school();
    const sans = { last: 'SANSINE', first: 'Camille', birth: '07/07/2017', label: 'CE1 D', classId: '910010' };
    expect(await importFiles(ecole, [pupilsFile([sans])])).toMatchObject({ created: 1 });
    const [camille] = await accountsOf(ecole);
    expect(camille.ine).toBeNull();
    const id = await dryRunImport(erun, ecole, [pupilsFile([{ ...sans, ine: ine(1) }])]);
    expect((await linesOf(id))[0]).toMatchObject({ operation: 'UPDATE', rule: 'NAME_BIRTH_DATE', userId: camille.id, changes: [{ field: 'ine', old: null, new: ine(1) }] });
    expect(await apply(id)).toMatchObject({ created: 0, modified: 1 });
    expect(await accountsOf(ecole)).toEqual([{ ...camille, ine: ine(1) }]);
    expect(await db().query(`SELECT count(*)::int AS n FROM app_user WHERE search_last = 'sansine'`)).toEqual([{ n: 1 }]);
  });

  it('keeps a guardian with a child in each of two écoles one account, linked and member in both, whatever one école’s import does', async () => {
    const [ecoleA, ecoleB] = [await school(), await school()];
    const inB = { last: 'DEUXECOLES', first: 'Yanis', birth: '01/01/2015', ine: ine(1), label: 'CM1 B', classId: '910011', level: 'CM1' };
    const inA = { last: 'DEUXECOLES', first: 'Xavier', birth: '02/02/2018', ine: ine(2), label: 'CP A', classId: '910012', level: 'CP' };
    const otherInA = { last: 'VOISIN', first: 'Wanda', birth: '03/03/2018', ine: ine(3), label: 'CP A', classId: '910012', level: 'CP' };
    const parent = (child: Pupil) => ({ last: 'DEUXECOLES', first: 'Gisèle', email: 'gisele.deuxecoles@example.org', children: [child] });
    await importFiles(ecoleB, [pupilsFile([inB]), guardiansFile([parent(inB)])]);
    const [gisele] = await accountsOf(ecoleB, 'RELATIVE');

    const id = await dryRunImport(erun, ecoleA, [pupilsFile([inA, otherInA]), guardiansFile([parent(inA)])]);
    expect((await linesOf(id)).find((l) => l.firstName === 'Gisèle')).toMatchObject({ rule: 'NAME_EMAIL', userId: gisele.id });
    expect(await apply(id)).toMatchObject({ created: 2, modified: 1 });
    const state = async () => ({
      relatives: await db().query(`SELECT count(*)::int AS n FROM app_user WHERE profile = 'RELATIVE' AND search_last = 'deuxecoles'`),
      children: (await db().query('SELECT c.first_name FROM relative_link rl JOIN app_user c ON c.id = rl.student_id WHERE rl.relative_id = $1 ORDER BY 1', [gisele.id])).map(
        (r: { first_name: string }) => r.first_name,
      ),
      schools: (await db().query('SELECT structure_id FROM user_structure WHERE user_id = $1 ORDER BY 1', [gisele.id])).map((r: { structure_id: string }) => r.structure_id),
      absent: await db().query('SELECT school_id FROM import_absence WHERE user_id = $1', [gisele.id]),
    });
    const both = { relatives: [{ n: 1 }], children: ['Xavier', 'Yanis'], schools: [ecoleA, ecoleB].sort(), absent: [] };
    expect(await state()).toEqual(both);

    // École A again, its guardians' file without her and Xavier gone: her child in école B keeps her.
    const again = await dryRunImport(erun, ecoleA, [pupilsFile([otherInA]), guardiansFile([{ last: 'VOISIN', first: 'Victor', email: 'victor.voisin@example.org', children: [otherInA] }])]);
    const lines = await linesOf(again);
    expect(lines.find((l) => l.firstName === 'Gisèle')?.messages).toEqual(['Absent du fichier, mais un de ses enfants reste inscrit : le compte est conservé.']);
    expect((await report(again)).leavers).toMatchObject({ pupils: 1, relatives: 0 });
    expect(await apply(again, { confirm: 1 })).toMatchObject({ leavers: 1 });
    expect(await state()).toEqual(both);
    // And école B's own import leaves her untouched.
    expect(await importFiles(ecoleB, [pupilsFile([inB]), guardiansFile([parent(inB)])])).toMatchObject({ created: 0, modified: 0, leavers: 0 });
    expect(await state()).toEqual(both);
  });
});
