import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { startTestServer, TestServer } from '../../test-support/test-server';

const CREATE = `mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { token client { id } } }`;
const REVOKE = `mutation ($id: ID!) { revokeApiClient(id: $id) { revokedAt } }`;
const SET_LIMIT = `mutation ($id: ID!, $input: ApiClientRateLimitInput!) { setApiClientRateLimit(id: $id, input: $input) { bucketSize bucketRefillPerSecond } }`;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

interface CostExtension {
  requested: number;
  actual?: number;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } | null;
}

interface Answer {
  status: number;
  headers: Headers;
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
  extensions?: { cost?: CostExtension };
}

describe('cost limits of integration tokens (issue 20, item 3)', () => {
  let server: TestServer;
  /** How far the buckets' clock is ahead of the real one: the refill test moves it instead of waiting. */
  let clockShiftMs = 0;
  let second: TestServer;
  let fixtures: Fixtures;
  let world: Awaited<ReturnType<Fixtures['departement']>>;
  const as = (account: { login: string }) => server.client().signIn(account.login, FIXTURE_PASSWORD);

  async function call(headers: Record<string, string>, query: string, variables: Record<string, unknown> = {}, on: TestServer = server): Promise<Answer> {
    const response = await fetch(`${on.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    return { ...((await response.json()) as Omit<Answer, 'status' | 'headers'>), status: response.status, headers: response.headers };
  }
  const withToken = (token: string, query: string, variables: Record<string, unknown> = {}, on?: TestServer) => call({ authorization: `Bearer ${token}` }, query, variables, on);

  async function createToken(scopes: string[], name: string) {
    const cpd = await as(world.cpd);
    const { createApiClient } = await cpd.data(CREATE, { input: { name, purpose: 'Appel', structureId: world.c1, scopes, expiresAt: inDays(30) } });
    return { token: createApiClient.token as string, id: createApiClient.client.id as string, cpd };
  }

  /** A graphql-ws socket authenticated by connection_init's `authorization`, kept open. */
  function tokenSocket(on: TestServer, token: string) {
    let closed!: (code: number) => void;
    const closedWith = new Promise<number>((resolve) => (closed = resolve));
    const client = createClient({
      url: on.url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      lazy: false,
      // The refused socket's close is what the test waits for, not something to print.
      onNonLazyError: () => undefined,
      on: { closed: (event) => closed((event as { code: number }).code) },
    });
    const run = (query: string) =>
      new Promise<{ data?: any; errors?: any[]; extensions?: { cost?: CostExtension }; closed?: number }>((resolve) => {
        let result = {};
        client.subscribe(
          { query },
          {
            next: (value) => (result = value),
            error: (error) => resolve(Array.isArray(error) ? { errors: error } : { closed: (error as { code?: number }).code ?? -1 }),
            complete: () => resolve(result),
          },
        );
      });
    return { client, closedWith, run };
  }

  beforeAll(async () => {
    server = await startTestServer({ clock: () => Date.now() + clockShiftMs });
    second = await startTestServer({ sharedDatabaseOf: server });
    fixtures = new Fixtures(server.services.dataSource, server.services.secretBox);
    world = await fixtures.departement();
  });
  afterAll(async () => {
    await second?.close();
    await server?.close();
  });

  it('answers extensions.cost and X-RateLimit-* headers that agree with rateLimit, from the default bucket a new client gets', async () => {
    const { token } = await createToken(['directory:read'], 'Coûts');
    const answer = await withToken(token, '{ users(first: 5) { edges { node { id } } } rateLimit { cost limit remaining restoreRate } }');
    expect(answer.status).toBe(200);
    expect(answer.errors).toBeUndefined();
    const cost = answer.extensions!.cost!;
    expect(cost.requested).toBe(answer.data!.rateLimit.cost);
    expect(cost.requested).toBeGreaterThan(5);
    expect(cost.actual).toBeGreaterThan(0);
    expect(cost.actual).toBeLessThanOrEqual(cost.requested);
    expect(cost.throttleStatus).toMatchObject({ maximumAvailable: 1000, restoreRate: 2 });
    // rateLimit reads the bucket after the charge; the answer's status after the refund of what the
    // page did not use, so it holds at least as much.
    expect(cost.throttleStatus!.currentlyAvailable).toBeGreaterThanOrEqual(answer.data!.rateLimit.remaining);
    expect(answer.data!.rateLimit.remaining).toBeLessThanOrEqual(1000 - cost.requested + 1);
    expect(answer.headers.get('x-ratelimit-limit')).toBe('1000');
    expect(answer.headers.get('x-ratelimit-remaining')).toBe(String(cost.throttleStatus!.currentlyAvailable));
    expect(Number(answer.headers.get('x-ratelimit-reset'))).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));

    // A console session says what it asked for too, without a client bucket.
    const cpd = await as(world.cpd);
    const session = await call({ cookie: cpd.cookie! }, '{ users(first: 5) { edges { node { id } } } }');
    expect(session.extensions?.cost).toMatchObject({ requested: expect.any(Number), throttleStatus: null });
    expect(session.headers.get('x-ratelimit-limit')).toBeNull();
  });

  it('prices a dry run without spending or running anything but rateLimit', async () => {
    const { token } = await createToken(['directory:read'], 'Essai à blanc');
    const query = '{ users(first: 50) { edges { node { id } } } rateLimit(dryRun: true) { cost remaining dryRun } }';
    const first = await withToken(token, query);
    expect(first.errors).toBeUndefined();
    expect(first.data!.users).toBeUndefined();
    expect(first.data!.rateLimit).toMatchObject({ dryRun: true, remaining: 1000 });
    expect(first.data!.rateLimit.cost).toBeGreaterThan(50);
    expect((await withToken(token, query)).data!.rateLimit.remaining).toBe(1000);
  });

  it('refuses with 429 and Retry-After once the bucket is spent, and recovers; the operator alone sets the bucket', async () => {
    const { token, id, cpd } = await createToken(['directory:read'], 'Petit seau');
    const byCpd = await cpd.request(SET_LIMIT, { id, input: { size: 20, refillPerSecond: 5 } });
    expect(byCpd.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const operator = await as(world.operator);
    expect(await operator.data(SET_LIMIT, { id, input: { size: 20, refillPerSecond: 5 } })).toEqual({ setApiClientRateLimit: { bucketSize: 20, bucketRefillPerSecond: 5 } });
    const invalid = await operator.request(SET_LIMIT, { id, input: { size: 0, refillPerSecond: 0 } });
    expect(invalid.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    // More than the bucket holds: no use waiting, a 400 that says so.
    const tooBig = await withToken(token, '{ users(first: 50) { edges { node { id } } } }');
    expect(tooBig.status).toBe(400);
    expect(tooBig.errors?.[0].extensions?.code).toBe('OVER_CLIENT_BUCKET');
    // A page past 100 is an error for a token, not a silently shorter page.
    const tooLong = await withToken(token, 'query ($n: Int!) { users(first: $n) { edges { node { id } } } }', { n: 101 });
    expect(tooLong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooLong.errors?.[0].message).toContain('100');

    const query = '{ users(first: 8) { edges { node { id } } } }';
    let refused: Answer | undefined;
    for (let tries = 0; tries < 20 && !refused; tries++) {
      const answer = await withToken(token, query);
      if (answer.status === 429) refused = answer;
      else expect(answer.errors).toBeUndefined();
    }
    expect(refused, 'never refused').toBeDefined();
    expect(refused!.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused!.headers.get('x-ratelimit-limit')).toBe('20');
    expect(refused!.extensions?.cost?.throttleStatus?.currentlyAvailable).toBeLessThan(refused!.extensions!.cost!.requested);

    // Points come back at 5 a second: 4 seconds later (on the buckets' clock) the bucket is full again.
    clockShiftMs += 4_000;
    const recovered = await withToken(token, query);
    expect(recovered.status).toBe(200);
    expect(recovered.errors).toBeUndefined();
  });

  it('requires a token to give first (1–100) on every paged list, nested ones included, on both transports; the console keeps its defaults', async () => {
    const { token, cpd } = await createToken(['directory:read', 'structures:read'], 'Pages explicites');
    const omitted = await withToken(token, '{ users { edges { node { id } } } }');
    expect(omitted.status).toBe(400);
    expect(omitted.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(omitted.errors?.[0].message).toContain('Query.users');
    // A nested list counts as much: the class's pupils.
    const nested = await withToken(token, 'query ($id: ID!) { schoolClass(id: $id) { pupils { id } } }', { id: world.classA1 });
    expect(nested.errors?.[0].message).toContain('SchoolClass.pupils');
    // A variable left unset is missing too; one with a default in the document is given.
    const unset = await withToken(token, 'query ($n: Int) { users(first: $n) { edges { node { id } } } }');
    expect(unset.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const defaulted = await withToken(token, 'query ($n: Int! = 3) { users(first: $n) { edges { node { id } } } }');
    expect(defaulted.errors).toBeUndefined();
    const zero = await withToken(token, '{ users(first: 0) { edges { node { id } } } }');
    expect(zero.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const given = await withToken(token, 'query ($id: ID!) { schoolClass(id: $id) { pupils(first: 10) { id } } users(first: 3) { edges { node { id } } } }', { id: world.classA1 });
    expect(given.errors).toBeUndefined();
    // The same refusal over WebSocket, the socket staying open.
    const socket = tokenSocket(server, token);
    expect((await socket.run('{ users { edges { node { id } } } }')).errors?.[0].message).toContain('Query.users');
    expect((await socket.run('{ users(first: 2) { edges { node { id } } } }')).errors).toBeUndefined();
    await socket.client.dispose();
    // An operation the token may not call says so, rather than asking for first.
    const closed = await withToken(token, '{ inbox { unreadCount } }');
    expect(closed.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // A console session still relies on the list's default.
    expect((await cpd.request('{ users { edges { node { id } } } }')).errors).toBeUndefined();
  });

  it('authenticates a socket with connection_init, answers the cost there, and closes it on both instances when revoked', async () => {
    const { token, id, cpd } = await createToken(['directory:read'], 'Temps réel');
    const here = tokenSocket(server, token);
    const there = tokenSocket(second, token);
    const answer = await here.run('{ users(first: 2) { edges { node { id } } } rateLimit { remaining } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data.users.edges).toHaveLength(2);
    expect(answer.extensions?.cost?.throttleStatus?.maximumAvailable).toBe(1000);
    expect((await there.run('{ rateLimit { cost } }')).data).toEqual({ rateLimit: { cost: 1 } });
    // Scopes apply on the socket as over HTTP.
    expect((await here.run('{ inbox { unreadCount } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    await cpd.data(REVOKE, { id });
    expect(await here.closedWith).toBe(4401);
    expect(await there.closedWith).toBe(4401);
    // A revoked token cannot open one again.
    const again = tokenSocket(server, token);
    expect(await again.closedWith).toBe(4403);
  });

  it('spends one bucket per client, whichever instance answers', async () => {
    const { token, id } = await createToken(['directory:read'], 'Deux instances');
    const operator = await as(world.operator);
    // Points come back at 0.1 a second: what the loop spends is what the bucket held.
    await operator.data(SET_LIMIT, { id, input: { size: 40, refillPerSecond: 0.1 } });
    const query = '{ users(first: 8) { edges { node { id } } } }';
    let spent = 0;
    let refused: Answer | undefined;
    for (let tries = 0; tries < 10 && !refused; tries++) {
      const answer = await withToken(token, query, {}, tries % 2 === 0 ? server : second);
      if (answer.status === 429) refused = answer;
      else spent += answer.extensions!.cost!.actual!;
    }
    expect(refused?.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    // Each instance keeping its own bucket would have let about twice as much through.
    expect(spent).toBeLessThanOrEqual(40);
    // Both instances read the same level, once each has given back what its short pages did not use.
    const remaining = '{ rateLimit(dryRun: true) { remaining } }';
    for (const instance of [server, second]) await withToken(token, remaining, {}, instance);
    const other = await withToken(token, remaining, {}, second);
    const here = await withToken(token, remaining, {}, server);
    expect(Math.abs(other.data!.rateLimit.remaining - here.data!.rateLimit.remaining)).toBeLessThanOrEqual(1);
    expect(refused!.extensions!.cost!.throttleStatus!.currentlyAvailable).toBeLessThan(refused!.extensions!.cost!.requested);

    // A burst sent at once to both instances: the last points are spent once.
    const { token: burstToken, id: burstId } = await createToken(['directory:read'], 'Rafale');
    await operator.data(SET_LIMIT, { id: burstId, input: { size: 40, refillPerSecond: 0.1 } });
    const burst = await Promise.all(Array.from({ length: 8 }, (_, n) => withToken(burstToken, query, {}, n % 2 === 0 ? server : second)));
    const granted = burst.filter((answer) => answer.status === 200);
    expect(burst.filter((answer) => answer.status === 429).length).toBeGreaterThan(0);
    expect(granted.reduce((sum, answer) => sum + answer.extensions!.cost!.actual!, 0)).toBeLessThanOrEqual(40);
  });

  it('on a socket, says RATE_LIMITED for the operation and keeps the socket open', async () => {
    const { token, id } = await createToken(['directory:read'], 'Seau du socket');
    const operator = await as(world.operator);
    // A page of 8 costs 17: two pass, the third waits for points coming back at 0.1 a second.
    await operator.data(SET_LIMIT, { id, input: { size: 40, refillPerSecond: 0.1 } });
    const socket = tokenSocket(server, token);
    let refused: { errors?: any[]; closed?: number } | undefined;
    for (let tries = 0; tries < 10 && !refused; tries++) {
      const answer = await socket.run('{ users(first: 8) { edges { node { id } } } }');
      if (answer.errors) refused = answer;
    }
    expect(refused?.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(refused?.errors?.[0].message).toMatch(/Réessayez dans \d+ seconde/);
    // Still open: the next operation gets its own answer, not a close code.
    expect((await socket.run('{ users(first: 8) { edges { node { id } } } }')).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    await socket.client.dispose();
  });

  it("closes a token's sockets when it expires or its creator is blocked", async () => {
    const expiring = await createToken(['directory:read'], 'Expire');
    const expiringSocket = tokenSocket(second, expiring.token);
    expect((await expiringSocket.run('{ rateLimit { cost } }')).errors).toBeUndefined();
    // What an expiry reached looks like (the socket's own timer covers one nobody writes).
    await server.services.dataSource.query(`UPDATE api_client SET expires_at = now() - interval '1 second' WHERE id = $1`, [expiring.id]);
    expect(await expiringSocket.closedWith).toBe(4401);

    const cpd2 = await fixtures.user({ profile: 'PERSONNEL', lastName: 'Cpd', firstName: 'Quatre', functions: [{ function: 'DEPARTEMENT_ADMIN', structureId: world.dep }] });
    const admin = await as(cpd2);
    const { createApiClient } = await admin.data(CREATE, { input: { name: 'Créateur bloqué', purpose: 'Appel', structureId: world.c1, scopes: ['directory:read'], expiresAt: inDays(30) } });
    const blockedSocket = tokenSocket(second, createApiClient.token);
    expect((await blockedSocket.run('{ rateLimit { cost } }')).errors).toBeUndefined();
    expect((await (await as(world.operator)).request('mutation ($id: ID!) { blockUser(userId: $id) { status } }', { id: cpd2.id })).errors).toBeUndefined();
    expect(await blockedSocket.closedWith).toBe(4401);
  });
});
