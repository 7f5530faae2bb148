import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../test-support/fixtures';
import { startTestServer, TestServer } from '../test-support/test-server';
import { runOnce, wsClient } from '../test-support/ws-client';

// 15 searches of contacts, 15 × (100 + 50) = 2,250 per call, from a bucket of 10,000 refilled at
// 1,000 a second on this test server: four fit at once, the fifth does not.
const SEARCHES = `{ ${Array.from({ length: 15 }, (_, i) => `s${i}: contacts(first: 50, query: "${'abcdefghijklmno'[i]}") { id }`).join(' ')} }`;

describe('What one person may spend over time (cost budget), on HTTP and WebSocket', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<Fixtures['departement']>>;

  beforeAll(async () => {
    server = await startTestServer({ env: { GRAPHQL_COST_PER_SECOND: '1000', GRAPHQL_COST_BURST: '10000' } });
    world = await new Fixtures(server.services.dataSource, server.services.secretBox).departement();
  });
  afterAll(() => server?.close());

  it('answers a loop of heavy operations until the allowance is spent, then 429 with Retry-After, and others are unaffected', async () => {
    const teacher = await server.client().signIn(world.teacherA.login, FIXTURE_PASSWORD);
    for (let i = 0; i < 4; i++) expect((await teacher.request(SEARCHES)).errors).toBeUndefined();

    const refused = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: teacher.cookie!, 'accept-language': 'fr' },
      body: JSON.stringify({ query: SEARCHES }),
    });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await refused.json()) as { data?: unknown; errors: { message: string; extensions: { code: string } }[] };
    expect(body.data ?? null).toBeNull();
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    expect(body.errors[0]!.message).toMatch(/^Trop de demandes en peu de temps\. Réessayez dans \d+ seconde\(s\)\.$/);

    // The same person over the socket: the same bucket, the same refusal, and the socket kept:
    // what costs nothing still runs.
    const socket = wsClient(server.url, teacher.cookie);
    expect((await runOnce(socket, SEARCHES)).errors).toMatchObject([{ extensions: { code: 'RATE_LIMITED' } }]);
    expect((await runOnce(socket, '{ __typename }')).data).toEqual({ __typename: 'Query' });
    await socket.dispose();

    // Somebody else on the instance still gets their heavy answers.
    const director = await server.client().signIn(world.directorA.login, FIXTURE_PASSWORD);
    expect((await director.request(SEARCHES)).errors).toBeUndefined();
  });
});
