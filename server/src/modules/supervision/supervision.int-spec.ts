import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { GraphQLTestClient, startTestServer, TestServer } from '../../test-support/test-server';

const FIELDS = `id name code circonscriptionId students studentsActivated relatives relativesActivated teachers teachersActivated
  personnel personnelActivated guests guestsActivated pupilsCovered pupilsWithoutGuardian relativesWithoutEmail blocked predeleted
  pendingReports oldestPendingReportAt`;
const DASHBOARD = `query ($id: ID) { supervision(structureId: $id) { updatedAt circonscriptions { ${FIELDS} } ecoles { ${FIELDS} } } }`;

type Row = Record<string, string | number | null>;

describe('« Tableau de bord »: the supervision query', () => {
  let server: TestServer;
  let d: Awaited<ReturnType<Fixtures['departement']>>;
  let clients: Record<'director' | 'erun' | 'cpd' | 'teacher', GraphQLTestClient>;

  beforeAll(async () => {
    server = await startTestServer();
    const f = new Fixtures(server.database.dataSource, server.services.secretBox);
    d = await f.departement();
    const db = server.database.dataSource;
    let n = 0;
    const pending = (options: Parameters<Fixtures['user']>[0]) => f.user({ activationCode: `sup${n++}abcde`.slice(0, 8), ...options });
    // École A: pupils with 0, 1 pending, 1 activated guardian; guardians with and without e-mail; a
    // guardian in A and B; blocked (for good, for an hour, a block that has run out); pre-deleted.
    const pupils = [];
    for (let i = 0; i < 5; i++) pupils.push(await pending({ profile: 'STUDENT', schools: [d.schoolA] }));
    const active = await f.user({ profile: 'RELATIVE', schools: [d.schoolA, d.schoolB], email: 'a@example.org' });
    const waiting = await pending({ profile: 'RELATIVE', schools: [d.schoolA] });
    const gone = await f.user({ profile: 'RELATIVE', schools: [d.schoolA], email: 'g@example.org' });
    for (const [g, p] of [[active, pupils[0]], [active, pupils[1]], [waiting, pupils[1]], [waiting, pupils[2]], [gone, pupils[3]]]) {
      await db.query('INSERT INTO relative_link (relative_id, student_id) VALUES ($1, $2)', [g.id, p.id]);
    }
    await db.query(`UPDATE app_user SET predeleted_at = now() WHERE id = ANY($1)`, [[gone.id, pupils[4].id]]);
    await f.user({ profile: 'TEACHER', schools: [d.schoolA], blockedUntil: 'forever' });
    await f.user({ profile: 'STUDENT', schools: [d.schoolA], blockedUntil: new Date(Date.now() + 3600_000) });
    await f.user({ profile: 'PERSONNEL', schools: [d.schoolA], blockedUntil: new Date(Date.now() - 3600_000) });
    await pending({ profile: 'GUEST', schools: [d.schoolB] });
    await pending({ profile: 'STUDENT', schools: [d.schoolZ] });
    // Two pending reports on école A's audience, a treated one, one in Z.
    for (const [school, status, age] of [[d.schoolA, 'PENDING', '3 days'], [d.schoolA, 'PENDING', '1 hour'], [d.schoolA, 'KEPT', '5 days'], [d.schoolZ, 'PENDING', '2 days']]) {
      const [notification] = await db.query(`INSERT INTO notification (kind, text) VALUES ('POST', 'signalé') RETURNING id`);
      await db.query(
        `INSERT INTO report (notification_id, status, structure_ids, created_at)
         SELECT $1, $2, array_agg(sa.ancestor_id), now() - $4::interval FROM structure_ancestor sa WHERE sa.structure_id = $3`,
        [notification.id, status, school, age],
      );
    }
    const teacherClient = await server.client().signIn(d.teacherA.login, FIXTURE_PASSWORD);
    clients = {
      director: await server.client().signIn(d.directorA.login, FIXTURE_PASSWORD),
      erun: await server.client().signIn(d.erun1.login, FIXTURE_PASSWORD),
      cpd: await server.client().signIn(d.cpd.login, FIXTURE_PASSWORD),
      teacher: teacherClient,
    };
  });
  afterAll(async () => server?.close());

  /** Every indicator of an école counted here, straight from the tables, with the user list's definitions. */
  async function expected(schoolId: string): Promise<Row> {
    const [row] = await server.database.dataSource.query(
      `WITH m AS (SELECT u.* FROM user_structure us JOIN app_user u ON u.id = us.user_id WHERE us.structure_id = $1),
            live AS (SELECT * FROM m WHERE predeleted_at IS NULL),
            guardian AS (SELECT r.student_id, g.password_hash IS NOT NULL AS activated FROM relative_link r JOIN app_user g ON g.id = r.relative_id WHERE g.predeleted_at IS NULL)
       SELECT s.id, s.name, s.code, s.parent_id AS "circonscriptionId",
         (SELECT count(*) FROM live WHERE profile = 'STUDENT')::int AS students,
         (SELECT count(*) FROM live WHERE profile = 'STUDENT' AND password_hash IS NOT NULL)::int AS "studentsActivated",
         (SELECT count(*) FROM live WHERE profile = 'RELATIVE')::int AS relatives,
         (SELECT count(*) FROM live WHERE profile = 'RELATIVE' AND password_hash IS NOT NULL)::int AS "relativesActivated",
         (SELECT count(*) FROM live WHERE profile = 'TEACHER')::int AS teachers,
         (SELECT count(*) FROM live WHERE profile = 'TEACHER' AND password_hash IS NOT NULL)::int AS "teachersActivated",
         (SELECT count(*) FROM live WHERE profile = 'PERSONNEL')::int AS personnel,
         (SELECT count(*) FROM live WHERE profile = 'PERSONNEL' AND password_hash IS NOT NULL)::int AS "personnelActivated",
         (SELECT count(*) FROM live WHERE profile = 'GUEST')::int AS guests,
         (SELECT count(*) FROM live WHERE profile = 'GUEST' AND password_hash IS NOT NULL)::int AS "guestsActivated",
         (SELECT count(*) FROM live WHERE profile = 'STUDENT' AND id IN (SELECT student_id FROM guardian WHERE activated))::int AS "pupilsCovered",
         (SELECT count(*) FROM live WHERE profile = 'STUDENT' AND id NOT IN (SELECT student_id FROM guardian))::int AS "pupilsWithoutGuardian",
         (SELECT count(*) FROM live WHERE profile = 'RELATIVE' AND (email IS NULL OR email = ''))::int AS "relativesWithoutEmail",
         (SELECT count(*) FROM live WHERE blocked_at IS NOT NULL AND (blocked_until IS NULL OR blocked_until > now()))::int AS blocked,
         (SELECT count(*) FROM m WHERE predeleted_at IS NOT NULL)::int AS predeleted,
         (SELECT count(*) FROM report r WHERE r.status = 'PENDING' AND s.id = ANY(r.structure_ids))::int AS "pendingReports",
         (SELECT to_json(min(r.created_at)) #>> '{}' FROM report r WHERE r.status = 'PENDING' AND s.id = ANY(r.structure_ids)) AS "oldestPendingReportAt"
       FROM structure s WHERE s.id = $1`,
      [schoolId],
    );
    if (row.oldestPendingReportAt) row.oldestPendingReportAt = new Date(row.oldestPendingReportAt).toISOString();
    return row;
  }

  it("shows a director their école's row, each indicator equal to a count of the tables", async () => {
    const { supervision } = await clients.director.data(DASHBOARD);
    expect(supervision.ecoles).toEqual([await expected(d.schoolA)]);
    // The fixture's situation, so that the comparison above is not between two zeros.
    expect(supervision.ecoles[0]).toMatchObject({ students: 6, pupilsCovered: 2, pupilsWithoutGuardian: 3, relativesWithoutEmail: 1, blocked: 2, predeleted: 2, pendingReports: 2 });
    expect(supervision.circonscriptions.map((c: Row) => [c.id, c.students])).toEqual([[d.c1, 6]]);
  });

  it("shows an ERUN their circonscription's écoles, and no other circonscription's école", async () => {
    const { supervision } = await clients.erun.data(DASHBOARD);
    expect(supervision.ecoles).toEqual([await expected(d.schoolA), await expected(d.schoolB)]);
    expect(supervision.circonscriptions).toHaveLength(1);
    expect(supervision.circonscriptions[0]).toMatchObject({ id: d.c1, students: 6, relatives: 3, guests: 1, pendingReports: 2 });
    for (const id of [d.schoolZ, d.c2, d.dep, '00000000-0000-4000-8000-000000000000', 'pas-un-id']) {
      const result = await clients.erun.request(DASHBOARD, { id });
      expect(result.errors?.[0]?.extensions?.code, id).toBe('NOT_FOUND');
    }
    expect((await clients.director.request(DASHBOARD, { id: d.schoolB })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('shows a département admin every circonscription, then one circonscription or école on asking', async () => {
    const { supervision } = await clients.cpd.data(DASHBOARD);
    expect(supervision.ecoles).toEqual([await expected(d.schoolA), await expected(d.schoolB), await expected(d.schoolZ)]);
    expect(supervision.circonscriptions.map((c: Row) => [c.name, c.students, c.pendingReports])).toEqual([
      ['Circonscription Nord', 6, 2],
      ['Circonscription Sud', 2, 1],
    ]);
    const south = await clients.cpd.data(DASHBOARD, { id: d.c2 });
    expect(south.supervision.ecoles).toEqual([await expected(d.schoolZ)]);
  });

  it("equals the user list's total for each number that links to it", async () => {
    const { supervision } = await clients.erun.data(DASHBOARD, { id: d.schoolA });
    const row = supervision.ecoles[0];
    const total = async (filter: Record<string, unknown>) =>
      (await clients.erun.data(`query ($f: UserFilter) { users(filter: $f, first: 1) { totalCount } }`, { f: { structureId: d.schoolA, ...filter } })).users.totalCount;
    // The dashboard's links: per profile, accounts, activated and « non activés » (accounts − activated).
    const profiles = { STUDENT: 'students', RELATIVE: 'relatives', TEACHER: 'teachers', PERSONNEL: 'personnel', GUEST: 'guests' } as const;
    for (const [profile, accounts] of Object.entries(profiles)) {
      expect(await total({ profiles: [profile] }), profile).toBe(row[accounts]);
      expect(await total({ profiles: [profile], activated: true }), profile).toBe(row[`${accounts}Activated`]);
      expect(await total({ profiles: [profile], activated: false }), profile).toBe(row[accounts] - row[`${accounts}Activated`]);
    }
    expect(row.relatives - row.relativesActivated).toBeGreaterThan(0);
    expect(await total({ profiles: ['RELATIVE'], hasEmail: false })).toBe(row.relativesWithoutEmail);
    expect(await total({ blocked: true })).toBe(row.blocked);
    expect(await total({ predeleted: true })).toBe(row.predeleted);
    // « Familles couvertes » and « Élèves sans responsable » (the fixture has both, and a guardian
    // pre-deleted, who counts for neither).
    expect(row.pupilsCovered).toBeGreaterThan(0);
    expect(row.pupilsWithoutGuardian).toBeGreaterThan(0);
    expect(await total({ guardians: 'ACTIVATED' })).toBe(row.pupilsCovered);
    expect(await total({ guardians: 'NONE' })).toBe(row.pupilsWithoutGuardian);
  });

  it("lists the pupils of « Familles couvertes » and « Sans responsable » of the scope only, a guardian of another école counting", async () => {
    const db = server.database.dataSource;
    const f = new Fixtures(db, server.services.secretBox);
    // In école Z (another circonscription): a pupil without a guardian, and one whose only guardian
    // (activated) is in école A; in école B a pupil whose only guardian is in école Z.
    const zAlone = await f.user({ profile: 'STUDENT', schools: [d.schoolZ], activationCode: 'supz0001' });
    const zCovered = await f.user({ profile: 'STUDENT', schools: [d.schoolZ], activationCode: 'supz0002' });
    const bPupil = await f.user({ profile: 'STUDENT', schools: [d.schoolB], activationCode: 'supb0001' });
    const guardianA = await f.user({ profile: 'RELATIVE', schools: [d.schoolA] });
    const guardianZ = await f.user({ profile: 'RELATIVE', schools: [d.schoolZ] });
    await db.query('INSERT INTO relative_link (relative_id, student_id) VALUES ($1, $2), ($3, $4)', [guardianA.id, zCovered.id, guardianZ.id, bPupil.id]);
    const ids = async (client: GraphQLTestClient, filter: Record<string, unknown>) =>
      (await client.data(`query ($f: UserFilter) { users(filter: $f, first: 100) { totalCount edges { node { id profile } } } }`, { f: filter })).users;
    const erunCovered = await ids(clients.erun, { guardians: 'ACTIVATED' });
    const erunAlone = await ids(clients.erun, { guardians: 'NONE' });
    const all = [...erunCovered.edges, ...erunAlone.edges].map((e: { node: { id: string } }) => e.node.id);
    expect(all).not.toContain(zAlone.id);
    expect(all).not.toContain(zCovered.id);
    expect(erunCovered.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(bPupil.id);
    // Only pupils, though teachers and parents have no guardian either.
    expect(new Set([...erunCovered.edges, ...erunAlone.edges].map((e: { node: { profile: string } }) => e.node.profile))).toEqual(new Set(['STUDENT']));
    const { supervision } = await clients.erun.data(DASHBOARD);
    const sum = (key: string) => supervision.ecoles.reduce((n: number, row: Row) => n + Number(row[key]), 0);
    expect(erunCovered.totalCount).toBe(sum('pupilsCovered'));
    expect(erunAlone.totalCount).toBe(sum('pupilsWithoutGuardian'));
    // Another circonscription's école is not found, whatever the filter.
    const refused = await clients.erun.request(`query ($f: UserFilter) { users(filter: $f, first: 1) { totalCount } }`, { f: { structureId: d.schoolZ, guardians: 'NONE' } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // The département admin sees école Z's two, as its dashboard counts them.
    const cpdZ = await clients.cpd.data(DASHBOARD, { id: d.schoolZ });
    expect((await ids(clients.cpd, { structureId: d.schoolZ, guardians: 'NONE' })).totalCount).toBe(cpdZ.supervision.ecoles[0].pupilsWithoutGuardian);
    expect((await ids(clients.cpd, { structureId: d.schoolZ, guardians: 'ACTIVATED' })).edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([zCovered.id]);
  });

  it('is refused to a teacher without an admin function', async () => {
    const result = await clients.teacher.request(DASHBOARD);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
