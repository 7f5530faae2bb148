import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pseudonymFor } from '../../platform/auth/integration-fields';
import type { IntegrationGrant } from '../../platform/auth/token-scopes';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { createTestApiClient, TestApiClient, tokenSocket, withToken } from '../../test-support/integration-token';
import { liveFeed } from '../../test-support/live-feed';
import { startTestServer, TestServer } from '../../test-support/test-server';
import { runOnce, wsClient } from '../../test-support/ws-client';
import type { ImportProgressView } from './imports.types';

const PUPILS = readFileSync(join(__dirname, 'fixtures/onde-eleves.csv'));
const SESSION = 'query ($id: ID!) { importSession(id: $id) { id schoolId status totals { profile created modified } } }';
const LINES = 'query ($id: ID!) { importSession(id: $id) { lines(first: 50) { total items { file line profile operation userId lastName firstName classChange changes { field } candidates { userId } } } } }';
const APPLY = 'mutation ($id: ID!) { applyImport(sessionId: $id) { created modified } }';
const PROGRESS = 'subscription ($id: ID!) { importProgress(sessionId: $id) { sessionId phase done total } }';
type Line = { file: string; line: number; operation: string; userId: string | null; lastName: string; firstName: string; changes: { field: string }[] };

/**
 * « Importer des utilisateurs » for integration tokens (imports:write): the upload takes the bearer
 * token with the same parsing, limits and errors; the session is its client's alone; the report's
 * names are pseudonymous without directory:identity:read and what it quotes of the file never
 * reaches a token; « Appliquer » is audited with the client and its progress goes to the token.
 */
describe('imports for integration tokens', () => {
  let server: TestServer;
  let f: Fixtures;
  let d: Awaited<ReturnType<Fixtures['departement']>>;
  let ecole: string;
  let north: TestApiClient;
  const sockets: Client[] = [];

  const as = (account: { login: string }) => server.client().signIn(account.login, FIXTURE_PASSWORD);
  const sessions = async () => Number((await server.services.dataSource.query('SELECT count(*) AS n FROM import_session'))[0].n);

  /** POST /imports/dry-run with `authorization` (a bearer token) or a cookie. */
  async function upload(auth: { token?: string; cookie?: string }, school: string, files: [string, Buffer][], lang = 'fr'): Promise<{ status: number; body: { id?: string; code?: string; message?: string } }> {
    const form = new FormData();
    for (const [name, bytes] of files) form.append('fichiers', new Blob([bytes]), name);
    const headers: Record<string, string> = { 'accept-language': lang };
    if (auth.token) headers.authorization = `Bearer ${auth.token}`;
    if (auth.cookie) headers.cookie = auth.cookie;
    const response = await fetch(`${server.url}/imports/dry-run?ecole=${school}`, { method: 'POST', headers, body: files.length ? form : undefined });
    return { status: response.status, body: (await response.json()) as { id?: string; code?: string; message?: string } };
  }
  const dryRun = async (client: TestApiClient, file = PUPILS) => {
    const { status, body } = await upload({ token: client.token }, ecole, [['eleves.csv', file]]);
    expect(status, JSON.stringify(body)).toBe(201);
    return body.id!;
  };
  const socketOf = (token: string) => {
    const socket = tokenSocket(server, token);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    server = await startTestServer();
    f = new Fixtures(server.database.dataSource, server.services.secretBox);
    d = await f.departement();
    ecole = await f.structure('ECOLE', 'École des logiciels', d.c1);
    north = await createTestApiClient(server, d.cpd, d.c1, ['imports:write'], 'Import Nord');
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) await socket.dispose();
  });
  afterAll(() => server?.close());

  it("uploads with a bearer token and imports:write, audited; the session is its client's alone", async () => {
    const id = await dryRun(north);
    const read = await withToken(server, north.token, SESSION, { id });
    expect(read.errors).toBeUndefined();
    expect(read.data).toMatchObject({ importSession: { id, schoolId: ecole, status: 'DRY_RUN', totals: expect.arrayContaining([{ profile: 'STUDENT', created: 6, modified: 0 }]) } });
    const [row] = await server.services.dataSource.query('SELECT creator_id, api_client_id FROM import_session WHERE id = $1', [id]);
    expect(row).toEqual({ creator_id: d.cpd.id, api_client_id: north.id });
    const [audit] = await server.services.dataSource.query(`SELECT details FROM audit_log WHERE action = 'API_WRITE' AND details->>'clientId' = $1 AND details->>'operation' = 'importDryRun'`, [north.id]);
    expect(audit.details).toMatchObject({ client: 'Import Nord' });

    // Neither its creator's console, nor another client of the same creator, nor the report's download.
    const creator = await as(d.cpd);
    const inConsole = await creator.request(SESSION, { id });
    expect(inConsole.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const download = await fetch(`${server.url}/telechargements/import/${id}.csv`, { headers: { cookie: creator.cookie! } });
    expect(download.status).toBe(404);
    const sibling = await createTestApiClient(server, d.cpd, d.c1, ['imports:write'], 'Import Nord bis');
    expect((await withToken(server, sibling.token, SESSION, { id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // And the creator's own dry run is not the token's.
    const mine = await upload({ cookie: creator.cookie! }, ecole, [['eleves.csv', PUPILS]]);
    expect(mine.status).toBe(201);
    expect((await withToken(server, north.token, SESSION, { id: mine.body.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses as it refuses people, writing nothing: FORBIDDEN naming imports:write, NOT_FOUND outside the subtree, errors in French and English', async () => {
    const before = await sessions();
    const stats = await createTestApiClient(server, d.cpd, d.c1, ['stats:read'], 'Sans import');
    const forbidden = await upload({ token: stats.token }, ecole, [['eleves.csv', PUPILS]]);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ code: 'FORBIDDEN' });
    expect(forbidden.body.message).toContain('imports:write');
    const graphql = await withToken(server, stats.token, SESSION, { id: '00000000-0000-4000-8000-000000000000' });
    expect(graphql.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(graphql.errors?.[0].message).toContain('imports:write');

    const south = await createTestApiClient(server, d.cpd, d.c2, ['imports:write'], 'Import Sud');
    expect((await upload({ token: south.token }, ecole, [['eleves.csv', PUPILS]])).status).toBe(404);
    expect((await upload({ token: north.token }, d.schoolZ, [['eleves.csv', PUPILS]])).status).toBe(404);

    const fr = await upload({ token: north.token }, ecole, []);
    expect(fr).toEqual({ status: 400, body: { code: 'IMPORT_NO_FILE', message: 'Aucun fichier reçu.' } });
    const en = await upload({ token: north.token }, ecole, [], 'en');
    expect(en.body.message).toBe('No file received.');
    const unreadable = await upload({ token: north.token }, ecole, [['eleves.csv', Buffer.from('pas un fichier ONDE\r\n')]]);
    expect(unreadable.status).toBe(400);
    expect(unreadable.body.message).toMatch(/eleves\.csv/);

    expect((await upload({ token: 'preau_inconnu' }, ecole, [['eleves.csv', PUPILS]])).status).toBe(401);
    expect(await sessions()).toBe(before);
  });

  it('shows the names as pseudonyms without directory:identity:read, and never what the report quotes of the file', async () => {
    const id = await dryRun(north);
    const result = await withToken(server, north.token, LINES, { id });
    expect(result.errors).toBeUndefined();
    const items = (result.data as { importSession: { lines: { items: Line[] } } }).importSession.lines.items;
    expect(items).toHaveLength(6);
    for (const line of items) {
      expect(line.lastName).toMatch(/^anon_/);
      expect(line.firstName).toBe(line.lastName);
    }
    expect(new Set(items.map((line) => line.lastName)).size).toBe(6);
    expect(JSON.stringify(result)).not.toMatch(/DUPOND|Léa|2017-03-14|0000000001X|Tilleuls/);

    const named = await createTestApiClient(server, d.cpd, d.c1, ['imports:write', 'directory:identity:read'], 'Import nommé');
    const namedId = await dryRun(named);
    const clear = (await withToken(server, named.token, LINES, { id: namedId })).data as { importSession: { lines: { items: Line[] } } };
    expect(clear.importSession.lines.items[0]).toMatchObject({ lastName: 'DUPOND', firstName: 'Léa' });

    const everything = await createTestApiClient(server, d.operator, d.dep, ['imports:write', 'directory:identity:read', 'directory:read', 'contacts:read'], 'Tout');
    const allId = await dryRun(everything);
    for (const [selection, field] of [
      ['lines(first: 5) { items { messages } }', 'messages'],
      ['lines(first: 5) { items { changes { old } } }', 'old'],
      ['lines(first: 5) { items { changes { new } } }', 'new'],
      ['lines(first: 5) { items { candidates { label } } }', 'label'],
      ['files { samples }', 'samples'],
    ]) {
      const refused = await withToken(server, everything.token, `query ($id: ID!) { importSession(id: $id) { ${selection} } }`, { id: allId });
      const errors = refused.errors ?? [];
      // Lines without changes or candidates read none (nothing leaks then); messages and samples are
      // there (a person reads them, below), so those must be refused.
      if (field === 'messages' || field === 'samples') expect(errors.length, selection).toBeGreaterThan(0);
      for (const error of errors) {
        expect(error.extensions?.code, selection).toBe('FORBIDDEN');
        expect(error.path?.at(-1), selection).toBe(field);
      }
      expect(JSON.stringify(refused), selection).not.toMatch(/2017-03-14|0000000001X|Tilleuls|Léa/);
    }
    // The messages and samples are there for a person, so the refusals above are not of empty lists.
    const person = await (await as(d.cpd)).data('query ($id: ID!) { importSession(id: $id) { files { samples } lines(first: 6) { items { messages } } } }', { id: (await upload({ cookie: (await as(d.cpd)).cookie! }, ecole, [['eleves.csv', PUPILS]])).body.id });
    expect(person.importSession.files[0].samples.length).toBeGreaterThan(0);
    expect((person.importSession.lines.items as { messages: string[] }[]).some((line) => line.messages.length > 0)).toBe(true);
  });

  it("applies with imports:write, audited with the client; importProgress goes to the token; an existing account's name is its pseudonym", async () => {
    const id = await dryRun(north);
    const feed = liveFeed<{ importProgress: ImportProgressView }>(socketOf(north.token), PROGRESS, { variables: { id } });
    await server.services.importToClients.untilSubscriptions(north.id, 1);
    // The creator's console may not follow it.
    const creator = await as(d.cpd);
    const creatorSocket = wsClient(server.url, creator.cookie);
    sockets.push(creatorSocket);
    const refused = await runOnce(creatorSocket, PROGRESS, { id });
    expect((refused.errors as { extensions: { code: string } }[])[0].extensions.code).toBe('NOT_FOUND');

    const applied = await withToken(server, north.token, APPLY, { id });
    expect(applied.data).toEqual({ applyImport: { created: 6, modified: 0 } });
    const steps = await feed.until((received) => received.some((message) => message.importProgress.phase === 'APPLIED'));
    expect(steps[0].importProgress).toMatchObject({ sessionId: id, phase: 'CHECKING' });

    const audit = (await server.services.dataSource.query(
      `SELECT action, actor_label, details FROM audit_log WHERE (action = 'API_WRITE' AND details->>'operation' = 'applyImport' AND details->>'clientId' = $1) OR (action = 'USERS_IMPORTED' AND details->>'sessionId' = $2)`,
      [north.id, id],
    )) as { action: string; actor_label: string; details: Record<string, unknown> }[];
    expect(audit.find((line) => line.action === 'API_WRITE')?.details).toMatchObject({ client: 'Import Nord' });
    const imported = audit.find((line) => line.action === 'USERS_IMPORTED')!;
    expect(imported.actor_label).toContain('« Import Nord »');
    expect(imported.details).toMatchObject({ client: 'Import Nord', clientId: north.id, created: 6 });

    // The same file with a first name changed: that line names an account now, by its pseudonym.
    const changed = Buffer.from(PUPILS.toString('utf8').replace('DUPOND;;Léa;', 'DUPOND;;Léana;'), 'utf8');
    const again = await dryRun(north, changed);
    const items = ((await withToken(server, north.token, LINES, { id: again })).data as { importSession: { lines: { items: Line[] } } }).importSession.lines.items;
    const modified = items.find((line) => line.operation === 'UPDATE')!;
    expect(modified.userId).toBeTruthy();
    expect(modified.changes.map((change) => change.field)).toContain('firstName');
    expect(modified.lastName).toBe(pseudonymFor({ pseudonymKey: north.pseudonymKey } as IntegrationGrant, modified.userId!));
  });
});
