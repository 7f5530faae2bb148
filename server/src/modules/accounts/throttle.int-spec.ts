import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { argon2 } from '../../platform/auth/password-hasher';
import { ThrottleLimits } from '../../platform/auth/login-throttle';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { GraphQLResult, startTestServer, TestServer } from '../../test-support/test-server';

const limits: ThrottleLimits = { perPair: 4, perPairUnderAttack: 2, loginUnderAttack: 6, addressUnderAttack: 8, slowAfter: 2, windowMinutes: 15 };
const LOGIN = 'mutation ($login: String!, $password: String!) { login(login: $login, password: $password) { status } }';

describe('sign-in throttling', () => {
  let server: TestServer;
  let fixtures: Fixtures;

  beforeAll(async () => {
    // Behind a proxy, so that each test speaks from addresses of its own (X-Forwarded-For).
    server = await startTestServer({ throttleLimits: limits, env: { TRUST_PROXY: '1' } });
    fixtures = new Fixtures(server.services.dataSource, server.services.secretBox);
  });
  afterAll(() => server?.close());

  /** One sign-in attempt from `address`: its status when it signs in, else its error code. */
  async function attempt(address: string, login: string, password: string, on: TestServer = server): Promise<string | undefined> {
    const response = await fetch(`${on.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ query: LOGIN, variables: { login, password } }),
    });
    const body = (await response.json()) as GraphQLResult<{ login: { status: string } }>;
    return body.data?.login.status ?? body.errors?.[0].extensions?.code;
  }

  async function pupil() {
    const school = await fixtures.structure('ECOLE', 'École T');
    return fixtures.user({ profile: 'STUDENT', schools: [school] });
  }

  it('slows repeated failures of a login from one address down, then refuses that pair with a clear message', async () => {
    const owner = await pupil();
    const browser = server.client();
    const durations: number[] = [];
    for (let i = 0; i < 4; i++) {
      const started = Date.now();
      expect((await browser.login(owner.login, 'Mauvais-1')).errors?.[0].extensions?.code).toBe('BAD_CREDENTIALS');
      durations.push(Date.now() - started);
    }
    // From the pair's second failure on, each attempt waits one more step of the pair's slow-down.
    expect(durations[3]).toBeGreaterThanOrEqual(800);
    const refused = await browser.login(owner.login, FIXTURE_PASSWORD);
    expect(refused.errors?.[0]).toMatchObject({
      message: 'Trop de tentatives de connexion. Réessayez dans 15 minute(s).',
      extensions: { code: 'TOO_MANY_ATTEMPTS' },
    });
    // Another login from the same address is not affected.
    const other = await pupil();
    expect((await browser.login(other.login, FIXTURE_PASSWORD)).data?.login.status).toBe('SIGNED_IN');
  });

  it('lets a user behind an address full of failures in with their correct password', async () => {
    const school = '10.1.0.1'; // a whole école behind one NAT address
    const [guesser, classmate] = [await pupil(), await pupil()];
    // Someone at the école tries logins one after the other: the address goes over its limit.
    for (let i = 0; i < limits.addressUnderAttack; i++) expect(await attempt(school, `eleve.inconnu${i}`, 'Mauvais-1')).toBe('BAD_CREDENTIALS');
    // From that address, a login that has failed there gets fewer attempts…
    expect(await attempt(school, guesser.login, 'Mauvais-1')).toBe('BAD_CREDENTIALS');
    expect(await attempt(school, guesser.login, 'Mauvais-1')).toBe('BAD_CREDENTIALS');
    expect(await attempt(school, guesser.login, FIXTURE_PASSWORD)).toBe('TOO_MANY_ATTEMPTS');
    // …but a classmate who has not failed there signs in.
    expect(await attempt(school, classmate.login, FIXTURE_PASSWORD)).toBe('SIGNED_IN');
  });

  it('never locks a login attacked from many addresses out for its owner, who signs in from a clean address', async () => {
    const owner = await pupil();
    const attackers = Array.from({ length: 5 }, (_, i) => `10.2.0.${i + 1}`);
    const outcomes: (string | undefined)[] = [];
    for (let round = 0; round < 3; round++) {
      for (const address of attackers) outcomes.push(await attempt(address, owner.login, 'Mauvais-1'));
    }
    // Far more failures than a login alone used to be allowed (4), and the attackers' pairs are refused.
    expect(outcomes.filter((code) => code === 'BAD_CREDENTIALS').length).toBeGreaterThan(limits.perPair);
    expect(outcomes.slice(-attackers.length)).toEqual(attackers.map(() => 'TOO_MANY_ATTEMPTS'));
    // The owner, at home, mistypes once, then signs in.
    expect(await attempt('10.2.1.1', owner.login, 'Mauvais-1')).toBe('BAD_CREDENTIALS');
    expect(await attempt('10.2.1.1', owner.login, FIXTURE_PASSWORD)).toBe('SIGNED_IN');
    // And from school, another clean address.
    expect(await attempt('10.2.1.2', owner.login, FIXTURE_PASSWORD)).toBe('SIGNED_IN');
  });

  it("turns the attacker's refused (login, address) away before argon2 runs, on every instance", async () => {
    const owner = await pupil();
    const attacker = '10.3.0.1';
    const verifications = vi.spyOn(argon2, 'verify');
    try {
      for (let i = 0; i < limits.perPair; i++) expect(await attempt(attacker, owner.login, 'Mauvais-1')).toBe('BAD_CREDENTIALS');
      expect(verifications).toHaveBeenCalledTimes(limits.perPair);
      // Refused: the first time after reading the counters, then from memory.
      for (let i = 0; i < 3; i++) expect(await attempt(attacker, owner.login, FIXTURE_PASSWORD)).toBe('TOO_MANY_ATTEMPTS');
      // A second instance on the same database knows from PostgreSQL.
      const other = await startTestServer({ throttleLimits: limits, env: { TRUST_PROXY: '1' }, sharedDatabaseOf: server });
      try {
        expect(await attempt(attacker, owner.login, FIXTURE_PASSWORD, other)).toBe('TOO_MANY_ATTEMPTS');
      } finally {
        await other.close();
      }
      expect(verifications).toHaveBeenCalledTimes(limits.perPair);
      // The owner, elsewhere, still costs (and gets) one verification.
      expect(await attempt('10.3.1.1', owner.login, FIXTURE_PASSWORD)).toBe('SIGNED_IN');
      expect(verifications).toHaveBeenCalledTimes(limits.perPair + 1);
    } finally {
      verifications.mockRestore();
    }
  });

  it('lets no more than its allowance of concurrent attempts of one pair reach argon2', async () => {
    const owner = await pupil();
    const verifications = vi.spyOn(argon2, 'verify');
    try {
      const outcomes = await Promise.all(Array.from({ length: 12 }, () => attempt('10.5.0.1', owner.login, 'Mauvais-1')));
      expect(verifications.mock.calls.length).toBeLessThanOrEqual(limits.perPair);
      expect(outcomes.filter((code) => code === 'TOO_MANY_ATTEMPTS').length).toBeGreaterThanOrEqual(12 - limits.perPair);
    } finally {
      verifications.mockRestore();
    }
  });

  it('throttles an unknown login exactly like an existing one', async () => {
    for (let i = 0; i < limits.perPair; i++) expect(await attempt('10.4.0.1', 'personne.du.tout', 'Mauvais-1')).toBe('BAD_CREDENTIALS');
    expect(await attempt('10.4.0.1', 'personne.du.tout', 'Mauvais-1')).toBe('TOO_MANY_ATTEMPTS');
  });
});
