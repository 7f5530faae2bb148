import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { startTestServer, TestServer } from '../../test-support/test-server';
import { resolveActor } from '../../app/context';

const STRUCTURES = '{ structures { id } }';

/**
 * Once an instance's own barrier notification comes back, every notification committed before it
 * has been applied there (NOTIFY arrives in commit order): what a change by plain SQL sent is in.
 */
async function applied(...instances: TestServer[]): Promise<void> {
  for (const instance of instances) await instance.services.events.barrier(60_000);
}

describe('actor cache', () => {
  let server: TestServer;
  let second: TestServer;
  let fixtures: Fixtures;
  let world: Awaited<ReturnType<Fixtures['departement']>>;

  beforeAll(async () => {
    server = await startTestServer();
    second = await startTestServer({ sharedDatabaseOf: server });
    fixtures = new Fixtures(server.services.dataSource, server.services.secretBox);
    world = await fixtures.departement();
  });
  afterAll(async () => {
    await second?.close();
    await server?.close();
  });

  it('serves a signed-in actor from memory, and forgets it on every instance when a right is withdrawn by plain SQL', async () => {
    const director = await fixtures.user({ profile: 'TEACHER', schools: [world.schoolA], functions: [{ function: 'SCHOOL_ADMIN', structureId: world.schoolB }] });
    const here = await server.client().signIn(director.login, FIXTURE_PASSWORD);
    const there = second.client();
    there.cookie = here.cookie;
    const ids = async (client: typeof here) => (await client.data<{ structures: { id: string }[] }>(STRUCTURES)).structures.map((s) => s.id);
    expect(await ids(here)).toContain(world.schoolB);
    expect(await ids(there)).toContain(world.schoolB);
    const cached = (s: TestServer) => s.services.actorCache.size;
    expect(cached(server)).toBeGreaterThan(0);
    expect(cached(second)).toBeGreaterThan(0);

    // Not through Préau's services: only the database's triggers can tell the instances.
    await server.services.dataSource.query('DELETE FROM admin_function WHERE user_id = $1', [director.id]);
    await applied(server, second);
    expect(await ids(here)).not.toContain(world.schoolB);
    expect(await ids(there)).not.toContain(world.schoolB);
  });

  it('forgets a pre-deleted account and a deleted session at once', async () => {
    const pupil = await fixtures.user({ profile: 'STUDENT', schools: [world.schoolA], classes: [world.classA1] });
    const tab = await server.client().signIn(pupil.login, FIXTURE_PASSWORD);
    expect((await tab.data('{ me { id } }')).me.id).toBe(pupil.id);
    await server.services.dataSource.query('UPDATE app_user SET predeleted_at = now() WHERE id = $1', [pupil.id]);
    await applied(server);
    expect((await tab.data('{ me { id } }')).me).toBeNull();

    const other = await fixtures.user({ profile: 'STUDENT', schools: [world.schoolA], classes: [world.classA1] });
    const otherTab = await server.client().signIn(other.login, FIXTURE_PASSWORD);
    expect((await otherTab.data('{ me { id } }')).me.id).toBe(other.id);
    await server.services.dataSource.query('DELETE FROM user_session WHERE user_id = $1', [other.id]);
    await applied(server);
    expect((await otherTab.data('{ me { id } }')).me).toBeNull();
  });

  it("follows a teacher's classes and the structure tree", async () => {
    const teacher = await fixtures.user({ profile: 'TEACHER', schools: [world.schoolA], classes: [world.classA1] });
    const tab = await server.client().signIn(teacher.login, FIXTURE_PASSWORD);
    const classes = async () => (await tab.data<{ me: { classes: { id: string }[] } }>('{ me { classes { id } } }')).me.classes.map((c) => c.id);
    expect(await classes()).toEqual([world.classA1]);
    // The rights the server will check: the actor the next request gets.
    const actorClasses = async () => (await resolveActor(server.services, tab.cookie!.split('=')[1]))!.teacherClassIds;
    expect(await actorClasses()).toEqual([world.classA1]);
    await server.services.dataSource.query('INSERT INTO class_member (class_id, user_id) VALUES ($1, $2)', [world.classA2, teacher.id]);
    await applied(server);
    expect(await actorClasses()).toHaveLength(2);

    // A new école under the ERUN's circonscription widens their scope.
    const erun = await server.client().signIn(world.erun1.login, FIXTURE_PASSWORD);
    const before = (await erun.data<{ structures: { id: string }[] }>(STRUCTURES)).structures.length;
    const school = await fixtures.structure('ECOLE', 'École nouvelle', world.c1);
    await applied(server);
    expect((await erun.data<{ structures: { id: string }[] }>(STRUCTURES)).structures.map((s) => s.id)).toContain(school);
    expect((await erun.data<{ structures: { id: string }[] }>(STRUCTURES)).structures.length).toBeGreaterThan(before);
  });

  it('reads every actor from PostgreSQL while the listening connection is down, and caches again once it is back', async () => {
    const pupil = await fixtures.user({ profile: 'STUDENT', schools: [world.schoolA], classes: [world.classA1] });
    const tab = await server.client().signIn(pupil.login, FIXTURE_PASSWORD);
    expect((await tab.data('{ me { id } }')).me.id).toBe(pupil.id);
    // Cut this instance's LISTEN connection (as a network failure or a database failover would).
    const events = server.services.events;
    const lost = new Promise<void>((resolve) => {
      const stop = events.onLost(() => (stop(), resolve()));
    });
    const back = new Promise<void>((resolve) => {
      const stop = events.onReconnect(() => (stop(), resolve()));
    });
    await server.services.dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'preau-events' AND datname = current_database()`,
    );
    await lost;
    // A block made now sends a notification this instance will never get: the next request must see it anyway.
    await server.services.dataSource.query('UPDATE app_user SET blocked_at = now() WHERE id = $1', [pupil.id]);
    expect((await tab.data('{ me { id } }')).me).toBeNull();
    expect(server.services.actorCache.size).toBe(0);
    await server.services.dataSource.query('UPDATE app_user SET blocked_at = NULL WHERE id = $1', [pupil.id]);
    await back;
    expect(events.listening).toBe(true);
    const again = await server.client().signIn(pupil.login, FIXTURE_PASSWORD);
    expect((await again.data('{ me { id } }')).me.id).toBe(pupil.id);
    expect(server.services.actorCache.size).toBeGreaterThan(0);
  });

  it('forgets a blocked account by plain SQL, not on the sliding expiry', async () => {
    const pupil = await fixtures.user({ profile: 'STUDENT', schools: [world.schoolA], classes: [world.classA1] });
    const tab = await server.client().signIn(pupil.login, FIXTURE_PASSWORD);
    expect((await tab.data('{ me { id } }')).me.id).toBe(pupil.id);
    const cachedBefore = server.services.actorCache.size;
    // The sliding expiry pushes expires_at later: no invalidation.
    await server.services.dataSource.query(`UPDATE user_session SET last_seen_at = now(), expires_at = expires_at + interval '1 hour' WHERE user_id = $1`, [pupil.id]);
    // Notifications arrive in commit order: once this instance has its own barrier, one from the update would have come.
    await server.services.events.barrier(60_000);
    expect(server.services.actorCache.size).toBe(cachedBefore);
    await server.services.dataSource.query('UPDATE app_user SET blocked_at = now() WHERE id = $1', [pupil.id]);
    await applied(server);
    expect((await tab.data('{ me { id } }')).me).toBeNull();
  });

  it('answers a mutation only once its notifications are applied here: logout, then the same cookie at once', async () => {
    const pupil = await fixtures.user({ profile: 'STUDENT', schools: [world.schoolA], classes: [world.classA1] });
    let appliedAt = 0;
    const stop = server.services.events.on('actor.changed', (event) => {
      if (event.userIds?.includes(pupil.id)) appliedAt = performance.now();
    });
    try {
      for (let i = 0; i < 5; i++) {
        appliedAt = 0;
        const tab = await server.client().signIn(pupil.login, FIXTURE_PASSWORD);
        const cookie = tab.cookie;
        expect((await tab.data('{ me { id } }')).me.id).toBe(pupil.id);
        // Hold this instance's notifications back for a moment, as a busy machine would: the
        // answer must wait for them rather than leave a window where the cookie still works.
        const listener = (server.services.events as unknown as { client: { connection: { stream: NodeJS.ReadableStream } } }).client.connection.stream;
        listener.pause();
        const resume = setTimeout(() => listener.resume(), 150);
        await tab.data('mutation { logout }');
        const answeredAt = performance.now();
        clearTimeout(resume);
        listener.resume();
        // The logout's invalidation was applied on this instance before its answer came back.
        expect(appliedAt).toBeGreaterThan(0);
        expect(appliedAt).toBeLessThan(answeredAt);
        const stale = server.client();
        stale.cookie = cookie;
        expect((await stale.data('{ me { id } }')).me).toBeNull();
      }
    } finally {
      stop();
    }
  });
});
