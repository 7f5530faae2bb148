import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveActor } from '../../app/context';
import { SMALL_SCOPE_STRUCTURES } from '../../platform/auth/scope';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { startTestServer, TestServer } from '../../test-support/test-server';

const SEARCH = 'query ($q: String!) { searchUsers(query: $q) { displayName classes schools } }';
const LIST = `query ($first: Int) { users(first: $first) { totalCount edges { node { displayName classes { name } relatives { displayName } schools { name } } } } }`;

/**
 * A département admin whose scope is over SMALL_SCOPE_STRUCTURES structures: the other query plans
 * (name indexes, the scope probed per row through the closure table). Nothing from another
 * département may come through, neither the accounts nor their classes, schools or parents.
 */
describe('a département-sized scope', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<Fixtures['departement']>>;

  beforeAll(async () => {
    server = await startTestServer();
    const fixtures = new Fixtures(server.services.dataSource, server.services.secretBox);
    world = await fixtures.departement();
    for (let i = 0; i <= SMALL_SCOPE_STRUCTURES; i++) await fixtures.structure('ECOLE', `École annexe ${i}`, world.c2);
    const pupil = await fixtures.user({ profile: 'STUDENT', firstName: 'Lina', lastName: 'Dupuis', schools: [world.schoolA], classes: [world.classA1] });
    // Another département: a pupil of the same name prefix, her class, and a parent who is also
    // registered in the first département's école A.
    const otherDep = await fixtures.structure('DEPARTEMENT', 'Autre département');
    const otherSchool = await fixtures.structure('ECOLE', 'École ailleurs', otherDep);
    const otherClass = await fixtures.schoolClass(otherSchool, 'CM1 ailleurs', ['CM1']);
    const outsider = await fixtures.user({ profile: 'STUDENT', firstName: 'Léon', lastName: 'Duval', schools: [otherSchool], classes: [otherClass] });
    const parentElsewhere = await fixtures.user({ profile: 'RELATIVE', firstName: 'Marc', lastName: 'Dupuis', schools: [otherSchool] });
    await server.services.dataSource.query('INSERT INTO relative_link (relative_id, student_id) VALUES ($1, $2), ($1, $3)', [parentElsewhere.id, pupil.id, outsider.id]);
    await server.services.dataSource.query('INSERT INTO class_member (class_id, user_id) VALUES ($1, $2)', [otherClass, pupil.id]);
  });
  afterAll(() => server?.close());

  it('is large, and finds only its own accounts, classes and schools', async () => {
    const cpd = await server.client().signIn(world.cpd.login, FIXTURE_PASSWORD);
    const actor = await resolveActor(server.services, cpd.cookie!.split('=')[1]);
    expect(actor!.scope.isSmall).toBe(false);
    expect(actor!.scope.smallStructureIds).toBeNull();

    const hits = (await cpd.data(SEARCH, { q: 'du' })).searchUsers;
    expect(hits).toEqual([{ displayName: 'DUPUIS Lina', classes: ['CP A'], schools: ['École A'] }]);

    const list = (await cpd.data(LIST, { first: 50 })).users;
    const names = list.edges.map((edge: { node: { displayName: string } }) => edge.node.displayName);
    expect(names).toContain('DUPUIS Lina');
    expect(names).not.toContain('DUVAL Léon');
    expect(names).not.toContain('DUPUIS Marc');
    const lina = list.edges.find((edge: { node: { displayName: string } }) => edge.node.displayName === 'DUPUIS Lina').node;
    expect(lina).toEqual({ displayName: 'DUPUIS Lina', classes: [{ name: 'CP A' }], relatives: [], schools: [{ name: 'École A' }] });
    expect(list.totalCount).toBe(names.length);

    // The operator, by contrast, sees everything.
    const operator = await server.client().signIn(world.operator.login, FIXTURE_PASSWORD);
    expect((await operator.data(SEARCH, { q: 'du' })).searchUsers.map((hit: { displayName: string }) => hit.displayName)).toEqual([
      'DUPUIS Lina',
      'DUPUIS Marc',
      'DUVAL Léon',
    ]);
  });
});
