import * as iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { GraphQLTestClient, startTestServer, TestServer } from '../../test-support/test-server';
import { dryRunImport } from '../../test-support/import-dry-run';

// INEs of this file's own (« 0000000001X » → « 0000780001X »).
const pupils = (edit: (text: string) => string = (text) => text) =>
  iconv.encode(edit(readFileSync(join(__dirname, 'fixtures', 'onde-eleves.csv'), 'utf8').replace(/000000000(\d)X/g, '000078000$1X')), 'win1252');

const dryRun = (client: GraphQLTestClient, ecole: string, file: Buffer) => dryRunImport(client, ecole, [['eleves.csv', file]]);

const download = (client: GraphQLTestClient, id: string) =>
  fetch(`${client.baseUrl}/telechargements/import/${id}.csv`, { headers: client.cookie ? { cookie: client.cookie } : {} });

describe("The import report as CSV (GET /telechargements/import/<id>.csv)", () => {
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

  it('is the report as on screen, then line by line: UTF-8 with BOM, `;`, French headers, formulas neutralised, no école outside the scope named', async () => {
    // Hugo's INE belongs to a pupil of École Z, outside this director's scope: a transfer that must not name it.
    await server.database.dataSource.query(`UPDATE app_user SET external_id = '0000780002X', source = 'ONDE_CSV' WHERE id = $1`, [d.pupilZ.id]);
    const id = await dryRun(director, d.schoolA, pupils((text) => text.replace('MARTINEAU;BERNARDIN;Chloé', 'MARTINEAU;=1+2;Chloé')));
    const response = await download(director, id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="rapport-import-ecole-a-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const all = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    // Above the lines, what the screen shows above them.
    const { importSession: s } = await director.data(
      `query ($id: ID!) { importSession(id: $id) { totals { profile created transfers } families { pupilsWithoutGuardian guardiansWithoutEmail } classes { operation name pupils } } }`,
      { id },
    );
    expect(all[0]).toBe("Rapport d'import;École A");
    expect(all).toContain('Fichier;Type;Encodage détecté;Lignes;Noms accentués lus;Avertissements');
    expect(all.find((row) => row.startsWith('eleves.csv;'))).toMatch(/^eleves\.csv;ONDE « Élèves »;Windows-1252;6;DUPOND Léa · /);
    expect(all).toContain("Ce que ferait l'import;Élèves;Parents");
    expect(all).toContain(`Créés;${s.totals[0].created};${s.totals[1].created}`);
    expect(all).toContain(`Transferts;${s.totals[0].transfers};${s.totals[1].transfers}`);
    const created = s.classes.find((plan: { operation: string }) => plan.operation === 'CREATE');
    expect(all).toContain(`${created.name};Classe créée;;${created.pupils}`);
    expect(all).toContain(`Élèves sans responsable;${s.families.pupilsWithoutGuardian}`);
    expect(all.find((row) => row.startsWith('Absents du fichier;'))).toBeDefined();
    const header = all.indexOf('Fichier;Ligne;Profil;Résultat;Règle appliquée;Nom;Prénom;Classe;Changement de classe;Changements;Comptes possibles;Messages');
    expect(header).toBeGreaterThan(0);
    const rows = all.slice(header);
    expect(rows.find((row) => row.includes(';Léa;'))).toMatch(/^eleves\.csv;2;Élève;Créé;Nouveau compte;DUPOND;Léa;CE1-CE2 Mme Exemple;/);
    expect(rows.find((row) => row.includes(';Noé;'))).toContain(";N'GUESSAN;Noé;");
    // A cell that looks like a formula is text (an apostrophe before it).
    expect(rows.find((row) => row.includes('Chloé'))).toContain(";'=1+2;Chloé;");
    const hugo = rows.find((row) => row.includes(';Hugo;'))!;
    expect(hugo).toContain(';Transfert;INE;');
    expect(hugo).toContain('autre école du département');
    expect(all.join('\n')).not.toContain('École Z');
    // As many rows as the report has lines.
    const { importSession } = await director.data('query ($id: ID!) { importSession(id: $id) { lines(first: 1) { total } } }', { id });
    expect(rows).toHaveLength(1 + importSession.lines.total);
  });

  it("is not found for another admin (even one whose scope holds the école) and asks an anonymous caller to sign in", async () => {
    const id = await dryRun(director, d.schoolA, pupils());
    for (const account of [d.cpd, d.directorZ, d.erun1]) {
      const other = await server.client().signIn(account.login, FIXTURE_PASSWORD);
      const response = await download(other, id);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('DUPOND');
    }
    expect((await download(server.client(), id)).status).toBe(401);
    expect((await download(director, 'not-an-id')).status).toBe(404);
  });
});
