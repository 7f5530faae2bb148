import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWellFormedApiToken } from '../../platform/auth/api-token';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { GraphQLResult, startTestServer, TestServer } from '../../test-support/test-server';

const CREATE = `mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { token client { id name scopes structureId } } }`;
const REVOKE = `mutation ($id: ID!) { revokeApiClient(id: $id) { revokedAt } }`;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('integration tokens (issue 20, items 1 and 2)', () => {
  let server: TestServer;
  let second: TestServer;
  let fixtures: Fixtures;
  let world: Awaited<ReturnType<Fixtures['departement']>>;
  const as = (account: { login: string }) => server.client().signIn(account.login, FIXTURE_PASSWORD);

  /** A GraphQL call with `Authorization: Bearer`, on the given instance. */
  async function withToken(token: string, query: string, variables: Record<string, unknown> = {}, on: TestServer = server): Promise<GraphQLResult> {
    const response = await fetch(`${on.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return { ...((await response.json()) as GraphQLResult), status: response.status };
  }

  async function createClient(creator: { login: string }, structureId: string, scopes: string[], name = 'Vie scolaire') {
    const admin = await as(creator);
    const { createApiClient } = await admin.data(CREATE, { input: { name, purpose: 'Absences et appel', structureId, scopes, expiresAt: inDays(90) } });
    return { admin, token: createApiClient.token as string, id: createApiClient.client.id as string };
  }

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

  it('creates a client whose token is shown once, recognisable, checksummed and stored hashed', async () => {
    const { token, id } = await createClient(world.cpd, world.c1, ['directory:read']);
    expect(token).toMatch(/^preau_[0-9A-Za-z]{49}$/);
    expect(isWellFormedApiToken(token)).toBe(true);
    // One character changed breaks the checksum.
    const last = token.at(-1)!;
    expect(isWellFormedApiToken(token.slice(0, -1) + (last === 'a' ? 'b' : 'a'))).toBe(false);
    const [row] = await server.services.dataSource.query('SELECT token_hash FROM api_client WHERE id = $1', [id]);
    expect(row.token_hash).not.toContain(token.slice(6, 20));
    const audit = await server.services.dataSource.query(`SELECT details FROM audit_log WHERE action = 'API_CLIENT_CREATED'`);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('refuses a creator who is not département admin or operator, an expiry past 366 days, contacts:read from a département admin, a subtree out of scope', async () => {
    const director = await as(world.directorA);
    const byDirector = await director.request(CREATE, { input: { name: 'X', purpose: 'Y', structureId: world.schoolA, scopes: ['directory:read'], expiresAt: inDays(30) } });
    expect(byDirector.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const cpd = await as(world.cpd);
    const tooLong = await cpd.request(CREATE, { input: { name: 'X', purpose: 'Y', structureId: world.c1, scopes: ['directory:read'], expiresAt: inDays(367) } });
    expect(tooLong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooLong.errors?.[0].extensions?.fields).toHaveProperty('expiresAt');
    const contacts = await cpd.request(CREATE, { input: { name: 'X', purpose: 'Y', structureId: world.c1, scopes: ['contacts:read'], expiresAt: inDays(30) } });
    expect(contacts.errors?.[0].extensions?.fields).toHaveProperty('scopes');
    const otherDep = await fixtures.structure('DEPARTEMENT', 'Autre département');
    const outside = await cpd.request(CREATE, { input: { name: 'X', purpose: 'Y', structureId: otherDep, scopes: ['directory:read'], expiresAt: inDays(30) } });
    expect(outside.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('reaches only its subtree: a user outside answers NOT_FOUND, like one that does not exist', async () => {
    const { token } = await createClient(world.cpd, world.c1, ['directory:read']);
    const inside = await withToken(token, 'query ($id: ID!) { user(id: $id) { id profile } }', { id: world.pupilA.id });
    expect(inside.data).toEqual({ user: { id: world.pupilA.id, profile: 'STUDENT' } });
    const outside = await withToken(token, 'query ($id: ID!) { user(id: $id) { id } }', { id: world.pupilZ.id });
    expect(outside.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const missing = await withToken(token, 'query ($id: ID!) { user(id: $id) { id } }', { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('pages through the structures of its subtree by first and after, at the price of a page', async () => {
    // Two more écoles under c1, so that pages of 2 end mid-list.
    await fixtures.structure('ECOLE', 'École B', world.c1);
    await fixtures.structure('ECOLE', 'École C', world.c1);
    const { token } = await createClient(world.cpd, world.c1, ['structures:read'], 'Arborescence');
    const expected: { id: string }[] = await server.services.dataSource.query(
      `SELECT s.id FROM structure s JOIN structure_ancestor a ON a.structure_id = s.id AND a.ancestor_id = $1
        ORDER BY array_position(ARRAY['DEPARTEMENT','CIRCONSCRIPTION','ECOLE']::structure_kind[], s.kind), s.name, s.id`,
      [world.c1],
    );
    expect(expected.length).toBeGreaterThan(3);
    const query = 'query ($after: ID) { structures(first: 2, after: $after) { id } }';
    const seen: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await withToken(token, query, after ? { after } : {});
      expect(page.errors).toBeUndefined();
      expect(page.extensions?.cost?.requested).toBeLessThan(10);
      const ids = (page.data!.structures as { id: string }[]).map((structure) => structure.id);
      if (ids.length === 0) break;
      seen.push(...ids);
      after = ids[ids.length - 1];
    }
    expect(seen).toEqual(expected.map((row) => row.id));
    // A cursor outside the subtree is not found, as is one that is not an id.
    const outside = await withToken(token, query, { after: world.schoolZ });
    expect(outside.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await withToken(token, query, { after: 'x' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // A token must ask for a page; the console still reads the whole tree.
    expect((await withToken(token, '{ structures { id } }')).errors?.[0].message).toContain('Query.structures');
    const cpd = await as(world.cpd);
    expect(((await cpd.data('{ structures { id } }')).structures as unknown[]).length).toBeGreaterThan(expected.length);
  });

  it('answers FORBIDDEN naming the missing scope; a read-only token cannot mutate, and closed operations stay closed', async () => {
    const { token } = await createClient(world.cpd, world.c1, ['directory:read']);
    const structures = await withToken(token, '{ structures { id } }');
    expect(structures.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(structures.errors?.[0].message).toContain('structures:read');
    const block = await withToken(token, 'mutation ($id: ID!) { blockUser(userId: $id) { status } }', { id: world.pupilA.id });
    expect(block.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(block.errors?.[0].message).toContain('accounts:block');
    const [pupil] = await server.services.dataSource.query('SELECT blocked_at FROM app_user WHERE id = $1', [world.pupilA.id]);
    expect(pupil.blocked_at).toBeNull();
    // Not open to tokens whatever the scopes: creating clients, one's own inbox.
    const create = await withToken(token, CREATE, { input: { name: 'X', purpose: 'Y', structureId: world.c1, scopes: ['directory:read'], expiresAt: inDays(30) } });
    expect(create.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const inbox = await withToken(token, '{ inbox { unreadCount } }');
    expect(inbox.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('writes within its scopes, audited with the client name', async () => {
    const pupil = await fixtures.user({ profile: 'STUDENT', schools: [world.schoolA], classes: [world.classA1] });
    const { token } = await createClient(world.cpd, world.c1, ['accounts:block'], 'Modération académique');
    const result = await withToken(token, 'mutation ($id: ID!) { blockUser(userId: $id) { status } }', { id: pupil.id });
    expect(result.data).toEqual({ blockUser: { status: 'BLOCKED' } });
    const lines = await server.services.dataSource.query(`SELECT action, actor_label, details FROM audit_log WHERE action IN ('USER_BLOCKED', 'API_WRITE') ORDER BY id`);
    expect(lines.find((line: { action: string }) => line.action === 'API_WRITE').details).toMatchObject({ client: 'Modération académique', operation: 'blockUser' });
    expect(lines.find((line: { action: string }) => line.action === 'USER_BLOCKED').actor_label).toContain('« Modération académique »');
  });

  it('shows pseudonymous ids instead of names without directory:identity:read, the names with it', async () => {
    const query = 'query ($id: ID!) { user(id: $id) { firstName lastName displayName login } }';
    const pseudo = await createClient(world.cpd, world.c1, ['directory:read'], 'Pseudonymes 1');
    const pseudo2 = await createClient(world.cpd, world.c1, ['directory:read'], 'Pseudonymes 2');
    const named = await createClient(world.cpd, world.c1, ['directory:read', 'directory:identity:read'], 'Nommé');
    const a = (await withToken(pseudo.token, query, { id: world.pupilA.id })).data!.user as Record<string, string>;
    const again = (await withToken(pseudo.token, query, { id: world.pupilA.id })).data!.user as Record<string, string>;
    const b = (await withToken(pseudo2.token, query, { id: world.pupilA.id })).data!.user as Record<string, string>;
    expect(a.firstName).toMatch(/^anon_/);
    expect(new Set(Object.values(a)).size).toBe(1);
    expect(JSON.stringify(a)).not.toMatch(/Léa|ÉLÈVE|Élève/);
    expect(again).toEqual(a);
    expect(b.firstName).not.toBe(a.firstName);
    const n = (await withToken(named.token, query, { id: world.pupilA.id })).data!.user as Record<string, string>;
    expect(n.firstName).toBe('Léa');
  });

  it('refuses forbidden fields to every token, whatever its scopes', async () => {
    const all = ['stats:read', 'structures:read', 'directory:read', 'directory:identity:read', 'contacts:read', 'reports:read', 'reports:moderate', 'classes:write', 'accounts:block', 'mailing:write', 'imports:write', 'audit:read'];
    const { token } = await createClient(world.operator, world.dep, all, 'Tout');
    for (const field of ['birthDate', 'externalId', 'activationCode', 'lastLoginAt']) {
      const result = await withToken(token, `query ($id: ID!) { user(id: $id) { id ${field} } }`, { id: world.pupilA.id });
      expect(result.errors?.[0].extensions?.code, field).toBe('FORBIDDEN');
      expect(result.errors?.[0].path, field).toEqual(['user', field]);
    }
    // The same fields answer a signed-in admin.
    const cpd = await as(world.cpd);
    expect((await cpd.request(`query ($id: ID!) { user(id: $id) { birthDate externalId } }`, { id: world.pupilA.id })).errors).toBeUndefined();
    // An adult's e-mail with contacts:read (operator-granted); a pupil's never.
    const adult = await withToken(token, 'query ($id: ID!) { user(id: $id) { email } }', { id: world.teacherA.id });
    expect(adult.errors).toBeUndefined();
    await server.services.dataSource.query(`UPDATE app_user SET email = 'lea@example.org' WHERE id = $1`, [world.pupilA.id]);
    expect((await withToken(token, 'query ($id: ID!) { user(id: $id) { email } }', { id: world.pupilA.id })).data).toEqual({ user: { email: null } });
    const noContacts = await createClient(world.cpd, world.c1, ['directory:read']);
    const refused = await withToken(noContacts.token, 'query ($id: ID!) { user(id: $id) { email } }', { id: world.teacherA.id });
    expect(refused.errors?.[0].message).toContain('contacts:read');
  });

  it('fails at once on both instances when revoked, expired, or its creator blocked or demoted', async () => {
    const probe = '{ structures(first: 10) { id } }';
    const ok = (result: GraphQLResult) => result.errors === undefined;
    const denied = (result: GraphQLResult) => result.errors?.[0].extensions?.code === 'UNAUTHENTICATED';

    // Revoked: warm both instances' caches, revoke, then both refuse at once.
    const revoked = await createClient(world.cpd, world.c1, ['structures:read'], 'Révoqué');
    expect(ok(await withToken(revoked.token, probe))).toBe(true);
    expect(ok(await withToken(revoked.token, probe, {}, second))).toBe(true);
    await revoked.admin.data(REVOKE, { id: revoked.id });
    expect(denied(await withToken(revoked.token, probe))).toBe(true);
    await expect.poll(async () => denied(await withToken(revoked.token, probe, {}, second))).toBe(true);

    // Expired (moved into the past by hand: what an expiry reached while cached looks like).
    const expired = await createClient(world.cpd, world.c1, ['structures:read'], 'Expiré');
    expect(ok(await withToken(expired.token, probe, {}, second))).toBe(true);
    await server.services.dataSource.query(`UPDATE api_client SET expires_at = now() - interval '1 second' WHERE id = $1`, [expired.id]);
    await expect.poll(async () => denied(await withToken(expired.token, probe, {}, second))).toBe(true);
    // A change written straight in SQL (no mutation to wait for its notifications): each instance
    // forgets it when its own notification arrives.
    await expect.poll(async () => denied(await withToken(expired.token, probe))).toBe(true);

    // Creator demoted, then creator blocked.
    const cpd2 = await fixtures.user({ profile: 'PERSONNEL', lastName: 'Cpd', firstName: 'Deux', functions: [{ function: 'DEPARTEMENT_ADMIN', structureId: world.dep }] });
    const demoted = await createClient(cpd2, world.c1, ['structures:read'], 'Créateur rétrogradé');
    expect(ok(await withToken(demoted.token, probe))).toBe(true);
    expect(ok(await withToken(demoted.token, probe, {}, second))).toBe(true);
    await server.services.dataSource.query(`UPDATE admin_function SET function = 'CIRCONSCRIPTION_ADMIN', structure_id = $2 WHERE user_id = $1`, [cpd2.id, world.c1]);
    await expect.poll(async () => denied(await withToken(demoted.token, probe, {}, second))).toBe(true);
    // A change written straight in SQL (no mutation to wait for its notifications): each instance
    // forgets it when its own notification arrives.
    await expect.poll(async () => denied(await withToken(demoted.token, probe))).toBe(true);

    const cpd3 = await fixtures.user({ profile: 'PERSONNEL', lastName: 'Cpd', firstName: 'Trois', functions: [{ function: 'DEPARTEMENT_ADMIN', structureId: world.dep }] });
    const blocked = await createClient(cpd3, world.c1, ['structures:read'], 'Créateur bloqué');
    expect(ok(await withToken(blocked.token, probe, {}, second))).toBe(true);
    expect((await (await as(world.operator)).request('mutation ($id: ID!) { blockUser(userId: $id) { status } }', { id: cpd3.id })).errors).toBeUndefined();
    expect(denied(await withToken(blocked.token, probe))).toBe(true);
    await expect.poll(async () => denied(await withToken(blocked.token, probe, {}, second))).toBe(true);
  });
});
