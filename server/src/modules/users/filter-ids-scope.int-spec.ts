import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { GraphQLTestClient, startTestServer, TestServer } from '../../test-support/test-server';

const USERS = `query ($f: UserFilter) { users(filter: $f) { edges { node { id } } } }`;
const SELECTION = `query ($f: UserFilter) { mailingSelection(filter: $f) { total } }`;
const CREATE = `mutation ($input: CreateMailingInput!) { createMailing(input: $input) { id total } }`;

/**
 * An id anywhere in a filter or a mailing's input that lies outside the caller's scope answers
 * exactly like an id that does not exist: NOT_FOUND, same message; it never tells who is in it.
 */
describe('ids in filters and mailing inputs are scoped like ids', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<Fixtures['departement']>>;
  let two: Awaited<ReturnType<Fixtures['twoEcoles']>>;
  let director: GraphQLTestClient;
  let teacher: GraphQLTestClient;
  const missing = randomUUID();

  /** The error of a request, as the client sees it. */
  async function refusal(client: GraphQLTestClient, query: string, variables: Record<string, unknown>) {
    const result = await client.request(query, variables);
    expect(result.data ?? null, JSON.stringify(variables)).toBeNull();
    const [error] = result.errors ?? [];
    return { code: error?.extensions?.code, message: error?.message };
  }

  async function csv(client: GraphQLTestClient, filter: Record<string, unknown>) {
    const response = await fetch(`${client.baseUrl}/telechargements/comptes.csv?filtre=${encodeURIComponent(JSON.stringify(filter))}`, {
      headers: { cookie: client.cookie! },
    });
    return { status: response.status, body: await response.text() };
  }

  beforeAll(async () => {
    server = await startTestServer();
    const fixtures = new Fixtures(server.services.dataSource, server.services.secretBox);
    world = await fixtures.departement();
    two = await fixtures.twoEcoles();
    director = await server.client().signIn(world.directorA.login, FIXTURE_PASSWORD);
    teacher = await server.client().signIn(world.teacherA.login, FIXTURE_PASSWORD);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('users(filter: { classIds }): another école’s class is not found, like a class that does not exist', async () => {
    const foreign = await refusal(director, USERS, { f: { classIds: [world.classZ1] } });
    expect(foreign).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
    expect(await refusal(director, USERS, { f: { classIds: [missing] } })).toEqual(foreign);
    expect(await refusal(director, USERS, { f: { classIds: [world.classA1, world.classZ1] } })).toEqual(foreign);
    expect(await refusal(director, USERS, { f: { structureId: world.schoolZ } })).toEqual(foreign);
    const own = await director.data(USERS, { f: { classIds: [world.classA1] } });
    expect(own.users.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(world.pupilA.id);
  });

  it('mailingSelection and « Exporter des comptes »: the same', async () => {
    const foreign = await refusal(director, SELECTION, { f: { classIds: [world.classZ1] } });
    expect(foreign.code).toBe('NOT_FOUND');
    expect(await refusal(director, SELECTION, { f: { classIds: [missing] } })).toEqual(foreign);
    expect((await director.data(SELECTION, { f: { classIds: [world.classA1] } })).mailingSelection.total).toBe(2);

    const foreignCsv = await csv(director, { classIds: [world.classZ1] });
    expect(foreignCsv.status).toBe(404);
    expect(await csv(director, { classIds: [missing] })).toEqual(foreignCsv);
    const ownCsv = await csv(director, { classIds: [world.classA1] });
    expect(ownCsv.status).toBe(200);
    expect(ownCsv.body).toContain(world.pupilA.login);
  });

  it('createMailing: a foreign class, école, account or taught class anywhere in the input is not found', async () => {
    const count = async () => (await server.services.dataSource.query('SELECT count(*)::int AS n FROM mailing'))[0].n;
    const before = await count();
    const foreign = await refusal(director, CREATE, { input: { kind: 'PDF', filter: { classIds: [world.classZ1] } } });
    expect(foreign.code).toBe('NOT_FOUND');
    for (const input of [
      { kind: 'PDF', filter: { classIds: [missing] } },
      { kind: 'PDF', filter: { activated: true, classIds: [world.classA1, world.classZ1] } },
      { kind: 'PDF', filter: { structureId: world.schoolZ } },
      { kind: 'PDF', filter: { structureId: missing } },
      { kind: 'PDF', userIds: [world.pupilZ.id] },
      { kind: 'PDF', userIds: [missing] },
    ]) {
      expect(await refusal(director, CREATE, { input }), JSON.stringify(input)).toEqual(foreign);
    }
    // A teacher: another class than their own, taught or filtered on, is not found either.
    for (const input of [
      { kind: 'PDF', teacherClassIds: [world.classA2] },
      { kind: 'PDF', teacherClassIds: [missing] },
      { kind: 'PDF', teacherClassIds: [world.classA1], filter: { classIds: [world.classZ1] } },
      { kind: 'PDF', teacherClassIds: [world.classA1], filter: { classIds: [missing] } },
    ]) {
      expect(await refusal(teacher, CREATE, { input }), JSON.stringify(input)).toEqual(foreign);
    }
    expect(await count()).toBe(before);

    // In scope, it still works.
    expect((await director.data(CREATE, { input: { kind: 'PDF', filter: { classIds: [world.classA1] } } })).createMailing.total).toBe(2);
    expect((await director.data(CREATE, { input: { kind: 'PDF', userIds: [world.pupilA.id] } })).createMailing.total).toBe(1);
    expect((await teacher.data(CREATE, { input: { kind: 'PDF', teacherClassIds: [world.classA1], filter: { classIds: [world.classA1] } } })).createMailing.total).toBe(1);
  });

  it('the « Classe » column search and the « Fonctions » filter look at the caller’s scope only', async () => {
    // The teacher of two écoles also teaches « CE2 Arc-en-ciel » and directs that école.
    const ferry = await server.client().signIn(two.director.login, FIXTURE_PASSWORD);
    const ids = async (filter: Record<string, unknown>) =>
      (await ferry.data(USERS, { f: filter })).users.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(await ids({ className: 'CE2' })).toEqual([]);
    expect(await ids({ className: 'CP' })).toEqual(expect.arrayContaining([two.teacher.id, two.ownChild.id]));
    expect(await ids({ functions: ['SCHOOL_ADMIN'] })).toEqual([two.director.id]);
    expect((await ferry.data(SELECTION, { f: { functions: ['SCHOOL_ADMIN'] } })).mailingSelection.total).toBe(1);
    // Their ERUN sees both.
    const erun = await server.client().signIn(two.erun.login, FIXTURE_PASSWORD);
    const erunIds = (await erun.data(USERS, { f: { functions: ['SCHOOL_ADMIN'] } })).users.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(erunIds.sort()).toEqual([two.director.id, two.teacher.id].sort());
  });
});
