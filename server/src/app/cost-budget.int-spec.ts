import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../test-support/fixtures';
import { startTestServer, TestServer } from '../test-support/test-server';
import { runOnce, wsClient } from '../test-support/ws-client';

// 15 searches of contacts, 15 × (100 + 50) = 2,250 per call: more than the 1,000 a second this
// test server grants, so each comes from the burst allowance of 10,000: four fit, the fifth does not.
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

    // The same person over the socket: the same allowance, the same refusal for anything until
    // the next second's allowance, and the socket kept: it answers again once that comes back.
    const socket = wsClient(server.url, teacher.cookie);
    expect((await runOnce(socket, SEARCHES)).errors).toMatchObject([{ extensions: { code: 'RATE_LIMITED' } }]);
    expect((await runOnce(socket, '{ __typename }')).errors).toMatchObject([{ extensions: { code: 'RATE_LIMITED' } }]);
    let answer: Awaited<ReturnType<typeof runOnce>> = {};
    for (let tries = 0; tries < 60 && !answer.data; tries++) {
      answer = await runOnce(socket, '{ me { login } }');
      if (!answer.data) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(answer.data).toEqual({ me: { login: world.teacherA.login } });
    await socket.dispose();

    // Somebody else on the instance still gets their heavy answers.
    const director = await server.client().signIn(world.directorA.login, FIXTURE_PASSWORD);
    expect((await director.request(SEARCHES)).errors).toBeUndefined();
  });
});
