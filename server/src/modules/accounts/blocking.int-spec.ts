import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { startTestServer, TestServer } from '../../test-support/test-server';
import { openSocket } from '../../test-support/ws-client';

const BLOCK = 'mutation ($id: ID!, $until: DateTimeISO, $reason: String) { blockUser(userId: $id, until: $until, reason: $reason) { status blockedUntil blockedReason } }';
const UNBLOCK = 'mutation ($id: ID!) { unblockUser(userId: $id) { status } }';

describe('blocking an account', () => {
  let server: TestServer;
  let second: TestServer;
  let fixtures: Fixtures;
  let world: Awaited<ReturnType<Fixtures['departement']>>;
  const as = (account: { login: string }, on: TestServer = server) => on.client().signIn(account.login, FIXTURE_PASSWORD);

  beforeAll(async () => {
    server = await startTestServer();
    // A second instance on the same database, as behind a load balancer.
    second = await startTestServer({ sharedDatabaseOf: server });
    fixtures = new Fixtures(server.services.dataSource, server.services.secretBox);
    world = await fixtures.departement();
  });
  afterAll(async () => {
    await second?.close();
    await server?.close();
  });

  it('cuts the pupil off at once: next request, live connections on every instance, sign-in', async () => {
    const pupil = await fixtures.user({ profile: 'STUDENT', schools: [world.schoolA], classes: [world.classA1] });
    const tab = await as(pupil);
    const socketHere = await openSocket(server.url, tab.cookie!);
    const otherTab = await as(pupil, second);
    const socketThere = await openSocket(second.url, otherTab.cookie!);

    const result = await (await as(world.directorA)).data(BLOCK, { id: pupil.id, reason: 'Propos insultants' });
    expect(result.blockUser).toEqual({ status: 'BLOCKED', blockedUntil: null, blockedReason: 'Propos insultants' });

    // Both live connections close, with "unauthorized" (no retry); awaited, not timed.
    const codes = await Promise.all([socketHere.closedWith, socketThere.closedWith]);
    expect(codes).toEqual([4401, 4401]);
    // The next request of the open tab is signed out.
    expect(await tab.data('{ me { id } }')).toEqual({ me: null });
    expect((await otherTab.request('{ structures { id } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // Signing in gives the generic message.
    const again = await server.client().login(pupil.login, FIXTURE_PASSWORD);
    expect(again.errors?.[0].message).toBe("L'identifiant ou le mot de passe est incorrect.");
    const sessions = await server.services.dataSource.query('SELECT count(*)::int AS n FROM user_session WHERE user_id = $1', [pupil.id]);
    expect(sessions[0].n).toBe(0);

    // Unblocking restores access at once.
    expect((await (await as(world.erun1)).data(UNBLOCK, { id: pupil.id })).unblockUser.status).toBe('ACTIVE');
    expect((await server.client().login(pupil.login, FIXTURE_PASSWORD)).data?.login.status).toBe('SIGNED_IN');
    const audit = await server.services.dataSource.query('SELECT action, client_address, details FROM audit_log WHERE target_user_id = $1 ORDER BY id', [pupil.id]);
    expect(audit.map((row: { action: string }) => row.action)).toEqual(['USER_BLOCKED', 'USER_UNBLOCKED']);
    expect(audit[0].client_address).toMatch(/127\.0\.0\.1/);
    expect(audit[0].details).toEqual({ until: null, reason: 'Propos insultants' });
  });

  it('ends a block by itself at its end date', async () => {
    const pupil = await fixtures.user({ profile: 'STUDENT', schools: [world.schoolA] });
    const until = new Date(Date.now() + 3_600_000).toISOString();
    await (await as(world.directorA)).data(BLOCK, { id: pupil.id, until });
    expect((await server.client().login(pupil.login, FIXTURE_PASSWORD)).errors?.[0].extensions?.code).toBe('BAD_CREDENTIALS');
    // The hour passes (the end date moves to the past, rather than the test sleeping until it).
    await server.services.dataSource.query(`UPDATE app_user SET blocked_until = now() - interval '1 second' WHERE id = $1`, [pupil.id]);
    expect((await server.client().login(pupil.login, FIXTURE_PASSWORD)).data?.login.status).toBe('SIGNED_IN');
    expect(await server.services.blocking.clearExpiredBlocks()).toBeGreaterThanOrEqual(1);
    const [row] = await server.services.dataSource.query('SELECT blocked_at FROM app_user WHERE id = $1', [pupil.id]);
    expect(row.blocked_at).toBeNull();
  });

  it('refuses an end date in the past, an over-long reason, and blocking oneself, changing nothing', async () => {
    const director = await as(world.directorA);
    const past = await director.request(BLOCK, { id: world.pupilA.id, until: new Date(Date.now() - 60_000).toISOString() });
    expect(past.errors?.[0]).toMatchObject({ message: 'La date de fin du blocage doit être dans le futur.', extensions: { code: 'BAD_USER_INPUT' } });
    const long = await director.request(BLOCK, { id: world.pupilA.id, reason: 'x'.repeat(501) });
    expect(long.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const self = await director.request(BLOCK, { id: world.directorA.id });
    expect(self.errors?.[0].message).toBe('Vous ne pouvez pas bloquer votre propre compte.');
    const [row] = await server.services.dataSource.query('SELECT blocked_at FROM app_user WHERE id = $1', [world.pupilA.id]);
    expect(row.blocked_at).toBeNull();
  });

  it('is "not found" outside the scope: nothing blocked, nothing logged, no session cut', async () => {
    const pupilSession = await as(world.pupilA);
    for (const outsider of [world.directorZ, world.erun2]) {
      const result = await (await as(outsider)).request(BLOCK, { id: world.pupilA.id });
      expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await (await as(outsider)).request(UNBLOCK, { id: world.pupilA.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    expect((await (await as(world.teacherA)).request(BLOCK, { id: world.pupilA.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await pupilSession.data('{ me { login } }')).me.login).toBe(world.pupilA.login);
    const audit = await server.services.dataSource.query('SELECT count(*)::int AS n FROM audit_log WHERE target_user_id = $1', [world.pupilA.id]);
    expect(audit[0].n).toBe(0);
  });
});
