import { createClient as createWsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { mailText, SmtpSink } from '../../test-support/smtp-sink';
import { GraphQLResult, startTestServer, TestServer } from '../../test-support/test-server';

const CREATE = `mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { token client { id } } }`;
const ROTATE = `mutation ($id: ID!, $expiresAt: DateTimeISO) { rotateApiClientToken(id: $id, expiresAt: $expiresAt) { token client { id expiresAt previousTokenValidUntil } } }`;
const REVOKE = `mutation ($id: ID!) { revokeApiClient(id: $id) { revokedAt } }`;
const LIST = `{ apiClients { id name previousTokenValidUntil } }`;
const SET_LIMIT = `mutation ($id: ID!, $input: ApiClientRateLimitInput!) { setApiClientRateLimit(id: $id, input: $input) { bucketSize } }`;
// Costs 1 point: the client's bucket (1,000 points) is not what these tests are about.
const PROBE = '{ rateLimit { remaining } }';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('API clients: rotation, expiry warnings, admin audit, scope (issue 20, item 1)', () => {
  let server: TestServer;
  let second: TestServer;
  let fixtures: Fixtures;
  let world: Awaited<ReturnType<Fixtures['departement']>>;
  const smtp = new SmtpSink();
  const as = (account: { login: string }) => server.client().signIn(account.login, FIXTURE_PASSWORD);

  async function withToken(token: string, query: string, on: TestServer = server): Promise<GraphQLResult> {
    const response = await fetch(`${on.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    return { ...((await response.json()) as GraphQLResult), status: response.status };
  }
  const works = async (token: string, on: TestServer = server) => (await withToken(token, PROBE, on)).errors === undefined;
  const refused = async (token: string, on: TestServer = server) => (await withToken(token, PROBE, on)).errors?.[0]?.extensions?.code === 'UNAUTHENTICATED';

  async function createClient(creator: { login: string }, structureId: string, name: string, expiresInDays = 90) {
    const admin = await as(creator);
    const { createApiClient } = await admin.data(CREATE, {
      input: { name, purpose: 'Vie scolaire', structureId, scopes: ['structures:read'], expiresAt: inDays(expiresInDays) },
    });
    return { admin, token: createApiClient.token as string, id: createApiClient.client.id as string };
  }

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    server = await startTestServer({ env: { SMTP_URL: smtpUrl } });
    second = await startTestServer({ sharedDatabaseOf: server, env: { SMTP_URL: smtpUrl } });
    fixtures = new Fixtures(server.services.dataSource, server.services.secretBox);
    world = await fixtures.departement();
  });
  afterAll(async () => {
    await second?.close();
    await server?.close();
    await smtp.stop();
  });

  it('rotates: a new token shown once, the old one still honoured on both instances during its grace, then refused on both', async () => {
    const { admin, token: old, id } = await createClient(world.cpd, world.c1, 'Rotation');
    expect(await works(old, second)).toBe(true);
    const { rotateApiClientToken } = await admin.data(ROTATE, { id });
    const fresh = rotateApiClientToken.token as string;
    expect(fresh).not.toBe(old);
    const graceHours = (Date.parse(rotateApiClientToken.client.previousTokenValidUntil) - Date.now()) / 3_600_000;
    expect(graceHours).toBeGreaterThan(23.9);
    expect(graceHours).toBeLessThanOrEqual(24);
    for (const instance of [server, second]) {
      expect(await works(fresh, instance)).toBe(true);
      expect(await works(old, instance)).toBe(true);
    }
    // The grace ends (moved into the past by hand, as 24 hours later): both instances refuse the old token.
    await server.services.dataSource.query(`UPDATE api_client SET previous_token_valid_until = now() - interval '1 second' WHERE id = $1`, [id]);
    await expect.poll(() => refused(old, second)).toBe(true);
    await expect.poll(() => refused(old)).toBe(true);
    expect(await works(fresh, second)).toBe(true);
    const listed = (await admin.data(LIST)).apiClients.find((client: { id: string }) => client.id === id);
    expect(listed.previousTokenValidUntil).toBeNull();
  });

  it("a socket opened with the replaced token stays open during its grace and is closed with 4401 when the grace ends, the new token's socket staying", async () => {
    const { admin, token: old, id } = await createClient(world.cpd, world.c1, 'Rotation en direct');
    const fresh = (await admin.data(ROTATE, { id })).rotateApiClientToken.token as string;
    const open = (token: string) => {
      let closed!: (code: number) => void;
      const closedWith = new Promise<number>((resolve) => (closed = resolve));
      let connected!: () => void;
      const ready = new Promise<void>((resolve) => (connected = resolve));
      const client = createWsClient({
        url: second.url.replace(/^http/, 'ws') + '/graphql',
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
        retryAttempts: 0,
        lazy: false,
        onNonLazyError: () => undefined,
        on: { connected: () => connected(), closed: (event) => closed((event as { code: number }).code) },
      });
      return { client, closedWith, ready };
    };
    const oldSocket = open(old);
    const freshSocket = open(fresh);
    await Promise.all([oldSocket.ready, freshSocket.ready]);
    await server.services.dataSource.query(`UPDATE api_client SET previous_token_valid_until = now() - interval '1 second' WHERE id = $1`, [id]);
    expect(await oldSocket.closedWith).toBe(4401);
    // The fresh token's socket still answers (a close would have ended this call with an error).
    const answer = await new Promise<unknown>((resolve, reject) => {
      let value: unknown;
      freshSocket.client.subscribe({ query: PROBE }, { next: (result) => (value = result), error: reject, complete: () => resolve(value) });
    });
    expect(answer).toMatchObject({ data: { rateLimit: { remaining: expect.any(Number) } } });
    await freshSocket.client.dispose();
  });

  it('a second rotation ends the first replaced token at once; a new expiry applies and never extends the grace past the old expiry', async () => {
    const { admin, token: first, id } = await createClient(world.cpd, world.c1, 'Double rotation', 0.5);
    const rotated = (await admin.data(ROTATE, { id, expiresAt: inDays(200) })).rotateApiClientToken;
    // The old token expired in 12 hours: its grace stops there, not 24 hours from now.
    expect(Date.parse(rotated.client.previousTokenValidUntil)).toBeLessThanOrEqual(Date.parse(inDays(0.5)));
    expect(Date.parse(rotated.client.expiresAt)).toBeGreaterThan(Date.parse(inDays(199)));
    expect(await works(first, second)).toBe(true);
    const again = (await admin.data(ROTATE, { id })).rotateApiClientToken;
    expect(await refused(first)).toBe(true);
    await expect.poll(() => refused(first, second)).toBe(true);
    expect(await works(rotated.token, second)).toBe(true);
    expect(await works(again.token)).toBe(true);
    // Bad input changes nothing.
    const tooFar = await admin.request(ROTATE, { id, expiresAt: inDays(400) });
    expect(tooFar.errors?.[0].extensions?.fields).toHaveProperty('expiresAt');
    expect(await works(again.token)).toBe(true);
  });

  it('refuses to rotate a revoked client, and revoking ends the replaced token too', async () => {
    const { admin, id } = await createClient(world.cpd, world.c1, 'Révoqué puis renouvelé');
    const rotated = (await admin.data(ROTATE, { id })).rotateApiClientToken;
    await admin.data(REVOKE, { id });
    expect(await refused(rotated.token)).toBe(true);
    const result = await admin.request(ROTATE, { id });
    expect(result.errors?.[0].extensions?.code).toBe('API_CLIENT_INACTIVE');
    expect(result.errors?.[0].message).toContain('révoqué ou expiré');
  });

  it("out of scope: another département's admin neither sees, rotates nor revokes a client; a director may not manage clients", async () => {
    const { token, id } = await createClient(world.cpd, world.c1, 'Hors périmètre');
    const otherDep = await fixtures.structure('DEPARTEMENT', 'Autre département');
    const otherCpd = await fixtures.user({ profile: 'PERSONNEL', lastName: 'Cpd', firstName: 'Ailleurs', functions: [{ function: 'DEPARTEMENT_ADMIN', structureId: otherDep }] });
    const outsider = await as(otherCpd);
    const listed = (await outsider.data(LIST)).apiClients as { id: string }[];
    expect(listed.map((client) => client.id)).not.toContain(id);
    expect((await outsider.request(ROTATE, { id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await outsider.request(REVOKE, { id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const director = await as(world.directorA);
    expect((await director.request(LIST)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await director.request(ROTATE, { id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Nothing changed: the token still works, no rotation or revocation was written.
    expect(await works(token)).toBe(true);
    const audit = await server.services.dataSource.query(`SELECT action FROM audit_log WHERE details->>'clientId' = $1 ORDER BY id`, [id]);
    expect(audit.map((line: { action: string }) => line.action)).toEqual(['API_CLIENT_CREATED']);
  });

  it('audits the rotation and the operator setting a bucket (before and after); a département admin may not set one', async () => {
    const { admin, id } = await createClient(world.cpd, world.c1, 'Audité');
    await admin.data(ROTATE, { id });
    const cpdLimit = await admin.request(SET_LIMIT, { id, input: { size: 5000, refillPerSecond: 10 } });
    expect(cpdLimit.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await server.services.dataSource.query('SELECT bucket_size FROM api_client WHERE id = $1', [id]))[0].bucket_size).toBe(1000);
    const operator = await as(world.operator);
    await operator.data(SET_LIMIT, { id, input: { size: 5000, refillPerSecond: 10 } });
    const lines = await server.services.dataSource.query(`SELECT action, actor_label, details FROM audit_log WHERE details->>'clientId' = $1 ORDER BY id`, [id]);
    expect(lines.map((line: { action: string }) => line.action)).toEqual(['API_CLIENT_CREATED', 'API_CLIENT_ROTATED', 'API_CLIENT_RATE_LIMIT_SET']);
    expect(lines[1].details).toMatchObject({ client: 'Audité', clientId: id });
    expect(lines[1].actor_label).toContain('CPD Numérique');
    expect(lines[2].details).toMatchObject({ client: 'Audité', size: 5000, refillPerSecond: 10, before: { size: 1000, refillPerSecond: 2 } });
    expect(lines[2].actor_label).toMatch(/Opérateur|OPÉRATEUR/);
    expect(JSON.stringify(lines)).not.toMatch(/preau_/);
  });

  it("warns the creator by e-mail 14 days, then 3 days before the expiry, once each; a rotation's new expiry re-arms them", async () => {
    const owner = await fixtures.user({
      profile: 'PERSONNEL',
      lastName: 'Cpd',
      firstName: 'Avertie',
      email: 'cpd.avertie@example.org',
      functions: [{ function: 'DEPARTEMENT_ADMIN', structureId: world.dep }],
    });
    const soon = await createClient(owner, world.c1, 'Expire bientôt', 10);
    const verySoon = await createClient(owner, world.schoolA, 'Expire très bientôt', 2);
    await createClient(owner, world.c1, 'Expire plus tard', 30);
    const before = smtp.mails.length;

    expect(await server.services.apiClientExpiry.sendDue()).toBe(2);
    const sent = smtp.mails.slice(before);
    expect(sent.every((mail) => mail.to.includes('cpd.avertie@example.org'))).toBe(true);
    const texts = sent.map((mail) => mailText(mail.raw));
    expect(texts.some((text) => text.includes('« Expire bientôt »') && text.includes('/admin/applications-connectees'))).toBe(true);
    expect(texts.some((text) => text.includes('« Expire très bientôt »'))).toBe(true);
    expect(texts.join('\n')).not.toContain('Expire plus tard');
    expect(texts.join('\n')).not.toMatch(/preau_/);

    // Once each: the second instance's run finds nothing more to send.
    expect(await second.services.apiClientExpiry.sendDue()).toBe(0);
    // Three days before: the 3-day warning follows the 14-day one.
    await server.services.dataSource.query(`UPDATE api_client SET expires_at = now() + interval '2 days' WHERE id = $1`, [soon.id]);
    expect(await server.services.apiClientExpiry.sendDue()).toBe(1);
    expect(await server.services.apiClientExpiry.sendDue()).toBe(0);
    // A rotation with a new expiry re-arms them; without one it does not.
    await soon.admin.data(ROTATE, { id: verySoon.id });
    expect(await server.services.apiClientExpiry.sendDue()).toBe(0);
    await soon.admin.data(ROTATE, { id: soon.id, expiresAt: inDays(7) });
    expect(await server.services.apiClientExpiry.sendDue()).toBe(1);
    const warnings = await server.services.dataSource.query(
      `SELECT details->>'client' AS client, (details->>'days')::int AS days FROM audit_log WHERE action = 'API_CLIENT_EXPIRY_WARNED' ORDER BY id`,
    );
    expect(warnings).toEqual([
      { client: 'Expire très bientôt', days: 3 },
      { client: 'Expire bientôt', days: 14 },
      { client: 'Expire bientôt', days: 3 },
      { client: 'Expire bientôt', days: 14 },
    ]);
  });
});
