import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { startTestServer, TestServer } from '../../test-support/test-server';

describe('sign-in throttling', () => {
  let server: TestServer;
  let fixtures: Fixtures;

  beforeAll(async () => {
    server = await startTestServer({ throttleLimits: { perLogin: 4, perAddress: 1000, slowAfter: 2, windowMinutes: 15, blockMinutes: 15 } });
    fixtures = new Fixtures(server.services.dataSource, server.services.secretBox);
  });
  afterAll(() => server?.close());

  it('slows repeated failures down, then refuses the login for a while with a clear message', async () => {
    const school = await fixtures.structure('ECOLE', 'École T');
    const pupil = await fixtures.user({ profile: 'STUDENT', schools: [school] });
    const browser = server.client();
    const durations: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      const started = Date.now();
      expect((await browser.login(pupil.login, 'Mauvais-1')).errors?.[0].extensions?.code).toBe('BAD_CREDENTIALS');
      durations.push(Date.now() - started);
    }
    // From the third failure on, each attempt waits at least 400 ms more.
    expect(durations[3]).toBeGreaterThanOrEqual(800);
    const refused = await browser.login(pupil.login, FIXTURE_PASSWORD);
    expect(refused.errors?.[0]).toMatchObject({
      message: 'Trop de tentatives de connexion. Réessayez dans 15 minute(s).',
      extensions: { code: 'TOO_MANY_ATTEMPTS' },
    });
    // Another login from the same address is not affected.
    const other = await fixtures.user({ profile: 'STUDENT', schools: [school] });
    expect((await browser.login(other.login, FIXTURE_PASSWORD)).data?.login.status).toBe('SIGNED_IN');
  });

  it('throttles an unknown login exactly like an existing one', async () => {
    const browser = server.client();
    for (let attempt = 0; attempt < 4; attempt++) await browser.login('personne.du.tout', 'Mauvais-1');
    expect((await browser.login('personne.du.tout', 'Mauvais-1')).errors?.[0].extensions?.code).toBe('TOO_MANY_ATTEMPTS');
  });
});
