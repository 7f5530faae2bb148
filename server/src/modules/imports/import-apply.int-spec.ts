import * as iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { GraphQLTestClient, startTestServer, TestServer } from '../../test-support/test-server';
import { dryRunImport, importedTableCounts } from '../../test-support/import-dry-run';

// An INE is national and unique: each test's files get INEs of their own (« 0000000001X » → « 0000030001X »).
let ineTag = 0;
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8').replace(/000000000(\d)X/g, (_, n) => `0000${String(ineTag).padStart(2, '0')}000${n}X`);
const ine = (n: number) => `0000${String(ineTag).padStart(2, '0')}000${n}X`;
const utf8 = (name: string) => Buffer.from(fixture(name), 'utf8');
const cp1252 = (name: string) => iconv.encode(fixture(name), 'win1252');
const BOTH = (): [string, Buffer][] => [['responsables.csv', cp1252('onde-responsables.csv')], ['eleves.csv', cp1252('onde-eleves.csv')]];

const APPLY = `mutation ($id: ID!, $resolutions: [ImportResolution!], $confirm: Int) {
  applyImport(sessionId: $id, resolutions: $resolutions, confirmLeavers: $confirm) { created modified transfers leavers classesCreated classesRenamed }
}`;
const SESSION = `query ($id: ID!) { importSession(id: $id) {
  status totals { profile created modified unchanged transfers absent toArbitrate }
  leavers { pupils relatives withheld confirmationRequired }
  lines(first: 100) { items { profile line operation firstName userId candidates { userId } } }
} }`;


describe('« Importer des utilisateurs »: « Appliquer »', () => {
  let server: TestServer;
  let f: Fixtures;
  let d: Awaited<ReturnType<Fixtures['departement']>>;
  let erun: GraphQLTestClient;
  let schools = 0;

  beforeAll(async () => {
    server = await startTestServer();
    f = new Fixtures(server.database.dataSource, server.services.secretBox);
  });
  // Each test in a département of its own: the fixtures' INE would otherwise be transfers from the previous test's école.
  beforeEach(async () => {
    ineTag += 1;
    d = await f.departement();
    erun = await server.client().signIn(d.erun1.login, FIXTURE_PASSWORD);
  });
  afterAll(async () => server?.close());

  const db = () => server.database.dataSource;
  const school = async () => f.structure('ECOLE', `École appliquée ${++schools}`, d.c1);
  const counts = () => importedTableCounts(db());
  const pupilsOf = async (schoolId: string) =>
    db().query(
      `SELECT u.first_name AS "firstName", u.login, u.source, u.activation_code_secret IS NOT NULL AS sealed, u.external_id AS ine,
              (SELECT array_agg(c.name ORDER BY c.name) FROM class_member cm JOIN school_class c ON c.id = cm.class_id WHERE cm.user_id = u.id) AS classes
         FROM user_structure us JOIN app_user u ON u.id = us.user_id WHERE us.structure_id = $1 AND u.profile = 'STUDENT' ORDER BY u.first_name`,
      [schoolId],
    );

  it('creates the pupils, guardians, classes and links of both files (Windows-1252); the identical re-import then writes nothing', async () => {
    const ecole = await school();
    const before = await counts();
    const id = await dryRunImport(erun, ecole, BOTH());
    const { applyImport } = await erun.data(APPLY, { id });
    expect(applyImport).toEqual({ created: 10, modified: 0, transfers: 0, leavers: 0, classesCreated: 3, classesRenamed: 0 });
    const pupils = await pupilsOf(ecole);
    expect(pupils.map((p: { firstName: string; classes: string[] }) => [p.firstName, p.classes])).toEqual([
      ['Chloé', ['CM1-CM2 M. Fictif']],
      ['Hugo', ['CE1-CE2 Mme Exemple']],
      ['Inès', ['PS-MS Mme Modèle']],
      ['Léa', ['CE1-CE2 Mme Exemple']],
      ['Noé', ['CM1-CM2 M. Fictif']],
      ['Tom', ['PS-MS Mme Modèle']],
    ]);
    // Created as « Créer un utilisateur » does: prenom.nom, activation code sealed; ONDE_CSV, the INE kept.
    expect(pupils[3]).toMatchObject({ login: 'lea.dupond', source: 'ONDE_CSV', sealed: true, ine: ine(1) });
    expect(pupils[4].login).toBe('noe.nguessan');
    const links = await db().query(
      `SELECT r.first_name AS parent, array_agg(c.first_name ORDER BY c.first_name) AS children
         FROM relative_link rl JOIN app_user r ON r.id = rl.relative_id JOIN app_user c ON c.id = rl.student_id
         JOIN user_structure us ON us.user_id = r.id AND us.structure_id = $1 GROUP BY r.first_name ORDER BY r.first_name`,
      [ecole],
    );
    expect(links).toEqual([
      { parent: 'Gaëlle', children: ['Chloé', 'Tom'] },
      { parent: 'Koffi', children: ['Noé'] },
      { parent: 'Marc', children: ['Hugo', 'Léa'] },
      { parent: 'Sophie', children: ['Hugo', 'Léa'] },
    ]);
    const [audit] = await db().query(`SELECT actor_id, details FROM audit_log WHERE action = 'USERS_IMPORTED' AND details->>'sessionId' = $1`, [id]);
    expect(audit.details).toMatchObject({ created: 10, modified: 0, schoolId: ecole });
    // With the report's summary; found by the admins above the école (the CPD), not by another circonscription's ERUN.
    expect(audit.details.report).toMatchObject({
      files: [{ fileName: 'eleves.csv', kind: 'ONDE_PUPILS', encoding: 'Windows-1252', rows: 6 }, { fileName: 'responsables.csv', kind: 'ONDE_GUARDIANS' }],
      totals: [{ profile: 'STUDENT', created: 6 }, { profile: 'RELATIVE', created: 4 }],
      classes: expect.arrayContaining([expect.objectContaining({ operation: 'CREATE', name: 'CE1-CE2 Mme Exemple' })]),
      families: { guardiansWithoutEmail: expect.any(Number) },
    });
    const HISTORY = `{ auditLog(filter: { actions: ["USERS_IMPORTED"] }, first: 200) { edges { node { details } } } }`;
    const sessionsSeen = async (login: string) =>
      (await (await server.client().signIn(login, FIXTURE_PASSWORD)).data(HISTORY)).auditLog.edges.map((edge: { node: { details: { sessionId: string } } }) => edge.node.details.sessionId);
    expect(await sessionsSeen(d.cpd.login)).toContain(id);
    expect(await sessionsSeen(d.erun2.login)).not.toContain(id);
    expect((await counts()).map((n, i) => n - before[i])).toEqual([10, 10, 10, 6, 7, 3, 3, 4, 0]);

    const again = await dryRunImport(erun, ecole, BOTH());
    const { importSession: s } = await erun.data(SESSION, { id: again });
    expect(s.totals.map((t: { created: number; modified: number }) => [t.created, t.modified])).toEqual([[0, 0], [0, 0]]);
    const rows = await counts();
    // Not a row of the école's written nor even locked (a row lock writes the row's xmax): accounts,
    // addresses, memberships, links. (The audit line's foreign key locks the admin's own account.)
    const untouched = () =>
      db().query(
        `WITH mine AS (SELECT user_id FROM user_structure WHERE structure_id = $1)
         SELECT (SELECT max(updated_at) FROM app_user) AS at,
                (SELECT sum(xmin::text::bigint) + sum(xmax::text::bigint) FROM app_user WHERE id IN (SELECT user_id FROM mine)) AS accounts,
                (SELECT sum(xmin::text::bigint) + sum(xmax::text::bigint) FROM import_address WHERE user_id IN (SELECT user_id FROM mine)) AS addresses,
                (SELECT sum(xmin::text::bigint) + sum(xmax::text::bigint) FROM user_structure WHERE structure_id = $1) AS memberships,
                (SELECT sum(xmin::text::bigint) + sum(xmax::text::bigint) FROM relative_link WHERE relative_id IN (SELECT user_id FROM mine)) AS links`,
        [ecole],
      );
    const [stamp] = await untouched();
    expect((await erun.data(APPLY, { id: again })).applyImport).toMatchObject({ created: 0, modified: 0, leavers: 0, classesCreated: 0 });
    expect(await counts()).toEqual(rows);
    expect(await untouched()).toEqual([stamp]);
  });

  it('moves a pupil from another école by INE keeping login, password and activation', async () => {
    const ecole = await school();
    const hugo = await f.user({ profile: 'STUDENT', lastName: 'DUPOND', firstName: 'Hugo', schools: [d.schoolZ], classes: [d.classZ1] });
    await db().query(`UPDATE app_user SET external_id = $2, birth_date = '2016-01-09' WHERE id = $1`, [hugo.id, ine(2)]);
    const [before] = await db().query('SELECT login, password_hash, activated_at FROM app_user WHERE id = $1', [hugo.id]);
    const id = await dryRunImport(erun, ecole, [['eleves.csv', utf8('onde-eleves.csv')]]);
    expect((await erun.data(APPLY, { id })).applyImport).toMatchObject({ created: 5, transfers: 1, modified: 1 });
    expect(await db().query('SELECT login, password_hash, activated_at FROM app_user WHERE id = $1', [hugo.id])).toEqual([before]);
    expect(await db().query('SELECT structure_id FROM user_structure WHERE user_id = $1', [hugo.id])).toEqual([{ structure_id: ecole }]);
    expect((await pupilsOf(ecole)).find((p: { firstName: string }) => p.firstName === 'Hugo').classes).toEqual(['CE1-CE2 Mme Exemple']);
  });

  it('names the école a transfer comes from when the caller’s scope holds it', async () => {
    const [ecole, from] = [await school(), await school()];
    const hugo = await f.user({ profile: 'STUDENT', lastName: 'DUPOND', firstName: 'Hugo', schools: [from] });
    await db().query(`UPDATE app_user SET external_id = $2, birth_date = '2016-01-09' WHERE id = $1`, [hugo.id, ine(2)]);
    const id = await dryRunImport(erun, ecole, [['eleves.csv', utf8('onde-eleves.csv')]]);
    const LINES = `query ($id: ID!) { importSession(id: $id) { lines(first: 100) { items { firstName operation userId messages } } } }`;
    const hugoLine = (await erun.data(LINES, { id })).importSession.lines.items.find((line: { firstName: string }) => line.firstName === 'Hugo');
    expect(hugoLine).toMatchObject({ operation: 'TRANSFER', userId: hugo.id });
    expect(hugoLine.messages[0]).toBe(`Ligne 3 : élève inscrit dans l'école « École appliquée ${schools} » ; il change d'école en gardant son identifiant et son mot de passe.`);
  });

  it('refuses to apply while homonyms are « À arbitrer », then applies the choice made', async () => {
    const ecole = await school();
    const other = await school();
    const ines1 = await f.user({ profile: 'STUDENT', lastName: 'Lefèvre', firstName: 'Inès', schools: [ecole] });
    const ines2 = await f.user({ profile: 'STUDENT', lastName: 'LEFEVRE', firstName: 'Ines', schools: [ecole, other] });
    await db().query(`UPDATE app_user SET birth_date = '2020-08-21' WHERE id = ANY($1)`, [[ines1.id, ines2.id]]);
    const id = await dryRunImport(erun, ecole, [['eleves.csv', cp1252('onde-eleves.csv')]]);
    const before = await counts();
    const refused = await erun.request(APPLY, { id });
    expect(refused.errors?.[0].extensions?.code).toBe('IMPORT_UNRESOLVED');
    expect(refused.errors?.[0].message).toMatch(/^Des lignes sont « À arbitrer ».*eleves\.csv : 6/);
    const wrong = await erun.request(APPLY, { id, resolutions: [{ profile: 'STUDENT', line: 6, userId: d.pupilA.id }] });
    expect(wrong.errors?.[0].extensions?.code).toBe('IMPORT_RESOLUTION_INVALID');
    expect(await counts()).toEqual(before);
    // The one not chosen is enrolled in another école too: not a leaver.
    const { applyImport } = await erun.data(APPLY, { id, resolutions: [{ profile: 'STUDENT', line: 6, userId: ines1.id }] });
    expect(applyImport).toMatchObject({ created: 5, modified: 1, leavers: 0 });
    expect(await db().query('SELECT c.name FROM class_member cm JOIN school_class c ON c.id = cm.class_id WHERE cm.user_id = $1', [ines1.id])).toEqual([{ name: 'PS-MS Mme Modèle' }]);
    expect(await db().query('SELECT 1 FROM class_member WHERE user_id = $1', [ines2.id])).toEqual([]);
  });

  it('refuses a stale dry run (« Le rapport n\'est plus à jour », in French and English) and writes nothing', async () => {
    const ecole = await school();
    const noe = await f.user({ profile: 'STUDENT', lastName: "N'Guessan", firstName: 'Noé', schools: [ecole] });
    const id = await dryRunImport(erun, ecole, BOTH());
    await db().query(`UPDATE app_user SET birth_date = '2015-06-03' WHERE id = $1`, [noe.id]);
    const before = await counts();
    const fr = await erun.request(APPLY, { id });
    expect(fr.errors?.[0].extensions?.code).toBe('IMPORT_STALE');
    expect(fr.errors?.[0].message).toMatch(/^Le rapport n'est plus à jour/);
    const en = await (await server.client('en').signIn(d.erun1.login, FIXTURE_PASSWORD)).request(APPLY, { id });
    expect(en.errors?.[0].message).toMatch(/^The report is out of date/);
    expect(await counts()).toEqual(before);
    expect((await erun.data(SESSION, { id })).importSession.status).toBe('DRY_RUN');
  });

  it('confirms a « même adresse » proposal: the guardian already known at that address gets the new child, no new account', async () => {
    const ecole = await school();
    expect((await erun.data(APPLY, { id: await dryRunImport(erun, ecole, BOTH()) })).applyImport.created).toBe(10);
    const [sophie] = await db().query(`SELECT u.id FROM app_user u JOIN user_structure us ON us.user_id = u.id WHERE us.structure_id = $1 AND u.first_name = 'Sophie'`, [ecole]);
    // Sophie DUPOND again, same address, no e-mail nor mobile, for a child she is not linked to: only a proposal.
    const header = fixture('onde-responsables.csv').split('\n')[0];
    const row = 'Mme;;DUPOND;Sophie;3 rue des Tilleuls;99000;Villefictive;FRANCE;;;;;Oui;;;LEFÈVRE;Inès;PS-MS Mme Modèle;21/08/2020';
    const file = iconv.encode(`${header}\n${row}\n`, 'win1252');
    const proposal = await dryRunImport(erun, ecole, [['responsables.csv', file]]);
    const DECIDABLE = `query ($id: ID!) { importSession(id: $id) { lines(first: 10, decidable: true) { total items { profile line operation candidates { userId } messages } } } }`;
    const { lines } = (await erun.data(DECIDABLE, { id: proposal })).importSession;
    expect(lines.total).toBe(1);
    expect(lines.items[0]).toMatchObject({ profile: 'RELATIVE', line: 2, operation: 'CREATE', candidates: [{ userId: sophie.id }] });
    expect(lines.items[0].messages.join(' ')).toContain('même adresse');
    // Not « À arbitrer »: the other lines query (no filter) lists it too, and applying without a choice would create her again.
    expect((await erun.data(APPLY, { id: proposal, resolutions: [{ profile: 'RELATIVE', line: 2, userId: sophie.id }] })).applyImport).toMatchObject({ created: 0 });
    const children = await db().query(`SELECT c.first_name FROM relative_link rl JOIN app_user c ON c.id = rl.student_id WHERE rl.relative_id = $1 ORDER BY c.first_name`, [sophie.id]);
    expect(children.map((c: { first_name: string }) => c.first_name)).toEqual(['Hugo', 'Inès', 'Léa']);
  });

  it('applies two écoles at once whose files make the same logins: each account gets its own, no unique violation', async () => {
    const [first, second] = [await school(), await school()];
    const firstId = await dryRunImport(erun, first, [['eleves.csv', utf8('onde-eleves.csv')]]);
    // The same names in the second école, with INEs of their own (not transfers).
    const otherInes = Buffer.from(fixture('onde-eleves.csv').replace(/(\d{4})(\d{2})(\d{4})X/g, (_, a, b, c) => `${a}${b}9${c.slice(1)}X`), 'utf8');
    const secondId = await dryRunImport(erun, second, [['eleves.csv', otherInes]]);
    const results = await Promise.all([erun.request(APPLY, { id: firstId }), erun.request(APPLY, { id: secondId })]);
    expect(results.map((result) => result.errors ?? [])).toEqual([[], []]);
    expect(results.map((result) => result.data!.applyImport.created)).toEqual([6, 6]);
    const logins = await db().query(
      `SELECT u.login FROM app_user u JOIN user_structure us ON us.user_id = u.id WHERE us.structure_id = ANY($1) AND u.first_name = 'Léa' ORDER BY u.login`,
      [[first, second]],
    );
    // Earlier tests' écoles hold some lea.dupondN already: two different ones of that base.
    const names = logins.map((row: { login: string }) => row.login);
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(2);
    for (const name of names) expect(name).toMatch(/^lea\.dupond\d*$/);
  });

  it('runs two concurrent « Appliquer » of one dry run once', async () => {
    const ecole = await school();
    const id = await dryRunImport(erun, ecole, BOTH());
    const before = await counts();
    const [a, b] = await Promise.all([erun.data(APPLY, { id }), erun.data(APPLY, { id })]);
    expect(a).toEqual(b);
    expect((await counts())[0] - before[0]).toBe(10);
    expect(await db().query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'USERS_IMPORTED' AND details->>'sessionId' = $1`, [id])).toEqual([{ n: 1 }]);
    expect((await erun.data(SESSION, { id })).importSession.status).toBe('APPLIED');
  });

  it('proposes no leavers from a partial file, and says why', async () => {
    const small = await school();
    for (let i = 0; i < 13; i++) await f.user({ profile: 'STUDENT', lastName: `Ancien${i}`, firstName: 'Élève', schools: [small] });
    const id = await dryRunImport(erun, small, [['eleves.csv', cp1252('onde-eleves.csv')]]);
    const { importSession: s } = await erun.data(SESSION, { id });
    expect(s.leavers).toEqual({ pupils: 0, relatives: 0, confirmationRequired: null, withheld: "Le fichier compte 6 élèves pour 13 inscrits : moins de la moitié, il est traité comme partiel et aucun départ n'est proposé." });
    expect(s.totals[0].absent).toBe(13);
    expect((await erun.data(APPLY, { id })).applyImport.leavers).toBe(0);

    const classLeftOut = await school();
    const ce = await f.schoolClass(classLeftOut, 'CM2 Ancienne', ['CM2']);
    await f.user({ profile: 'STUDENT', lastName: 'Ancien', firstName: 'Paul', schools: [classLeftOut], classes: [ce] });
    const id2 = await dryRunImport(erun, classLeftOut, [['eleves.csv', cp1252('onde-eleves.csv')]]);
    expect((await erun.data(SESSION, { id: id2 })).importSession.leavers.withheld).toBe("Le fichier ne contient aucun élève de la classe CM2 Ancienne : il est traité comme partiel et aucun départ n'est proposé.");
    expect((await erun.data(APPLY, { id: id2 })).applyImport.leavers).toBe(0);
    expect(await db().query('SELECT count(*)::int AS n FROM import_absence WHERE school_id = ANY($1)', [[small, classLeftOut]])).toEqual([{ n: 0 }]);
  });

  it('requires the number of leavers typed above the threshold, marks them « Absent du fichier », pre-deletes them 14 days later', async () => {
    const ecole = await school();
    const other = await school();
    const leaving = [];
    for (let i = 0; i < 4; i++) leaving.push(await f.user({ profile: 'STUDENT', lastName: `Parti${i}`, firstName: 'Élève', schools: [ecole] }));
    const stays = await f.user({ profile: 'STUDENT', lastName: 'Ailleurs', firstName: 'Frère', schools: [other] });
    const alone = await f.user({ profile: 'RELATIVE', lastName: 'Parti0', firstName: 'Parent', schools: [ecole] });
    const withChildLeft = await f.user({ profile: 'RELATIVE', lastName: 'Parti1', firstName: 'Parent', schools: [ecole] });
    for (const [relative, child] of [[alone, leaving[0]], [withChildLeft, leaving[1]], [withChildLeft, stays]]) {
      await db().query('INSERT INTO relative_link (relative_id, student_id) VALUES ($1, $2)', [relative.id, child.id]);
    }
    const id = await dryRunImport(erun, ecole, [['eleves.csv', cp1252('onde-eleves.csv')]]);
    expect((await erun.data(SESSION, { id })).importSession.leavers).toEqual({ pupils: 4, relatives: 1, withheld: null, confirmationRequired: 5 });
    const before = await counts();
    for (const confirm of [null, 4]) {
      const refused = await erun.request(APPLY, { id, confirm });
      expect(refused.errors?.[0].extensions?.code).toBe('IMPORT_CONFIRM_LEAVERS');
      expect(refused.errors?.[0].message).toContain('saisissez ce nombre (5)');
    }
    expect(await counts()).toEqual(before);
    expect((await erun.data(APPLY, { id, confirm: 5 })).applyImport).toMatchObject({ created: 6, leavers: 5 });
    const marked = await db().query('SELECT user_id FROM import_absence WHERE school_id = $1', [ecole]);
    expect(marked.map((r: { user_id: string }) => r.user_id).sort()).toEqual([...leaving.map((u) => u.id), alone.id].sort());

    // 14 days on, the nightly job pre-deletes them, deletion 76 days after that.
    expect(await server.services.importAbsences.predeleteDue()).toBe(0);
    await db().query(`UPDATE import_absence SET since = now() - interval '15 days' WHERE school_id = $1`, [ecole]);
    expect(await server.services.importAbsences.predeleteDue()).toBe(5);
    const [row] = await db().query(`SELECT predeleted_at IS NOT NULL AS pre, round(extract(epoch FROM delete_after - predeleted_at) / 86400) AS days FROM app_user WHERE id = $1`, [alone.id]);
    expect(row).toEqual({ pre: true, days: '76' });
    expect(await db().query('SELECT predeleted_at FROM app_user WHERE id = $1', [withChildLeft.id])).toEqual([{ predeleted_at: null }]);
  });

  it("answers NOT_FOUND for another admin's dry run, even an admin above", async () => {
    const ecole = await school();
    const id = await dryRunImport(erun, ecole, [['eleves.csv', cp1252('onde-eleves.csv')]]);
    const before = await counts();
    for (const login of [d.cpd.login, d.directorA.login]) {
      const other = await server.client().signIn(login, FIXTURE_PASSWORD);
      expect((await other.request(APPLY, { id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    expect((await erun.request(APPLY, { id: '00000000-0000-4000-8000-000000000000' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);
  });
});
