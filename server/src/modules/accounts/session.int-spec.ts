import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { startTestServer, TestServer } from '../../test-support/test-server';

const ME = `{ me { id login displayName profile home functions { function structure { id name kind } } schools { name } classes { name school { name } } } }`;

describe('sessions: login, logout, me', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<Fixtures['departement']>>;
  let fixtures: Fixtures;

  beforeAll(async () => {
    server = await startTestServer();
    fixtures = new Fixtures(server.services.dataSource, server.services.secretBox);
    world = await fixtures.departement();
  });
  afterAll(() => server?.close());

  it('signs a director in with an HttpOnly SameSite cookie and returns their scope in me', async () => {
    const browser = server.client();
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation ($l: String!, $p: String!) { login(login: $l, password: $p) { status me { login home } } }',
        variables: { l: world.directorA.login, p: FIXTURE_PASSWORD },
      }),
    });
    const cookie = response.headers.getSetCookie()[0];
    expect(cookie).toMatch(/^preau_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const body = (await response.json()) as { data: { login: unknown } };
    expect(body.data.login).toEqual({ status: 'SIGNED_IN', me: { login: world.directorA.login, home: 'SCHOOL_ADMIN' } });

    await browser.signIn(world.directorA.login, FIXTURE_PASSWORD);
    const { me } = await browser.data(ME);
    expect(me.profile).toBe('TEACHER');
    expect(me.displayName).toBe('DIRECTRICE Anne');
    expect(me.functions).toEqual([{ function: 'SCHOOL_ADMIN', structure: { id: world.schoolA, name: 'École A', kind: 'ECOLE' } }]);
    expect(me.schools).toEqual([{ name: 'École A' }]);
    expect(me.classes).toEqual([{ name: 'CE1 A', school: { name: 'École A' } }]);
  });

  it('stores only a hash of the session token, and records the last login', async () => {
    const browser = await server.client().signIn(world.teacherA.login, FIXTURE_PASSWORD);
    const token = browser.cookie!.split('=')[1];
    const rows = await server.services.dataSource.query('SELECT token_hash FROM user_session WHERE user_id = $1', [world.teacherA.id]);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r: { token_hash: string }) => r.token_hash)).not.toContain(token);
    const [user] = await server.services.dataSource.query('SELECT last_login_at FROM app_user WHERE id = $1', [world.teacherA.id]);
    expect(user.last_login_at).toBeInstanceOf(Date);
  });

  it('gives each role the home that fits it', async () => {
    const homes: Record<string, string> = {};
    for (const [name, account] of Object.entries({ erun: world.erun1, cpd: world.cpd, operator: world.operator, teacher: world.teacherA, pupil: world.pupilA })) {
      const browser = await server.client().signIn(account.login, FIXTURE_PASSWORD);
      homes[name] = (await browser.data(ME)).me.home;
    }
    expect(homes).toEqual({ erun: 'SUPERVISOR', cpd: 'SUPERVISOR', operator: 'SUPERVISOR', teacher: 'TEACHER', pupil: 'USER' });
  });

  it('answers wrong password, unknown login and blocked account with the same French message', async () => {
    const blocked = await fixtures.user({ profile: 'STUDENT', schools: [world.schoolA], blockedUntil: 'forever' });
    const browser = server.client();
    const answers = [
      await browser.login(world.directorA.login, 'Wrong-Password-1'),
      await browser.login('personne.inconnue', FIXTURE_PASSWORD),
      await browser.login(blocked.login, FIXTURE_PASSWORD),
    ];
    for (const answer of answers) {
      expect(answer.data).toBeNull();
      expect(answer.errors).toEqual([
        { message: "L'identifiant ou le mot de passe est incorrect.", path: ['login'], extensions: { code: 'BAD_CREDENTIALS' } },
      ]);
    }
    expect(browser.cookie).toBeUndefined();
  });

  it('answers in English when the client asks for it', async () => {
    const answer = await server.client('en').login('personne.inconnue', 'whatever');
    expect(answer.errors?.[0].message).toBe('The login or the password is incorrect.');
  });

  it('lets a blocked account whose end date has passed sign in again', async () => {
    const unblocked = await fixtures.user({ profile: 'STUDENT', schools: [world.schoolA], blockedUntil: new Date(Date.now() - 1000) });
    expect((await server.client().login(unblocked.login, FIXTURE_PASSWORD)).data?.login.status).toBe('SIGNED_IN');
  });

  it('asks for activation when a new account signs in with its activation code, without a session', async () => {
    const parent = await fixtures.user({ profile: 'RELATIVE', schools: [world.schoolA], activationCode: 'abcd3456' });
    const browser = server.client();
    expect((await browser.login(parent.login, 'abcd3456')).data?.login.status).toBe('ACTIVATION_REQUIRED');
    expect(browser.cookie).toBeUndefined();
    expect((await browser.login(parent.login, 'abcd3457')).errors?.[0].extensions?.code).toBe('BAD_CREDENTIALS');
  });

  it('ends the session on logout: the same cookie no longer works', async () => {
    const browser = await server.client().signIn(world.teacherA.login, FIXTURE_PASSWORD);
    const stolen = browser.cookie;
    expect((await browser.data(ME)).me.login).toBe(world.teacherA.login);
    expect(await browser.data('mutation { logout }')).toEqual({ logout: true });
    expect(browser.cookie).toBeUndefined();
    const replay = server.client();
    replay.cookie = stolen;
    expect(await replay.data(ME)).toEqual({ me: null });
  });

  it('refuses protected queries without a session, with a clear code', async () => {
    const result = await server.client().request('{ structures { id } }');
    expect(result.errors?.[0]).toMatchObject({
      message: "Vous n'êtes pas connecté, ou votre session a expiré. Reconnectez-vous.",
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});
