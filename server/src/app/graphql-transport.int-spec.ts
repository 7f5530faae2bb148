import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../test-support/fixtures';
import { startTestServer, TestServer } from '../test-support/test-server';
import { runOnce, wsClient } from '../test-support/ws-client';

describe('GraphQL transport: limits and error masking on HTTP and WebSocket', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<Fixtures['departement']>>;

  beforeAll(async () => {
    server = await startTestServer();
    world = await new Fixtures(server.services.dataSource, server.services.secretBox).departement();
  });
  afterAll(() => server?.close());

  const socketAs = (cookie?: string) => wsClient(server.url, cookie);

  it('rejects a WebSocket without a session (4403) and serves one with a session', async () => {
    const anonymous = socketAs();
    expect(await runOnce(anonymous, '{ me { login } }')).toEqual({ closed: 4403 });
    await anonymous.dispose();

    const browser = await server.client().signIn(world.directorA.login, FIXTURE_PASSWORD);
    const signedIn = socketAs(browser.cookie);
    expect(await runOnce(signedIn, '{ me { login } }')).toEqual({ data: { me: { login: world.directorA.login } }, extensions: { cost: expect.objectContaining({ requested: 1 }) } });
    await signedIn.dispose();
  });

  it('applies the same depth limit on both transports without closing the socket', async () => {
    const deep = '{ me { classes { school { id } } } }'.replace('{ id }', `{ id ${'__typename '.repeat(1)}}`);
    const tooDeep = `{ me ${'{ __typename classes '.repeat(11)}{ id }${' }'.repeat(11)} }`;
    const browser = await server.client().signIn(world.directorA.login, FIXTURE_PASSWORD);
    const http = await browser.request(tooDeep);
    expect(http.status).toBe(400);
    expect(JSON.stringify(http.errors)).toContain('depth limit');

    const socket = socketAs(browser.cookie);
    const overWs = await runOnce(socket, tooDeep);
    expect(JSON.stringify(overWs.errors)).toContain('depth limit');
    // The socket survived the rejected operation.
    expect(await runOnce(socket, deep)).toMatchObject({ data: { me: { classes: expect.any(Array) } } });
    await socket.dispose();
  });

  it('refuses oversized documents through the parser token limit', async () => {
    const browser = server.client();
    const huge = `{ ${'me { id } '.repeat(1200)} }`;
    const result = await browser.request(huge);
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.errors)).toMatch(/more that 2000 tokens/);
  });

  it('answers a body that is not JSON, or too large, with a short error in the caller\'s language and the security headers', async () => {
    const post = (body: string, lang: string) =>
      fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': lang }, body });
    const broken = await post('{"query": "{ me { id } }"', 'fr');
    expect(broken.status).toBe(400);
    expect(broken.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await broken.json()).toEqual({ errors: [{ message: "Le corps de la requête n'est pas un JSON valide.", extensions: { code: 'BAD_REQUEST' } }] });

    const huge = await post(JSON.stringify({ query: `{ __typename }`, variables: { filler: 'x'.repeat(300 * 1024) } }), 'en');
    expect(huge.status).toBe(413);
    expect(await huge.json()).toEqual({ errors: [{ message: 'The request is too large (256 kB at most).', extensions: { code: 'BAD_REQUEST' } }] });

    // The server is still there, and a good request still gets its answer and the same headers.
    const good = await post(JSON.stringify({ query: '{ __typename }' }), 'fr');
    expect(good.status).toBe(200);
    expect(good.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await good.json()).toEqual({ data: { __typename: 'Query' }, extensions: { cost: { requested: 1, actual: 1, throttleStatus: null } } });
  });

  it('refuses a cross-site "simple" request (text/plain, no preflight) before running it', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('never sends a stack trace, SQL or internal message to the client', async () => {
    // Break the database for this query: the resolver fails with an internal error.
    const browser = await server.client().signIn(world.erun1.login, FIXTURE_PASSWORD);
    await server.services.dataSource.query('ALTER TABLE school_class RENAME TO school_class_hidden');
    try {
      const result = await browser.request('query ($id: ID!) { schoolClasses(structureId: $id) { id } }', { id: world.schoolA });
      expect(result.errors).toEqual([
        {
          message: 'Une erreur inattendue est survenue. Réessayez ; si elle persiste, contactez votre ERUN.',
          path: ['schoolClasses'],
          extensions: { code: 'INTERNAL' },
        },
      ]);
      expect(JSON.stringify(result)).not.toMatch(/school_class_hidden|relation|stack|at /);
    } finally {
      await server.services.dataSource.query('ALTER TABLE school_class_hidden RENAME TO school_class');
    }
  });
});
