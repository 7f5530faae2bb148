import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pseudonymFor } from '../../platform/auth/integration-fields';
import type { IntegrationGrant } from '../../platform/auth/token-scopes';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { drain, LiveFeed, liveFeed } from '../../test-support/live-feed';
import { GraphQLResult, startTestServer, TestServer } from '../../test-support/test-server';
import { runOnce, wsClient } from '../../test-support/ws-client';
import type { ReportSignal } from './moderation.types';

const CREATE = `mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { token client { id } } }`;
const PUBLISH = 'mutation ($input: PublishPostInput!) { publishPost(input: $input) { notificationId } }';
const REPORT = 'mutation ($id: ID!) { reportNotification(notificationId: $id) { reportId } }';
const ONE = 'query ($id: ID!) { report(id: $id) { id status text reporterCount reportedAt author { id displayName profile } treatedBy } }';
const LIST = 'query { reports(first: 50) { reports { id } } }';
const KEEP = 'mutation ($id: ID!) { keepReport(reportId: $id) { id status } }';
const ALL_SCOPES = ['stats:read', 'structures:read', 'directory:read', 'directory:identity:read', 'contacts:read', 'reports:read', 'reports:moderate', 'classes:write', 'accounts:block', 'mailing:write', 'imports:write', 'audit:read', 'events:read'];
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** Published straight to a hub after the real events: once a feed has it, nothing sent before is still on its way. */
const BARRIER = { reportId: '00000000-0000-4000-8000-00000000000a', report: { id: '00000000-0000-4000-8000-00000000000a', text: 'barrière', status: 'PENDING', author: null } } as unknown as ReportSignal;
type Added = { reportAdded: { id: string; text: string; author: { displayName: string } | null } };
const isBarrier = (message: Added) => message.reportAdded.text === 'barrière';
const LIVE = 'subscription { reportAdded { id text author { displayName } } }';

/**
 * Reports for integration tokens (issue 20, item 4): reports:read reads them within the client's
 * subtree, without who reported nor the body, the names pseudonymous without directory:identity:read;
 * reports:moderate treats them, audited with the client; reportAdded/reportTreated reach a token only
 * for reports its subtree holds, and people's live reports are unchanged.
 */
describe('reports for integration tokens', () => {
  let server: TestServer;
  let fixtures: Fixtures;
  let world: Awaited<ReturnType<Fixtures['departement']>>;
  let teacherZ: { id: string; login: string };
  const sockets: Client[] = [];

  const as = (account: { login: string }) => server.client().signIn(account.login, FIXTURE_PASSWORD);

  async function withToken(token: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult> {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResult;
  }

  async function apiClient(structureId: string, scopes: string[], name: string, creator: { login: string } = world.cpd): Promise<{ token: string; id: string; grant: Pick<IntegrationGrant, 'pseudonymKey'> }> {
    const { createApiClient } = await (await as(creator)).data(CREATE, { input: { name, purpose: 'Modération', structureId, scopes, expiresAt: inDays(30) } });
    const [row] = (await server.services.dataSource.query('SELECT pseudonym_key FROM api_client WHERE id = $1', [createApiClient.client.id])) as { pseudonym_key: string }[];
    return { token: createApiClient.token, id: createApiClient.client.id, grant: { pseudonymKey: row.pseudonym_key } };
  }

  /** A post of `teacher`'s class reported by `pupil`. */
  async function reported(title: string, teacher: { login: string }, classId: string, pupil: { login: string }): Promise<string> {
    const { notificationId } = (await (await as(teacher)).data(PUBLISH, { input: { audience: 'CLASS', audienceId: classId, title, body: 'Le corps du message' } })).publishPost;
    return (await (await as(pupil)).data(REPORT, { id: notificationId })).reportNotification.reportId;
  }
  const reportedInA = (title: string) => reported(title, world.teacherA, world.classA1, world.pupilA);
  const reportedInZ = (title: string) => reported(title, teacherZ, world.classZ1, world.pupilZ);

  function tokenSocket(token: string): Client {
    const client = createClient({
      url: server.url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    sockets.push(client);
    return client;
  }

  beforeAll(async () => {
    server = await startTestServer();
    fixtures = new Fixtures(server.services.dataSource, server.services.secretBox);
    world = await fixtures.departement();
    teacherZ = await fixtures.user({ profile: 'TEACHER', lastName: 'Enseignante', firstName: 'Zélie', schools: [world.schoolZ], classes: [world.classZ1] });
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) await socket.dispose();
  });
  afterAll(() => server?.close());

  it('reads the reports of its subtree with reports:read (NOT_FOUND outside), the author as a pseudonym without directory:identity:read', async () => {
    const inside = await reportedInA('Signalé dans la circonscription Nord');
    const outside = await reportedInZ('Signalé dans la circonscription Sud');
    const pseudo = await apiClient(world.c1, ['reports:read'], 'Modération Nord');
    const named = await apiClient(world.c1, ['reports:read', 'directory:identity:read'], 'Modération Nord nommée');

    const one = await withToken(pseudo.token, ONE, { id: inside });
    expect(one.errors).toBeUndefined();
    const report = (one.data as { report: Record<string, unknown> }).report;
    expect(report).toMatchObject({ id: inside, status: 'PENDING', text: 'Signalé dans la circonscription Nord', reporterCount: 1, treatedBy: null });
    expect(report.reportedAt).toHaveLength(1);
    expect(report.author).toEqual({ id: world.teacherA.id, displayName: pseudonymFor(pseudo.grant as IntegrationGrant, world.teacherA.id), profile: 'TEACHER' });
    expect(JSON.stringify(report)).not.toMatch(/Enseignant|Paul|Élève|Léa/i);
    expect(JSON.stringify(report)).not.toContain(world.pupilA.id);
    const withNames = (await withToken(named.token, ONE, { id: inside })).data as { report: { author: { displayName: string } } };
    expect(withNames.report.author.displayName).toBe('ENSEIGNANT Paul');

    const listed = ((await withToken(pseudo.token, LIST)).data as { reports: { reports: { id: string }[] } }).reports.reports.map((r) => r.id);
    expect(listed).toContain(inside);
    expect(listed).not.toContain(outside);
    const refused = await withToken(pseudo.token, ONE, { id: outside });
    expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const missing = await withToken(pseudo.token, ONE, { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('answers FORBIDDEN naming reports:read to a token without it, over HTTP and for the live reports', async () => {
    const reportId = await reportedInA('Sans la portée');
    const { token } = await apiClient(world.c1, ['directory:read', 'events:read'], 'Annuaire seulement');
    for (const [query, variables] of [[ONE, { id: reportId }], [LIST, {}]] as const) {
      const result = await withToken(token, query, variables);
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(result.errors?.[0].message).toContain('reports:read');
    }
    for (const field of ['reportAdded', 'reportTreated']) {
      const result = await runOnce(tokenSocket(token), `subscription { ${field} { id } }`);
      const [error] = result.errors as { message: string; extensions: { code: string } }[];
      expect(error.extensions.code, field).toBe('FORBIDDEN');
      expect(error.message, field).toContain('reports:read');
    }
    expect(server.services.reportsAddedToClients.localUserIds()).toEqual([]);
  });

  it("never lets a token read who reported nor the body, whatever its scopes; the treating admin's name is pseudonymous too", async () => {
    const reportId = await reportedInA('Corps et signaleurs');
    const everything = await apiClient(world.dep, ALL_SCOPES, 'Toutes les portées', world.operator);
    const pseudo = await apiClient(world.c1, ['reports:read'], 'Pseudonymes');
    for (const token of [everything.token, pseudo.token]) {
      for (const [selection, field] of [['body', 'body'], ['reporters { reportedAt }', 'reporters'], ['reporters { person { id displayName } }', 'reporters']]) {
        const one = await withToken(token, `query ($id: ID!) { report(id: $id) { id ${selection} } }`, { id: reportId });
        expect(one.errors?.[0].extensions?.code, selection).toBe('FORBIDDEN');
        expect(one.errors?.[0].path, selection).toEqual(['report', field]);
        expect(JSON.stringify(one), selection).not.toMatch(/Léa|corps du message/i);
        const listed = await withToken(token, `query { reports(first: 5) { reports { id ${selection} } } }`);
        expect(listed.errors?.[0].extensions?.code, selection).toBe('FORBIDDEN');
        expect(JSON.stringify(listed), selection).not.toMatch(/Léa|corps du message/i);
      }
    }
    // A signed-in admin still reads both.
    const director = await as(world.directorA);
    const seen = (await director.data('query ($id: ID!) { report(id: $id) { body reporters { person { displayName } } } }', { id: reportId })).report;
    expect(seen).toEqual({ body: 'Le corps du message', reporters: [{ person: { displayName: 'ÉLÈVE Léa' } }] });

    await director.data(KEEP, { id: reportId });
    const treated = (await withToken(pseudo.token, ONE, { id: reportId })).data as { report: { treatedBy: string } };
    expect(treated.report.treatedBy).toBe(pseudonymFor(pseudo.grant as IntegrationGrant, world.directorA.id));
    const named = (await withToken(everything.token, ONE, { id: reportId })).data as { report: { treatedBy: string } };
    expect(named.report.treatedBy).toBe('DIRECTRICE Anne');
  });

  it('treats a report with reports:moderate, audited with the client; a read-only token cannot, nor outside its subtree, nor block the author without accounts:block', async () => {
    const kept = await reportedInA('À conserver par un logiciel');
    const moderator = await apiClient(world.c1, ['reports:read', 'reports:moderate'], 'Modérateur automatique');
    const reader = await apiClient(world.c1, ['reports:read'], 'Lecteur');

    const refused = await withToken(reader.token, KEEP, { id: kept });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0].message).toContain('reports:moderate');
    expect(((await withToken(reader.token, ONE, { id: kept })).data as { report: { status: string } }).report.status).toBe('PENDING');

    const result = await withToken(moderator.token, KEEP, { id: kept });
    expect(result.data).toEqual({ keepReport: { id: kept, status: 'KEPT' } });
    const lines = (await server.services.dataSource.query(
      `SELECT action, actor_label, details FROM audit_log WHERE (action = 'API_WRITE' AND details->>'clientId' = $1) OR (action = 'REPORT_KEPT' AND details->>'reportId' = $2) ORDER BY id`,
      [moderator.id, kept],
    )) as { action: string; actor_label: string; details: Record<string, unknown> }[];
    expect(lines.find((line) => line.action === 'API_WRITE')?.details).toMatchObject({ client: 'Modérateur automatique', operation: 'keepReport' });
    expect(lines.find((line) => line.action === 'REPORT_KEPT')?.actor_label).toContain('« Modérateur automatique »');

    const outside = await reportedInZ('Hors de la circonscription du logiciel');
    const notFound = await withToken(moderator.token, KEEP, { id: outside });
    expect(notFound.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const [stillPending] = (await server.services.dataSource.query('SELECT status FROM report WHERE id = $1', [outside])) as { status: string }[];
    expect(stillPending.status).toBe('PENDING');

    const toDelete = await reportedInA('À supprimer par un logiciel');
    const block = await withToken(moderator.token, 'mutation ($id: ID!) { deleteReport(reportId: $id, blockAuthor: true) { status } }', { id: toDelete });
    expect(block.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(block.errors?.[0].message).toContain('accounts:block');
    const [after] = (await server.services.dataSource.query('SELECT r.status, u.blocked_at FROM report r, app_user u WHERE r.id = $1 AND u.id = $2', [toDelete, world.teacherA.id])) as { status: string; blocked_at: Date | null }[];
    expect(after).toEqual({ status: 'PENDING', blocked_at: null });
    const deleted = await withToken(moderator.token, 'mutation ($id: ID!) { deleteReport(reportId: $id) { status } }', { id: toDelete });
    expect(deleted.data).toEqual({ deleteReport: { status: 'DELETED' } });
  });

  it('delivers a new report live to the tokens whose subtree holds it (pseudonymous), not to the others; the admins get theirs as before', async () => {
    const north = await apiClient(world.c1, ['reports:read'], 'Direct Nord');
    const south = await apiClient(world.c2, ['reports:read'], 'Direct Sud');
    const northFeed = liveFeed<Added>(tokenSocket(north.token), LIVE);
    const southFeed = liveFeed<Added>(tokenSocket(south.token), LIVE);
    const treatedFeed = liveFeed<{ reportTreated: { id: string; status: string } }>(tokenSocket(north.token), 'subscription { reportTreated { id status } }');
    // The same query text from a signed-in admin: a person's result is shared among people only.
    const director = await as(world.directorA);
    const directorFeed: LiveFeed<Added> = liveFeed<Added>(wsClient(server.url, director.cookie), LIVE);
    sockets.push(directorFeed.client);
    await server.services.reportsAddedToClients.untilSubscriptions(north.id, 1);
    await server.services.reportsAddedToClients.untilSubscriptions(south.id, 1);
    await server.services.reportsTreatedToClients.untilSubscriptions(north.id, 1);
    await server.services.reportsAddedLive.untilSubscriptions(world.directorA.id, 1);

    const reportId = await reportedInA('Signalé en direct');
    expect(await northFeed.until(1)).toEqual([{ reportAdded: { id: reportId, text: 'Signalé en direct', author: { displayName: pseudonymFor(north.grant as IntegrationGrant, world.teacherA.id) } } }]);
    expect(await directorFeed.until(1)).toEqual([{ reportAdded: { id: reportId, text: 'Signalé en direct', author: { displayName: 'ENSEIGNANT Paul' } } }]);
    // Both hubs were published to at once: the barrier, sent after, arrives behind anything queued for the south.
    await drain(server.services.reportsAddedToClients, [{ feed: southFeed, userId: south.id }], BARRIER, isBarrier);
    expect(southFeed.received).toEqual([]);

    await director.data(KEEP, { id: reportId });
    expect(await treatedFeed.until(1)).toEqual([{ reportTreated: { id: reportId, status: 'KEPT' } }]);

    // A report of its own subtree reaches the south one.
    const southern = await reportedInZ('Signalé au sud');
    expect((await southFeed.until(1)).map((message) => message.reportAdded.id)).toEqual([southern]);
  });

  it('stops delivering to a revoked client at once, even before its socket is closed', async () => {
    const revoked = await apiClient(world.c1, ['reports:read'], 'Bientôt révoqué');
    const kept = await apiClient(world.c1, ['reports:read'], 'Toujours là');
    const revokedFeed = liveFeed<Added>(tokenSocket(revoked.token), LIVE);
    const keptFeed = liveFeed<Added>(tokenSocket(kept.token), LIVE);
    await server.services.reportsAddedToClients.untilSubscriptions(revoked.id, 1);
    await server.services.reportsAddedToClients.untilSubscriptions(kept.id, 1);
    // Revoked in SQL with no notification (as if it had not arrived yet): the delivery reads PostgreSQL.
    await server.services.dataSource.query('ALTER TABLE api_client DISABLE TRIGGER USER');
    try {
      await server.services.dataSource.query('UPDATE api_client SET revoked_at = now() WHERE id = $1', [revoked.id]);
    } finally {
      await server.services.dataSource.query('ALTER TABLE api_client ENABLE TRIGGER USER');
    }
    const reportId = await reportedInA('Après la révocation');
    expect((await keptFeed.until(1)).map((message) => message.reportAdded.id)).toEqual([reportId]);
    await drain(server.services.reportsAddedToClients, [{ feed: revokedFeed, userId: revoked.id }], BARRIER, isBarrier);
    expect(revokedFeed.received).toEqual([]);
  });
});
