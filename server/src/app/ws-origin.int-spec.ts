import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { FIXTURE_PASSWORD, Fixtures } from '../test-support/fixtures';
import { startTestServer, TestServer } from '../test-support/test-server';

type Outcome = { refusedWith: number } | { acknowledged: true };

/** Opens /graphql as a browser on `origin` would (session cookie attached), up to connection_ack. */
function handshake(server: TestServer, cookie: string, origin?: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', {
      headers: { cookie, ...(origin ? { origin } : {}) },
    });
    socket.on('unexpected-response', (_req, res) => {
      resolve({ refusedWith: res.statusCode ?? 0 });
      socket.terminate();
    });
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') resolve({ acknowledged: true });
      socket.close();
    });
    socket.on('close', (code) => reject(new Error(`closed with ${code} before an answer`)));
    socket.on('error', (error) => {
      if (!/Unexpected server response/.test(error.message)) reject(error);
    });
  });
}

describe('WebSocket upgrade: only the pages of Préau (and listed origins) may open it with the cookie', () => {
  let server: TestServer;
  let cookie: string;

  beforeAll(async () => {
    server = await startTestServer({
      env: { PUBLIC_URL: 'https://ent.exemple.fr/', ALLOWED_ORIGINS: 'https://appli.exemple.fr, http://localhost:4200' },
    });
    const world = await new Fixtures(server.services.dataSource, server.services.secretBox).departement();
    cookie = (await server.client().signIn(world.directorA.login, FIXTURE_PASSWORD)).cookie!;
  });
  afterAll(() => server?.close());

  it.each([
    ['a foreign site', 'https://attaquant.example', { refusedWith: 403 }],
    ['a look-alike of PUBLIC_URL', 'https://ent.exemple.fr.attaquant.example', { refusedWith: 403 }],
    ['PUBLIC_URL on another scheme', 'http://ent.exemple.fr', { refusedWith: 403 }],
    ['an opaque origin (sandboxed frame, file://)', 'null', { refusedWith: 403 }],
    ["PUBLIC_URL's origin", 'https://ent.exemple.fr', { acknowledged: true }],
    ['an origin of ALLOWED_ORIGINS', 'https://appli.exemple.fr', { acknowledged: true }],
    ['another origin of ALLOWED_ORIGINS', 'http://localhost:4200', { acknowledged: true }],
    ['no Origin at all (a program, not a browser)', undefined, { acknowledged: true }],
  ])('%s', async (_label, origin, expected) => {
    expect(await handshake(server, cookie, origin)).toEqual(expected);
  });
});
