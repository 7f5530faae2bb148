import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../test-support/fixtures';
import { startTestServer, TestServer } from '../test-support/test-server';
import { runOnce, wsClient } from '../test-support/ws-client';

/** `schoolClass { pupils { classes { pupils … } } }`: each level multiplies the work by a class. */
function amplified(levels: number, alias = ''): string {
  let selection = '{ id }';
  for (let level = 0; level < levels; level++) selection = `{ pupils ${level === 0 ? selection : `{ classes ${selection} }`} }`;
  return `${alias}schoolClass(id: $id) ${selection}`;
}

const amplification = `query ($id: ID!) { ${amplified(4)} }`;
const aliasedAmplification = `query ($id: ID!) { ${Array.from({ length: 15 }, (_, i) => amplified(3, `a${i}: `)).join(' ')} }`;
// Fragments spreading the next one 20 times: a few hundred tokens, 20³ selections once expanded.
const fragmentChain = `{ me { ...F0 } } ${[0, 1].map((i) => `fragment F${i} on Me { ${`...F${i + 1} `.repeat(20)}}`).join(' ')} fragment F2 on Me { ${'id '.repeat(20)}}`;
const introspectionChain = `{ __schema { types { ...F } } } fragment F on __Type { fields { type { fields { type { fields { type { fields { name } } } } } } } }`;

/** Documents refused on both transports, with the code each must answer. */
const refused: { name: string; query: string; variables?: (ids: { classA1: string }) => Record<string, unknown>; code: string }[] = [
  { name: 'syntax error', query: '{ me { id }', code: 'GRAPHQL_PARSE_FAILED' },
  { name: 'unknown field', query: '{ me { id nope } }', code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'fragment cycle', query: '{ me { ...A } } fragment A on Me { id ...B } fragment B on Me { login ...A }', code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'wrong argument type', query: '{ schoolClass(id: { x: 1 }) { id } }', code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'introspection nested too deep', query: introspectionChain, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'too deep', query: `{ me ${'{ __typename classes '.repeat(11)}{ id }${' }'.repeat(11)} }`, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'too many aliases', query: `{ ${Array.from({ length: 16 }, (_, i) => `m${i}: me { id }`).join(' ')} }`, code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'nested pupils and classes', query: amplification, variables: (ids) => ({ id: ids.classA1 }), code: 'QUERY_TOO_COSTLY' },
  { name: '15 aliases of a shallower chain', query: aliasedAmplification, variables: (ids) => ({ id: ids.classA1 }), code: 'QUERY_TOO_COSTLY' },
  {
    name: 'a page size given through a variable',
    query: 'query ($n: Int!) { users(first: $n) { edges { node { classes { pupils { id } } } } } }',
    variables: () => ({ n: 200 }),
    code: 'QUERY_TOO_COSTLY',
  },
  { name: 'a chain of fragments', query: fragmentChain, code: 'QUERY_TOO_COMPLEX' },
];

describe('One pipeline for HTTP and WebSocket: parse, validation, cost, masking', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<Fixtures['departement']>>;
  let cookie: string;
  let resolverCalls = 0;

  beforeAll(async () => {
    server = await startTestServer();
    world = await new Fixtures(server.services.dataSource, server.services.secretBox).departement();
    cookie = (await server.client().signIn(world.teacherA.login, FIXTURE_PASSWORD)).cookie!;
    // Counts what the refused operations would run first: the class read and its members.
    const classes = server.services.classes;
    for (const method of ['find', 'members'] as const) {
      const original = classes[method].bind(classes) as (...args: unknown[]) => unknown;
      (classes as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        resolverCalls += 1;
        return original(...args);
      };
    }
  });
  afterAll(() => server?.close());

  it.each(refused)('refuses $name with $code on HTTP and on WebSocket, before any resolver runs', async ({ query, variables, code }) => {
    const vars = variables?.(world) ?? {};
    resolverCalls = 0;
    const browser = server.client();
    browser.cookie = cookie;
    const overHttp = await browser.request(query, vars);
    expect(overHttp.status).toBe(400);
    expect(overHttp.data ?? null).toBeNull();
    expect(overHttp.errors?.map((error) => error.extensions?.code)).toContain(code);

    const socket = wsClient(server.url, cookie);
    const overWs = await runOnce(socket, query, vars);
    await socket.dispose();
    expect(overWs.data).toBeUndefined();
    expect((overWs.errors as { extensions?: { code?: string } }[]).map((error) => error.extensions?.code)).toContain(code);
    expect(resolverCalls).toBe(0);
  });

  it('says in French, then in English, how much was asked and what is allowed', async () => {
    const browser = server.client();
    browser.cookie = cookie;
    const fr = await browser.request(amplification, { id: world.classA1 });
    expect(fr.errors?.[0]?.message).toMatch(/^La requête demande trop d'éléments à la fois \([\d\u202f]+ pour 10\u202f000 au plus\)/);
    const english = server.client('en');
    english.cookie = cookie;
    const en = await english.request(amplification, { id: world.classA1 });
    expect(en.errors?.[0]?.message).toMatch(/^The query asks for too many items at once \([\d,]+ for at most 10,000\)/);
  });

  it('still answers what the console asks: a class with its pupils and their classes', async () => {
    const query = 'query ($id: ID!) { schoolClass(id: $id) { name pupils { id classes { id name } } } }';
    const browser = server.client();
    browser.cookie = cookie;
    const overHttp = await browser.data<{ schoolClass: { pupils: { id: string; classes: { id: string }[] }[] } }>(query, { id: world.classA1 });
    expect(overHttp.schoolClass.pupils).toEqual([{ id: world.pupilA.id, classes: [{ id: world.classA1, name: 'CP A' }] }]);
    const socket = wsClient(server.url, cookie);
    // The same data, and the cost the answer carries on both transports.
    expect(await runOnce(socket, query, { id: world.classA1 })).toEqual({ data: overHttp, extensions: { cost: expect.objectContaining({ requested: expect.any(Number), throttleStatus: null }) } });
    await socket.dispose();
  });
});
