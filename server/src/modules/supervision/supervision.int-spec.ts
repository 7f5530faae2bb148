import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { GraphQLTestClient, startTestServer, TestServer } from '../../test-support/test-server';

const FIELDS = `id name code circonscriptionId students studentsActivated relatives relativesActivated teachers teachersActivated
  personnel personnelActivated guests guestsActivated pupilsCovered pupilsWithoutGuardian relativesWithoutEmail blocked predeleted
  pendingReports oldestPendingReportAt absentFromFile renewalCodesExpired lastImportAt lastImportCreated lastImportModified lastImportLeavers
  unappliedImportAt`;
const DASHBOARD = `query ($id: ID) { supervision(structureId: $id) { updatedAt circonscriptions { ${FIELDS} } ecoles { ${FIELDS} } total { ${FIELDS} } } }`;

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
    // Imports (rows as applyImport leaves them): in A two applied then a simulation left unapplied;
    // in B a simulation only; in Z a simulation then its apply. Absent from the file: two of A
    // (one since pre-deleted), one of Z.
    const imported = async (school: string, status: string, age: string, outcome: object | null) =>
      db.query(
        `INSERT INTO import_session (creator_id, school_id, files_hash, report, status, created_at, applied_at, outcome)
         VALUES ($1, $2, 'h', '{}', $3, now() - $4::interval - interval '1 minute', CASE WHEN $3 = 'APPLIED' THEN now() - $4::interval END, $5)`,
        [d.cpd.id, school, status, age, outcome && JSON.stringify(outcome)],
      );
    await imported(d.schoolA, 'APPLIED', '10 days', { created: 9, modified: 0, transfers: 0, leavers: 0, classesCreated: 1, classesRenamed: 0, createdUserIds: [] });
    await imported(d.schoolA, 'APPLIED', '3 days', { created: 4, modified: 2, transfers: 1, leavers: 2, classesCreated: 0, classesRenamed: 0, createdUserIds: [] });
    await imported(d.schoolA, 'DRY_RUN', '1 day', null);
    await imported(d.schoolB, 'DRY_RUN', '5 days', null);
    await imported(d.schoolZ, 'DRY_RUN', '2 days', null);
    await imported(d.schoolZ, 'APPLIED', '1 day', { created: 0, modified: 0, transfers: 0, leavers: 1, classesCreated: 0, classesRenamed: 0, createdUserIds: [] });
    const leaverA = await pending({ profile: 'STUDENT', schools: [d.schoolA] });
    const leaverZ = await pending({ profile: 'RELATIVE', schools: [d.schoolZ] });
    await db.query('INSERT INTO import_absence (user_id, school_id) VALUES ($1, $2), ($3, $2), ($4, $5)', [leaverA.id, d.schoolA, pupils[4].id, leaverZ.id, d.schoolZ]);
    // Renewal codes: expired unused (counts, also for a parent of A and B), used, revoked, still
    // valid, asked by « Mot de passe oublié », and on a pre-deleted account (none of those count).
    const renewal = async (user: { id: string }, purpose: string, expires: string, state: 'used' | 'revoked' | null = null) =>
      db.query(
        `INSERT INTO renewal_code (user_id, code_hash, purpose, expires_at, used_at, revoked_at)
         VALUES ($1, 'x', $2, now() + $3::interval, CASE WHEN $4 = 'used' THEN now() - interval '1 day' END, CASE WHEN $4 = 'revoked' THEN now() END)`,
        [user.id, purpose, expires, state],
      );
    await renewal(d.teacherA, 'ADMIN', '-2 days');
    await renewal(active, 'ADMIN', '-1 hour');
    await renewal(d.pupilA, 'ADMIN', '-5 days', 'used');
    await renewal(d.directorA, 'ADMIN', '-5 days', 'revoked');
    await renewal(d.directorA, 'ADMIN', '+1 day');
    await renewal(d.directorZ, 'FORGOTTEN', '-1 day');
    await renewal(gone, 'ADMIN', '-1 day');
    await renewal(d.pupilZ, 'ADMIN', '-1 day');
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
         (SELECT to_json(min(r.created_at)) #>> '{}' FROM report r WHERE r.status = 'PENDING' AND s.id = ANY(r.structure_ids)) AS "oldestPendingReportAt",
         (SELECT count(*) FROM live JOIN import_absence a ON a.user_id = live.id WHERE a.school_id = s.id)::int AS "absentFromFile",
         (SELECT count(*) FROM live WHERE EXISTS (SELECT 1 FROM renewal_code r WHERE r.user_id = live.id AND r.purpose = 'ADMIN'
            AND r.used_at IS NULL AND r.revoked_at IS NULL AND r.expires_at <= now()))::int AS "renewalCodesExpired",
 to_json(last.applied_at) #>> '{}' AS "lastImportAt", (last.outcome->>'created')::int AS "lastImportCreated",
         (last.outcome->>'modified')::int AS "lastImportModified", (last.outcome->>'leavers')::int AS "lastImportLeavers",
         (SELECT to_json(max(i.created_at)) #>> '{}' FROM import_session i
           WHERE i.school_id = s.id AND i.status = 'DRY_RUN' AND i.created_at > COALESCE(last.applied_at, '-infinity')) AS "unappliedImportAt"
       FROM structure s
       LEFT JOIN LATERAL (SELECT i.applied_at, i.outcome FROM import_session i
                           WHERE i.school_id = s.id AND i.status = 'APPLIED' ORDER BY i.applied_at DESC LIMIT 1) last ON TRUE
      WHERE s.id = $1`,
      [schoolId],
    );
    for (const key of ['oldestPendingReportAt', 'lastImportAt', 'unappliedImportAt']) if (row[key]) row[key] = new Date(row[key]).toISOString();
    return row;
  }

  it("shows a director their école's row, each indicator equal to a count of the tables", async () => {
    const { supervision } = await clients.director.data(DASHBOARD);
    expect(supervision.ecoles).toEqual([await expected(d.schoolA)]);
    // The fixture's situation, so that the comparison above is not between two zeros.
    expect(supervision.ecoles[0]).toMatchObject({
      students: 7,
      pupilsCovered: 2,
      pupilsWithoutGuardian: 4,
      relativesWithoutEmail: 1,
      blocked: 2,
      predeleted: 2,
      pendingReports: 2,
      absentFromFile: 1,
      renewalCodesExpired: 2,
      lastImportCreated: 4,
      lastImportModified: 2,
      lastImportLeavers: 2,
    });
    expect(supervision.ecoles[0].unappliedImportAt > supervision.ecoles[0].lastImportAt).toBe(true);
    // Not their circonscription's total (its other école is not theirs); their école is their total.
    expect(supervision.circonscriptions).toEqual([]);
    expect(supervision.total).toEqual({ ...(await expected(d.schoolA)), code: null, circonscriptionId: null, lastImportAt: null, lastImportCreated: null, lastImportModified: null, lastImportLeavers: null, unappliedImportAt: null });
  });

  it("shows an ERUN their circonscription's écoles, and no other circonscription's école", async () => {
    const { supervision } = await clients.erun.data(DASHBOARD);
    expect(supervision.ecoles).toEqual([await expected(d.schoolA), await expected(d.schoolB)]);
    expect(supervision.circonscriptions).toHaveLength(1);
    // The parent of A and B counts once (2 parents, 2 expired codes; the écoles' rows say 2 + 1 each).
    expect(supervision.circonscriptions[0]).toMatchObject({ id: d.c1, students: 7, relatives: 2, guests: 1, pendingReports: 2, renewalCodesExpired: 2, lastImportAt: null });
    expect(supervision.total).toEqual(supervision.circonscriptions[0]);
    // B: a simulation, never applied; Z's simulation came before its apply.
    expect(supervision.ecoles[1]).toMatchObject({ lastImportAt: null, lastImportCreated: null });
    expect(supervision.ecoles[1].unappliedImportAt).not.toBeNull();
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
      ['Circonscription Nord', 7, 2],
      ['Circonscription Sud', 2, 1],
    ]);
    const south = await clients.cpd.data(DASHBOARD, { id: d.c2 });
    expect(south.supervision.ecoles).toEqual([await expected(d.schoolZ)]);
    expect(south.supervision.ecoles[0]).toMatchObject({ absentFromFile: 1, renewalCodesExpired: 1, lastImportLeavers: 1, unappliedImportAt: null });
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
    expect(row.absentFromFile).toBeGreaterThan(0);
    expect(row.renewalCodesExpired).toBeGreaterThan(0);
    expect(await total({ absentFromFile: true })).toBe(row.absentFromFile);
    expect(await total({ renewalCodeExpired: true })).toBe(row.renewalCodesExpired);
  });

  it('lists the absent and expired-code accounts of the scope only', async () => {
    const names = async (client: GraphQLTestClient, filter: Record<string, unknown>) =>
      (await client.data(`query ($f: UserFilter) { users(filter: $f, first: 100) { totalCount edges { node { id } } } }`, { f: filter })).users;
    const { supervision } = await clients.erun.data(DASHBOARD);
    const sum = (key: string) => supervision.ecoles.reduce((n: number, row: Row) => n + Number(row[key]), 0);
    const absent = await names(clients.erun, { absentFromFile: true });
    expect(absent.totalCount).toBe(sum('absentFromFile'));
    const expired = await names(clients.erun, { renewalCodeExpired: true });
    const ids = expired.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids).toContain(d.teacherA.id);
    expect(ids).not.toContain(d.pupilZ.id);
    expect(ids).not.toContain(d.directorZ.id);
    // The parent of A and B counts in each école, once in the list.
    expect(expired.totalCount).toBe(sum('renewalCodesExpired') - 1);
    for (const filter of [{ absentFromFile: true }, { renewalCodeExpired: true }]) {
      const refused = await clients.erun.request(`query ($f: UserFilter) { users(filter: $f, first: 1) { totalCount } }`, { f: { ...filter, structureId: d.schoolZ } });
      expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    expect((await names(clients.director, { absentFromFile: true })).totalCount).toBe(1);
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
