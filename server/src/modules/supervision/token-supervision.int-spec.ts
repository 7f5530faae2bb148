import type { Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { createTestApiClient, tokenSocket, withToken } from '../../test-support/integration-token';
import { drain, LiveFeed, liveFeed } from '../../test-support/live-feed';
import { startTestServer, TestServer } from '../../test-support/test-server';
import { runOnce, wsClient } from '../../test-support/ws-client';

const FIELDS = `id name code circonscriptionId students studentsActivated relatives relativesActivated teachers teachersActivated
  personnel personnelActivated guests guestsActivated pupilsCovered pupilsWithoutGuardian relativesWithoutEmail blocked predeleted
  pendingReports oldestPendingReportAt absentFromFile renewalCodesExpired lastImportAt lastImportCreated lastImportModified lastImportLeavers
  unappliedImportAt studentsActive7 studentsActive30 relativesActive7 relativesActive30 teachersActive7 teachersActive30
  personnelActive7 personnelActive30 guestsActive7 guestsActive30`;
const DASHBOARD = `query ($id: ID) { supervision(structureId: $id) { activityDay circonscriptions { ${FIELDS} } ecoles { ${FIELDS} } total { ${FIELDS} } } }`;
const LIVE = 'subscription { supervisionChanged { changedAt } }';

type Message = { supervisionChanged: { changedAt: string } };
/** Published straight on the tokens' hub to prove nothing else is on its way (a date no change carries). */
const BARRIER_AT = new Date(0);
const isBarrier = (message: Message) => message.supervisionChanged.changedAt === BARRIER_AT.toISOString();

/**
 * The « Tableau de bord » for integration tokens (stats:read): the figures of the client's subtree,
 * the same as a person's view of that structure, NOT_FOUND outside it, FORBIDDEN without the scope;
 * supervisionChanged reaches a token only for changes its subtree holds.
 */
describe('« Tableau de bord » for integration tokens', () => {
  let server: TestServer;
  let f: Fixtures;
  let d: Awaited<ReturnType<Fixtures['departement']>>;
  const sockets: Client[] = [];

  const as = (account: { login: string }) => server.client().signIn(account.login, FIXTURE_PASSWORD);
  const socketOf = (token: string) => {
    const socket = tokenSocket(server, token);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    server = await startTestServer();
    f = new Fixtures(server.database.dataSource, server.services.secretBox);
    d = await f.departement();
    const db = server.database.dataSource;
    // Figures that differ from école to école: accounts activated or not, a guardian, a block, an import.
    let n = 0;
    const pending = (options: Parameters<Fixtures['user']>[0]) => f.user({ activationCode: `tok${n++}abcde`.slice(0, 8), ...options });
    const pupils = [];
    for (let i = 0; i < 4; i++) pupils.push(await pending({ profile: 'STUDENT', schools: [d.schoolA] }));
    const parent = await f.user({ profile: 'RELATIVE', schools: [d.schoolA, d.schoolB], email: 'parent@example.org' });
    await db.query('INSERT INTO relative_link (relative_id, student_id) VALUES ($1, $2), ($1, $3)', [parent.id, pupils[0].id, pupils[1].id]);
    await f.user({ profile: 'TEACHER', schools: [d.schoolB], blockedUntil: 'forever' });
    await pending({ profile: 'GUEST', schools: [d.schoolB] });
    await pending({ profile: 'STUDENT', schools: [d.schoolZ] });
    await db.query(
      `INSERT INTO import_session (creator_id, school_id, files_hash, report, status, created_at, applied_at, outcome)
       VALUES ($1, $2, 'h', '{}', 'APPLIED', now() - interval '2 days', now() - interval '2 days', $3)`,
      [d.cpd.id, d.schoolA, JSON.stringify({ created: 4, modified: 1, transfers: 0, leavers: 0, classesCreated: 0, classesRenamed: 0, createdUserIds: [] })],
    );
    await server.services.activityRollup.run();
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) await socket.dispose();
  });
  afterAll(() => server?.close());

  it("reads its subtree's dashboard with stats:read: the same figures as a person's view of that structure", async () => {
    const north = await createTestApiClient(server, d.cpd, d.c1, ['stats:read'], 'Statistiques Nord');
    const departement = await createTestApiClient(server, d.cpd, d.dep, ['stats:read'], 'Statistiques du département');

    const erunView = await (await as(d.erun1)).data(DASHBOARD, { id: null });
    const tokenView = await withToken(server, north.token, DASHBOARD, { id: null });
    expect(tokenView.errors).toBeUndefined();
    expect(tokenView.data).toEqual(erunView);
    // Priced by its subtree (3 structures), not by a département's few thousand écoles: the default bucket affords it.
    expect(tokenView.extensions?.cost?.requested).toBeLessThanOrEqual(3 * 3 + 1);
    const ecoles = (tokenView.data as { supervision: { ecoles: { id: string; students: number }[]; total: { id: string } } }).supervision;
    expect(ecoles.ecoles.map((row) => row.id).sort()).toEqual([d.schoolA, d.schoolB].sort());
    expect(ecoles.total.id).toBe(d.c1);
    // Not a vacuous equality: école A's figures are there.
    expect(ecoles.ecoles.find((row) => row.id === d.schoolA)).toMatchObject({ students: 5, relatives: 1, lastImportCreated: 4 });

    const cpdView = await (await as(d.cpd)).data(DASHBOARD, { id: null });
    expect((await withToken(server, departement.token, DASHBOARD, { id: null })).data).toEqual(cpdView);

    // One école of its subtree, as its director sees it.
    const directorView = await (await as(d.directorA)).data(DASHBOARD, { id: d.schoolA });
    expect((await withToken(server, north.token, DASHBOARD, { id: d.schoolA })).data).toEqual(directorView);
  });

  it('answers NOT_FOUND for a structure outside its subtree, as for one that does not exist', async () => {
    const north = await createTestApiClient(server, d.cpd, d.c1, ['stats:read'], 'Statistiques Nord bornées');
    for (const id of [d.schoolZ, d.c2, d.dep, '00000000-0000-4000-8000-000000000000']) {
      const result = await withToken(server, north.token, DASHBOARD, { id });
      expect(result.errors?.[0].extensions?.code, id).toBe('NOT_FOUND');
      expect(result.data ?? null, id).toBeNull();
    }
    // And a token rooted at école A reads nothing of école B.
    const ecole = await createTestApiClient(server, d.cpd, d.schoolA, ['stats:read'], 'Statistiques de l’école A');
    const own = (await withToken(server, ecole.token, DASHBOARD, { id: null })).data as { supervision: { ecoles: { id: string }[] } };
    expect(own.supervision.ecoles.map((row) => row.id)).toEqual([d.schoolA]);
    expect((await withToken(server, ecole.token, DASHBOARD, { id: d.schoolB })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('answers FORBIDDEN naming stats:read to a token without it, over HTTP and for the live changes', async () => {
    const { token } = await createTestApiClient(server, d.cpd, d.c1, ['structures:read', 'directory:read', 'imports:write'], 'Sans statistiques');
    const result = await withToken(server, token, DASHBOARD, { id: null });
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(result.errors?.[0].message).toContain('stats:read');
    const live = await runOnce(socketOf(token), LIVE);
    const [error] = live.errors as { message: string; extensions: { code: string } }[];
    expect(error.extensions.code).toBe('FORBIDDEN');
    expect(error.message).toContain('stats:read');
    expect(server.services.supervisionToClients.localUserIds()).toEqual([]);
  });

  it("tells a token of the changes its subtree holds, not of the others; a revoked client hears nothing; people's feeds are unchanged", async () => {
    const north = await createTestApiClient(server, d.cpd, d.c1, ['stats:read'], 'Direct Nord');
    const south = await createTestApiClient(server, d.cpd, d.c2, ['stats:read'], 'Direct Sud');
    const revoked = await createTestApiClient(server, d.cpd, d.c1, ['stats:read'], 'Bientôt révoqué');
    const tokens = { north, south, revoked };
    const feeds = Object.fromEntries(Object.entries(tokens).map(([name, client]) => [name, liveFeed<Message>(socketOf(client.token), LIVE)])) as Record<keyof typeof tokens, LiveFeed<Message>>;
    // The same query text from a signed-in ERUN of the north: a person's result is shared among people only.
    const erun = await as(d.erun1);
    const erunSocket = wsClient(server.url, erun.cookie);
    sockets.push(erunSocket);
    const erunFeed = liveFeed<Message>(erunSocket, LIVE);
    for (const client of Object.values(tokens)) await server.services.supervisionToClients.untilSubscriptions(client.id, 1);
    await server.services.supervisionLive.untilSubscriptions(d.erun1.id, 1);

    const everyToken = () => Object.entries(tokens).map(([name, client]) => ({ feed: feeds[name as keyof typeof tokens], userId: client.id }));
    const heard = async (statement: () => Promise<unknown>, expected: (keyof typeof tokens)[]) => {
      for (const feed of Object.values(feeds)) feed.received.length = 0;
      await statement();
      for (const name of expected) expect((await feeds[name].until(1))[0].supervisionChanged.changedAt, name).toMatch(/^\d{4}-/);
      // Both hubs, people's and tokens', are published to at once: a barrier sent after arrives behind anything queued.
      await drain(server.services.supervisionToClients, everyToken(), { changedAt: BARRIER_AT }, isBarrier);
      return Object.entries(feeds).filter(([, feed]) => feed.received.length > 0).map(([name]) => name).sort();
    };

    const db = server.database.dataSource;
    const inNorth = await f.user({ profile: 'STUDENT', activationCode: 'livetok1' });
    expect(await heard(() => db.query('INSERT INTO user_structure (user_id, structure_id) VALUES ($1, $2)', [inNorth.id, d.schoolA]), ['north', 'revoked'])).toEqual(['north', 'revoked']);
    expect((await erunFeed.until(1)).length).toBe(1);
    expect(await heard(() => f.user({ profile: 'RELATIVE', schools: [d.schoolZ], activationCode: 'livetok2' }), ['south'])).toEqual(['south']);

    // Revoked in SQL with no notification (as if it had not arrived yet): the delivery reads PostgreSQL.
    await db.query('ALTER TABLE api_client DISABLE TRIGGER USER');
    try {
      await db.query('UPDATE api_client SET revoked_at = now() WHERE id = $1', [revoked.id]);
    } finally {
      await db.query('ALTER TABLE api_client ENABLE TRIGGER USER');
    }
    expect(await heard(() => db.query(`UPDATE app_user SET password_hash = 'x' WHERE id = $1`, [inNorth.id]), ['north'])).toEqual(['north']);

    // A change past 100 structures names none (`all`): every token still holding stats:read hears it, the revoked one not.
    const all = () => db.query(`SELECT pg_notify('preau_events', '{"type":"supervision.changed","all":true}')`);
    expect(await heard(all, ['north', 'south'])).toEqual(['north', 'south']);
  });
});
