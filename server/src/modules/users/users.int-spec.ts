import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { GraphQLTestClient, startTestServer, TestServer } from '../../test-support/test-server';

const SEARCH = 'query ($q: String!) { searchUsers(query: $q) { displayName profile classes schools activated } }';
const LIST = `query ($filter: UserFilter, $order: UserOrder, $first: Int, $after: String) {
  users(filter: $filter, orderBy: $order, first: $first, after: $after) {
    totalCount edges { cursor node { id lastName firstName profile status } } pageInfo { hasNextPage endCursor } } }`;
const RECORD = `query ($id: ID!) { user(id: $id) {
  id login alias profile status activationCode externalId source createdAt email
  classes { name } schools { name } relatives { login } children { login } functions { function structure { name } }
  communicationRules { direction group count } } }`;

describe('admin console: search, list, record', () => {
  let server: TestServer;
  let fixtures: Fixtures;
  let world: Awaited<ReturnType<Fixtures['departement']>>;
  let names: { eloise: { id: string; login: string }; emile: { id: string; login: string }; parent: { id: string; login: string }; zoe: { id: string; login: string } };
  const as = (account: { login: string }): Promise<GraphQLTestClient> => server.client().signIn(account.login, FIXTURE_PASSWORD);

  beforeAll(async () => {
    server = await startTestServer();
    fixtures = new Fixtures(server.services.dataSource, server.services.secretBox);
    world = await fixtures.departement();
    const eloise = await fixtures.user({ profile: 'STUDENT', firstName: 'Éloïse', lastName: 'Dupré', schools: [world.schoolA], classes: [world.classA1], activationCode: 'ab3cd4ef' });
    const emile = await fixtures.user({ profile: 'STUDENT', firstName: 'Émile', lastName: 'Durand', schools: [world.schoolA], classes: [world.classA1] });
    const parent = await fixtures.user({ profile: 'RELATIVE', firstName: 'Claire', lastName: 'Dupré', schools: [world.schoolA], email: 'claire@example.org' });
    await server.services.dataSource.query('INSERT INTO relative_link (relative_id, student_id) VALUES ($1, $2)', [parent.id, eloise.id]);
    const zoe = await fixtures.user({ profile: 'STUDENT', firstName: 'Zoé', lastName: 'Dupont', schools: [world.schoolZ], classes: [world.classZ1] });
    names = { eloise, emile, parent, zoe };
  });
  afterAll(() => server?.close());

  describe('searchUsers', () => {
    it('finds by the first letters of a last or first name, accents and case ignored, within scope', async () => {
      const director = await as(world.directorA);
      const hits = (await director.data(SEARCH, { q: 'DU' })).searchUsers;
      expect(hits.map((hit: { displayName: string }) => hit.displayName)).toEqual(['DUPRÉ Claire', 'DUPRÉ Éloïse', 'DURAND Émile']);
      expect(hits[1]).toEqual({ displayName: 'DUPRÉ Éloïse', profile: 'STUDENT', classes: ['CP A'], schools: ['École A'], activated: false });
      expect((await director.data(SEARCH, { q: 'eloi' })).searchUsers.map((hit: { displayName: string }) => hit.displayName)).toEqual(['DUPRÉ Éloïse']);
      expect((await director.data(SEARCH, { q: 'Émi' })).searchUsers).toHaveLength(1);
    });

    it('finds a first and a last name typed together, in any order, in every scope', async () => {
      const names = async (account: { login: string }, q: string) =>
        (await (await as(account)).data(SEARCH, { q })).searchUsers.map((hit: { displayName: string }) => hit.displayName);
      expect(await names(world.directorA, 'claire du')).toEqual(['DUPRÉ Claire']);
      expect(await names(world.directorA, 'DU  él')).toEqual(['DUPRÉ Éloïse']);
      expect(await names(world.directorA, 'Éloi dupr')).toEqual(['DUPRÉ Éloïse']);
      expect(await names(world.directorA, 'emile dupre')).toEqual([]);
      // Another école's pupil stays out of reach, whatever the order of the words.
      expect(await names(world.directorA, 'zoe du')).toEqual([]);
      expect(await names(world.directorZ, 'zoe du')).toEqual(['DUPONT Zoé']);
      // A large scope walks the accounts' own name indexes (byNameIndex), a small one the memberships.
      expect(await names(world.cpd, 'dup zo')).toEqual(['DUPONT Zoé']);
      expect(await names(world.operator, 'claire dupre')).toEqual(['DUPRÉ Claire']);
    });

    it('puts last-name matches before first-name matches', async () => {
      const other = await fixtures.user({ profile: 'TEACHER', firstName: 'Durandal', lastName: 'Abel', schools: [world.schoolA] });
      const hits = (await (await as(world.directorA)).data(SEARCH, { q: 'dur' })).searchUsers;
      expect(hits.map((hit: { displayName: string }) => hit.displayName)).toEqual(['DURAND Émile', 'ABEL Durandal']);
      await server.services.dataSource.query('DELETE FROM app_user WHERE id = $1', [other.id]);
    });

    it('never shows accounts outside the scope; the département admin and the operator see both', async () => {
      expect((await (await as(world.directorZ)).data(SEARCH, { q: 'du' })).searchUsers.map((h: { displayName: string }) => h.displayName)).toEqual(['DUPONT Zoé']);
      expect((await (await as(world.erun2)).data(SEARCH, { q: 'dupr' })).searchUsers).toEqual([]);
      expect((await (await as(world.cpd)).data(SEARCH, { q: 'du' })).searchUsers).toHaveLength(4);
      expect((await (await as(world.operator)).data(SEARCH, { q: 'du' })).searchUsers).toHaveLength(4);
    });

    it('follows renames, pre-deletion and restoration, and lists an account of two écoles once (ERUN)', async () => {
      const names = async (account: { login: string }, q: string) =>
        (await (await as(account)).data(SEARCH, { q })).searchUsers.map((hit: { displayName: string }) => hit.displayName);
      const moving = await fixtures.user({ profile: 'TEACHER', firstName: 'Quentin', lastName: 'Quillet', schools: [world.schoolA, world.schoolB] });
      expect(await names(world.erun1, 'quil')).toEqual(['QUILLET Quentin']);
      expect(await names(world.directorA, 'quil')).toEqual(['QUILLET Quentin']);
      // The keys copied onto the memberships follow the account (trigger), whatever wrote it.
      await server.services.dataSource.query(`UPDATE app_user SET last_name = 'Quaresma', search_last = 'quaresma' WHERE id = $1`, [moving.id]);
      expect(await names(world.directorA, 'quil')).toEqual([]);
      expect(await names(world.erun1, 'quar')).toEqual(['QUARESMA Quentin']);
      await server.services.dataSource.query('UPDATE app_user SET predeleted_at = now() WHERE id = $1', [moving.id]);
      expect(await names(world.erun1, 'quar')).toEqual([]);
      await server.services.dataSource.query('UPDATE app_user SET predeleted_at = NULL WHERE id = $1', [moving.id]);
      expect(await names(world.directorA, 'quen')).toEqual(['QUARESMA Quentin']);
      await server.services.dataSource.query('DELETE FROM app_user WHERE id = $1', [moving.id]);
    });

    it('is for admins only', async () => {
      expect((await (await as(world.teacherA)).request(SEARCH, { q: 'du' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('users', () => {
    it('filters by profile and activation, counts, and pages by keyset without gaps or repeats', async () => {
      const director = await as(world.directorA);
      const pupils = (await director.data(LIST, { filter: { profiles: ['STUDENT'] }, first: 2 })).users;
      expect(pupils.totalCount).toBe(3);
      expect(pupils.edges.map((e: { node: { lastName: string } }) => e.node.lastName)).toEqual(['Dupré', 'Durand']);
      expect(pupils.pageInfo.hasNextPage).toBe(true);
      const next = (await director.data(LIST, { filter: { profiles: ['STUDENT'] }, first: 2, after: pupils.pageInfo.endCursor })).users;
      expect(next.edges.map((e: { node: { lastName: string } }) => e.node.lastName)).toEqual(['Élève']);
      expect(next.pageInfo.hasNextPage).toBe(false);
      const inactive = (await director.data(LIST, { filter: { activated: false } })).users;
      expect(inactive.edges.map((e: { node: { firstName: string; status: string } }) => [e.node.firstName, e.node.status])).toEqual([['Éloïse', 'INACTIVE']]);
    });

    it('supports column search, the class filter, e-mail filter and the four sorts', async () => {
      const director = await as(world.directorA);
      const byName = async (filter: object) => (await director.data(LIST, { filter })).users.edges.map((e: { node: { firstName: string } }) => e.node.firstName);
      expect(await byName({ lastName: 'dupr', firstName: 'elo' })).toEqual(['Éloïse']);
      expect(await byName({ classIds: [world.classA2] })).toEqual(['Anne']);
      expect(await byName({ hasEmail: true })).toEqual(['Claire']);
      expect(await byName({ className: 'ce1' })).toEqual(['Anne']);
      const created = (await director.data(LIST, { order: 'CREATED_AT', first: 1 })).users.edges[0].node.firstName;
      expect(created).toBe('Claire'); // the last account created in école A
      const byProfile = (await director.data(LIST, { order: 'PROFILE' })).users.edges.map((e: { node: { profile: string } }) => e.node.profile);
      expect(byProfile).toEqual([...byProfile].sort((a, b) => ['STUDENT', 'RELATIVE', 'TEACHER', 'PERSONNEL', 'GUEST'].indexOf(a) - ['STUDENT', 'RELATIVE', 'TEACHER', 'PERSONNEL', 'GUEST'].indexOf(b)));
      const byClass = (await director.data(LIST, { order: 'CLASS' })).users.edges.map((e: { node: { firstName: string } }) => e.node.firstName);
      expect(byClass.slice(0, 1)).toEqual(['Anne']); // « CE1 A » sorts before « CP A »; no class last
      expect(byClass.at(-1)).toBe('Claire');
    });

    it('counts and lists only the scope: another circonscription sees none of école A', async () => {
      const total = async (account: { login: string }, filter = {}) => (await (await as(account)).data(LIST, { filter })).users.totalCount;
      expect(await total(world.directorZ)).toBe(3); // director Z, pupil Z, Zoé
      expect(await total(world.erun2, { lastName: 'dupr' })).toBe(0);
      const outside = await (await as(world.directorZ)).request(LIST, { filter: { structureId: world.schoolA } });
      expect(outside.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(await total(world.erun1, { lastName: 'dupr' })).toBe(2);
    });

    it('rejects a cursor from another sort with a clear message', async () => {
      const director = await as(world.directorA);
      const cursor = (await director.data(LIST, { first: 1 })).users.pageInfo.endCursor;
      const result = await director.request(LIST, { order: 'CREATED_AT', after: cursor });
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: 'Cette page de résultats a expiré : relancez la recherche.' });
    });
  });

  describe('user (the record)', () => {
    it('shows every field and section to the director', async () => {
      const record = (await (await as(world.directorA)).data(RECORD, { id: names.eloise.id })).user;
      expect(record).toMatchObject({
        login: names.eloise.login,
        alias: null,
        profile: 'STUDENT',
        status: 'INACTIVE',
        activationCode: 'ab3cd4ef',
        source: 'AAF1D',
        classes: [{ name: 'CP A' }],
        schools: [{ name: 'École A' }],
        relatives: [{ login: names.parent.login }],
        children: [],
        functions: [],
      });
      expect(new Date(record.createdAt).getTime()).toBeLessThanOrEqual(Date.now());
      expect(record.communicationRules).toEqual(
        expect.arrayContaining([
          { direction: 'CAN_MESSAGE', group: 'Les enseignants de ses classes', count: 1 },
          { direction: 'CAN_BE_MESSAGED_BY', group: 'Les enseignants de ses classes', count: 1 },
        ]),
      );
      const parent = (await (await as(world.directorA)).data(RECORD, { id: names.parent.id })).user;
      expect(parent.children).toEqual([{ login: names.eloise.login }]);
      expect(parent.email).toBe('claire@example.org');
    });

    it('is "not found" outside the scope, like an unknown id', async () => {
      for (const outsider of [world.directorZ, world.erun2]) {
        const result = await (await as(outsider)).request(RECORD, { id: names.eloise.id });
        expect(result.data).toBeNull();
        expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      }
      expect((await (await as(world.directorA)).request(RECORD, { id: names.zoe.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });

    it('lets a teacher open their own pupils only, and never shows a colleague\'s record through a class', async () => {
      const teacher = await as(world.teacherA);
      const TEACHER_RECORD = 'query ($id: ID!) { user(id: $id) { login activationCode classes { name } } }';
      expect((await teacher.data(TEACHER_RECORD, { id: names.emile.id })).user).toEqual({ login: names.emile.login, activationCode: null, classes: [{ name: 'CP A' }] });
      expect((await teacher.data(TEACHER_RECORD, { id: names.eloise.id })).user.activationCode).toBe('ab3cd4ef');
      expect((await teacher.request(TEACHER_RECORD, { id: names.parent.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      // Admin-only sections are refused outright to a teacher.
      expect((await teacher.request(RECORD, { id: names.emile.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      // The director teaches CE1 A; as seen by the teacher of CP A through no class: nothing.
      const colleagues = await (await as(world.directorA)).data(
        `query ($id: ID!) { schoolClass(id: $id) { teachers { login email activationCode classes { name } } } }`,
        { id: world.classA2 },
      );
      expect(colleagues.schoolClass.teachers[0].login).toBe(world.directorA.login);
      await server.services.dataSource.query('INSERT INTO class_member (class_id, user_id) VALUES ($1, $2)', [world.classA1, world.directorA.id]);
      const seenByTeacher = await teacher.data(`query ($id: ID!) { schoolClass(id: $id) { teachers { login email activationCode classes { name } } } }`, { id: world.classA1 });
      const director = seenByTeacher.schoolClass.teachers.find((t: { login: string }) => t.login === world.directorA.login);
      expect(director).toEqual({ login: world.directorA.login, email: null, activationCode: null, classes: [] });
      await server.services.dataSource.query('DELETE FROM class_member WHERE class_id = $1 AND user_id = $2', [world.classA1, world.directorA.id]);
    });

    it('does not leak a parent from another circonscription through « Responsable(s) »', async () => {
      const farParent = await fixtures.user({ profile: 'RELATIVE', lastName: 'Lointain', schools: [world.schoolZ] });
      await server.services.dataSource.query('INSERT INTO relative_link (relative_id, student_id) VALUES ($1, $2)', [farParent.id, names.emile.id]);
      const record = (await (await as(world.directorA)).data(RECORD, { id: names.emile.id })).user;
      expect(record.relatives).toEqual([]);
      const asZ = (await (await as(world.directorZ)).data(RECORD, { id: farParent.id })).user;
      expect(asZ.children).toEqual([]);
    });
  });
});
