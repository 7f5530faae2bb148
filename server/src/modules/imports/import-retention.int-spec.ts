import * as iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { GraphQLTestClient, startTestServer, TestServer } from '../../test-support/test-server';
import { dryRunImport } from '../../test-support/import-dry-run';

const file = (name: string) => iconv.encode(readFileSync(join(__dirname, 'fixtures', name), 'utf8').replace(/000000000(\d)X/g, '000091000$1X'), 'win1252');
const APPLY = `mutation ($id: ID!) { applyImport(sessionId: $id) { created } }`;
const SESSION = `query ($id: ID!) { importSession(id: $id) { status totals { profile created } lines(first: 5) { total } } }`;

describe('the retention of import sessions (nightly)', () => {
  let server: TestServer;
  let f: Fixtures;
  let erun: GraphQLTestClient;
  let d: Awaited<ReturnType<Fixtures['departement']>>;

  beforeAll(async () => {
    server = await startTestServer();
    f = new Fixtures(server.database.dataSource, server.services.secretBox);
    d = await f.departement();
    erun = await server.client().signIn(d.erun1.login, FIXTURE_PASSWORD);
  });
  afterAll(async () => server?.close());

  const db = () => server.database.dataSource;
  const age = (id: string, column: 'created_at' | 'applied_at', days: number) =>
    db().query(`UPDATE import_session SET ${column} = now() - make_interval(days => $2) WHERE id = $1`, [id, days]);

  it("keeps an applied import's lines a year, then its summary and outcome only; deletes a dry run never applied after 30 days", async () => {
    const schools = await Promise.all([1, 2, 3].map((n) => f.structure('ECOLE', `École gardée ${n}`, d.c1)));
    const [oldDryRun, recentDryRun] = [await dryRunImport(erun, schools[0], [['eleves.csv', file('onde-eleves.csv')]]), await dryRunImport(erun, schools[0], [['eleves.csv', file('onde-eleves.csv')]])];
    await age(oldDryRun, 'created_at', 31);
    await age(recentDryRun, 'created_at', 29);
    const oldApplied = await dryRunImport(erun, schools[1], [['eleves.csv', file('onde-eleves.csv')]]);
    expect((await erun.data(APPLY, { id: oldApplied })).applyImport.created).toBe(6);
    await age(oldApplied, 'applied_at', 366);
    const [before] = await db().query('SELECT report::text AS report, outcome::text AS outcome FROM import_session WHERE id = $1', [oldApplied]);
    expect(before.report).toContain('DUPOND');

    expect(await server.services.importRetention.run()).toEqual({ deleted: 1, reduced: 1 });
    expect((await erun.request(SESSION, { id: oldDryRun })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await erun.data(SESSION, { id: recentDryRun })).importSession.status).toBe('DRY_RUN');
    // The year-old import: its totals and outcome stay, no line, no name, no stored file nor plan.
    const { importSession } = await erun.data(SESSION, { id: oldApplied });
    expect(importSession).toMatchObject({ status: 'APPLIED', totals: [{ profile: 'STUDENT', created: 6 }, { profile: 'RELATIVE', created: 0 }], lines: { total: 0 } });
    const [after] = await db().query('SELECT report::text AS report, outcome::text AS outcome, parsed, plan FROM import_session WHERE id = $1', [oldApplied]);
    expect(after).toMatchObject({ parsed: null, plan: null, outcome: before.outcome });
    for (const name of ['DUPOND', 'Léa', 'Lefèvre', "N'GUESSAN"]) expect(after.report).not.toContain(name);
    // Nothing left to do the next night.
    expect(await server.services.importRetention.run()).toEqual({ deleted: 0, reduced: 0 });
  });
});
