import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { GraphQLTestClient, startTestServer, TestServer } from '../../test-support/test-server';

describe('directory queries are scoped on the server', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<Fixtures['departement']>>;
  const as = async (account: { login: string }): Promise<GraphQLTestClient> => server.client().signIn(account.login, FIXTURE_PASSWORD);
  const names = (rows: { name: string }[]) => rows.map((row) => row.name);

  beforeAll(async () => {
    server = await startTestServer();
    world = await new Fixtures(server.services.dataSource, server.services.secretBox).departement();
  });
  afterAll(() => server?.close());

  it('structures: each admin sees exactly their subtree', async () => {
    const query = '{ structures { name kind } }';
    expect(names((await (await as(world.directorA)).data(query)).structures)).toEqual(['École A']);
    expect(names((await (await as(world.erun1)).data(query)).structures)).toEqual(['Circonscription Nord', 'École A', 'École B']);
    expect(names((await (await as(world.erun2)).data(query)).structures)).toEqual(['Circonscription Sud', 'École Z']);
    expect(names((await (await as(world.cpd)).data(query)).structures)).toEqual([
      'Département test', 'Circonscription Nord', 'Circonscription Sud', 'École A', 'École B', 'École Z',
    ]);
    const operatorView = names((await (await as(world.operator)).data(query)).structures);
    expect(operatorView).toEqual(expect.arrayContaining(['Département test', 'École Z']));
    expect(names((await (await as(world.pupilA)).data(query)).structures)).toEqual(['École A']);
  });

  it('schoolClasses: in scope for the director and the ERUN of the circonscription', async () => {
    const query = 'query ($id: ID!) { schoolClasses(structureId: $id) { name levels school { name } } }';
    const director = await as(world.directorA);
    expect((await director.data(query, { id: world.schoolA })).schoolClasses).toEqual([
      { name: 'CE1 A', levels: ['CE1'], school: { name: 'École A' } },
      { name: 'CP A', levels: ['CP'], school: { name: 'École A' } },
    ]);
    expect(names((await (await as(world.erun1)).data(query, { id: world.schoolA })).schoolClasses)).toEqual(['CE1 A', 'CP A']);
    // École B has no class yet: in the ERUN's scope that is an empty list…
    expect((await (await as(world.erun1)).data(query, { id: world.schoolB })).schoolClasses).toEqual([]);
    // …while for the director of école A, école B is simply not there.
    expect((await director.request(query, { id: world.schoolB })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('schoolClasses: another circonscription is "not found", exactly like an unknown id', async () => {
    const query = 'query ($id: ID!) { schoolClasses(structureId: $id) { name } }';
    const outsiders = [await as(world.directorZ), await as(world.erun2)];
    for (const outsider of outsiders) {
      const result = await outsider.request(query, { id: world.schoolA });
      expect(result.data).toBeNull();
      expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    const unknown = await (await as(world.directorA)).request(query, { id: '00000000-0000-4000-8000-000000000000' });
    const malformed = await (await as(world.directorA)).request(query, { id: 'not-a-uuid' });
    for (const result of [unknown, malformed]) {
      expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(result.errors?.[0].message).toBe("Cet élément n'existe pas ou ne fait pas partie de votre périmètre.");
    }
  });

  it('schoolClasses: a teacher sees only their own classes, a pupil is refused', async () => {
    const query = 'query ($id: ID!) { schoolClasses(structureId: $id) { name } }';
    expect((await (await as(world.teacherA)).data(query, { id: world.schoolA })).schoolClasses).toEqual([{ name: 'CP A' }]);
    const pupil = await (await as(world.pupilA)).request(query, { id: world.schoolA });
    expect(pupil.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
