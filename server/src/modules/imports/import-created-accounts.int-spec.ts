import * as iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { GraphQLTestClient, startTestServer, TestServer } from '../../test-support/test-server';
import { dryRunImport } from '../../test-support/import-dry-run';

// INEs of this file's own (« 0000000001X » → « 0000770001X »): other files' imports never meet them.
const cp1252 = (name: string) => iconv.encode(readFileSync(join(__dirname, 'fixtures', name), 'utf8').replace(/000000000(\d)X/g, '000077000$1X'), 'win1252');

const APPLY = `mutation ($id: ID!) { applyImport(sessionId: $id) { created } }`;
const SELECTION = `query ($filter: UserFilter) { mailingSelection(filter: $filter) { total } }`;
const USERS = `query ($filter: UserFilter) { users(filter: $filter, first: 100) { totalCount edges { node { id firstName } } } }`;
const CREATE = `mutation ($input: CreateMailingInput!) { createMailing(input: $input) { id total } }`;

const dryRun = (client: GraphQLTestClient, ecole: string) => dryRunImport(client, ecole, [['eleves.csv', cp1252('onde-eleves.csv')], ['responsables.csv', cp1252('onde-responsables.csv')]]);

describe('« Publipostage des comptes » of the accounts an import created (UserFilter.importId)', () => {
  let server: TestServer;
  let f: Fixtures;
  let d: Awaited<ReturnType<Fixtures['departement']>>;
  let erun: GraphQLTestClient;
  let ecole: string;
  let simulated: string;
  let importId: string;
  let created: { id: string; first_name: string }[];

  beforeAll(async () => {
    server = await startTestServer();
    f = new Fixtures(server.database.dataSource, server.services.secretBox);
    d = await f.departement();
    ecole = await f.structure('ECOLE', 'École des imports', d.c1);
    simulated = await f.structure('ECOLE', 'École simulée', d.c1);
    erun = await server.client().signIn(d.erun1.login, FIXTURE_PASSWORD);
    // Accounts of that école the import does not create: never in its selection.
    await f.user({ profile: 'TEACHER', lastName: 'Déjà', firstName: 'Là', schools: [ecole] });
    importId = await dryRun(erun, ecole);
    expect((await erun.data(APPLY, { id: importId })).applyImport.created).toBe(10);
    created = await server.database.dataSource.query(`SELECT id, first_name FROM app_user WHERE source = 'ONDE_CSV' AND id IN (SELECT user_id FROM user_structure WHERE structure_id = $1) ORDER BY first_name`, [ecole]);
    expect(created).toHaveLength(10);
  });
  afterAll(async () => server?.close());

  it('selects exactly the created accounts, and no longer one that has left the caller\'s scope since', async () => {
    const filter = { importId, structureId: ecole };
    expect((await erun.data(SELECTION, { filter })).mailingSelection.total).toBe(10);
    const list = (await erun.data(USERS, { filter })).users;
    expect(list.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual(created.map((u) => u.id).sort());

    // Hugo moves to an école of the other circonscription: out of this ERUN's scope now.
    const hugo = created.find((u) => u.first_name === 'Hugo')!;
    await server.database.dataSource.query(`UPDATE user_structure SET structure_id = $2 WHERE user_id = $1`, [hugo.id, d.schoolZ]);
    await server.database.dataSource.query(`DELETE FROM class_member WHERE user_id = $1`, [hugo.id]);
    for (const byScope of [{ importId }, filter]) {
      expect((await erun.data(SELECTION, { filter: byScope })).mailingSelection.total).toBe(9);
      const mailing = (await erun.data(CREATE, { input: { kind: 'PDF', filter: byScope } })).createMailing;
      expect(mailing.total).toBe(9);
      const recipients = await server.database.dataSource.query(`SELECT user_id FROM mailing_recipient WHERE mailing_id = $1`, [mailing.id]);
      expect(recipients.map((r: { user_id: string }) => r.user_id).sort()).toEqual(created.filter((u) => u !== hugo).map((u) => u.id).sort());
    }
    const csv = await fetch(`${erun.baseUrl}/telechargements/comptes.csv?filtre=${encodeURIComponent(JSON.stringify({ importId }))}`, { headers: { cookie: erun.cookie! } });
    const text = await csv.text();
    expect(csv.status).toBe(200);
    expect(text.trim().split('\n')).toHaveLength(1 + 9);
    expect(text).not.toContain('Hugo');
  });

  it('is not found for another admin, even one whose scope holds the école, and for a dry run\'s id before it is applied', async () => {
    const cpd = await server.client().signIn(d.cpd.login, FIXTURE_PASSWORD);
    const director = await server.client().signIn(d.directorZ.login, FIXTURE_PASSWORD);
    for (const client of [cpd, director]) {
      for (const query of [SELECTION, USERS]) {
        const { errors } = await client.request(query, { filter: { importId } });
        expect(errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      }
      const { errors } = await client.request(CREATE, { input: { kind: 'PDF', filter: { importId } } });
      expect(errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const csv = await fetch(`${cpd.baseUrl}/telechargements/comptes.csv?filtre=${encodeURIComponent(JSON.stringify({ importId }))}`, { headers: { cookie: cpd.cookie! } });
    expect(csv.status).toBe(404);

    // A dry run that was never applied created nobody.
    const pending = await dryRun(erun, simulated);
    expect((await erun.data(SELECTION, { filter: { importId: pending } })).mailingSelection.total).toBe(0);
  });
});
