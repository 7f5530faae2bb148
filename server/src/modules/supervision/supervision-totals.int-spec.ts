import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { GraphQLTestClient, startTestServer, TestServer } from '../../test-support/test-server';

const FIELDS = `id name code circonscriptionId students studentsActivated relatives relativesActivated teachers teachersActivated
  personnel personnelActivated guests guestsActivated pupilsCovered pupilsWithoutGuardian relativesWithoutEmail blocked predeleted
  pendingReports oldestPendingReportAt absentFromFile renewalCodesExpired lastImportAt lastImportCreated lastImportModified lastImportLeavers
  unappliedImportAt`;
const DASHBOARD = `query ($id: ID) { supervision(structureId: $id) { circonscriptions { ${FIELDS} } ecoles { id relatives teachers } total { ${FIELDS} } } }`;
const ACTIVES = `query { supervision { activityDay total { id relatives relativesActive7 relativesActive30 teachers teachersActive7 teachersActive30 } } }`;
const PARIS_TODAY = `(now() AT TIME ZONE 'Europe/Paris')::date`;

type Row = Record<string, string | number | null>;

describe('« Tableau de bord »: totals that count a person once', () => {
  let server: TestServer;
  let d: Awaited<ReturnType<Fixtures['departement']>>;
  let f: Fixtures;
  let clients: Record<'director' | 'erun' | 'cpd', GraphQLTestClient>;
  const sql = (text: string, params: unknown[] = []) => server.database.dataSource.query(text, params);
  let people: Record<'parentAB' | 'teacherAZ' | 'parentBZ' | 'pupilAB', { id: string }>;

  beforeAll(async () => {
    server = await startTestServer();
    f = new Fixtures(server.database.dataSource, server.services.secretBox);
    d = await f.departement();
    let n = 0;
    const pending = (options: Parameters<Fixtures['user']>[0]) => f.user({ activationCode: `tot${n++}abcde`.slice(0, 8), ...options });
    // In two écoles of circonscription Nord (A, B): an activated parent without e-mail, whose
    // temporary block has run out, absent from A's file, with an expired renewal code;
    // a pupil of A and B covered by that parent. In two circonscriptions: a teacher of A and Z
    // blocked for good, a parent of B and Z waiting for activation, pre-deleted.
    const parentAB = await f.user({ profile: 'RELATIVE', schools: [d.schoolA, d.schoolB], blockedUntil: new Date(Date.now() - 3600_000) });
    const pupilAB = await pending({ profile: 'STUDENT', schools: [d.schoolA, d.schoolB] });
    const teacherAZ = await f.user({ profile: 'TEACHER', schools: [d.schoolA, d.schoolZ], blockedUntil: 'forever', email: 't@example.org' });
    const parentBZ = await pending({ profile: 'RELATIVE', schools: [d.schoolB, d.schoolZ], email: 'bz@example.org' });
    people = { parentAB, teacherAZ, parentBZ, pupilAB };
    await sql('INSERT INTO relative_link (relative_id, student_id) VALUES ($1, $2), ($3, $2)', [parentAB.id, pupilAB.id, parentBZ.id]);
    await sql('UPDATE app_user SET predeleted_at = now() WHERE id = $1', [parentBZ.id]);
    // Some of each école alone, so that the totals are not only the shared people.
    for (const school of [d.schoolA, d.schoolB, d.schoolZ]) {
      await f.user({ profile: 'RELATIVE', schools: [school], email: 'p@example.org' });
      await pending({ profile: 'STUDENT', schools: [school] });
    }
    await sql('INSERT INTO import_absence (user_id, school_id) VALUES ($1, $2)', [parentAB.id, d.schoolA]);
    await sql(`INSERT INTO renewal_code (user_id, code_hash, purpose, expires_at) VALUES ($1, 'x', 'ADMIN', now() - interval '1 day')`, [parentAB.id]);
    // A report on a post addressed to A and B (and so to their ancestors), another to Z.
    for (const schools of [[d.schoolA, d.schoolB], [d.schoolZ]]) {
      const [notification] = await sql(`INSERT INTO notification (kind, text) VALUES ('POST', 'signalé') RETURNING id`);
      await sql(
        `INSERT INTO report (notification_id, status, structure_ids, created_at)
         SELECT $1, 'PENDING', array_agg(DISTINCT sa.ancestor_id), now() - interval '2 days' FROM structure_ancestor sa WHERE sa.structure_id = ANY($2)`,
        [notification.id, schools],
      );
    }
    clients = {
      director: await server.client().signIn(d.directorA.login, FIXTURE_PASSWORD),
      erun: await server.client().signIn(d.erun1.login, FIXTURE_PASSWORD),
      cpd: await server.client().signIn(d.cpd.login, FIXTURE_PASSWORD),
    };
  });
  afterAll(async () => server?.close());

  /** A total counted here from the base tables: each person of the écoles under `ancestorId` once (COUNT(DISTINCT)). */
  async function expected(ancestorId: string): Promise<Row> {
    const [row] = await sql(
      `WITH ecoles AS (SELECT e.id FROM structure e JOIN structure_ancestor sa ON sa.structure_id = e.id WHERE sa.ancestor_id = $1 AND e.kind = 'ECOLE'),
            m AS (SELECT u.* FROM user_structure us JOIN app_user u ON u.id = us.user_id WHERE us.structure_id IN (SELECT id FROM ecoles)),
            live AS (SELECT * FROM m WHERE predeleted_at IS NULL),
            guardian AS (SELECT r.student_id, g.password_hash IS NOT NULL AS activated FROM relative_link r JOIN app_user g ON g.id = r.relative_id WHERE g.predeleted_at IS NULL),
            pending AS (SELECT DISTINCT r.id, r.created_at FROM report r, unnest(r.structure_ids) s(id) WHERE r.status = 'PENDING' AND s.id IN (SELECT id FROM ecoles))
       SELECT s.id, s.name, NULL AS code, NULL AS "circonscriptionId",
         (SELECT count(DISTINCT id) FROM live WHERE profile = 'STUDENT')::int AS students,
         (SELECT count(DISTINCT id) FROM live WHERE profile = 'STUDENT' AND password_hash IS NOT NULL)::int AS "studentsActivated",
         (SELECT count(DISTINCT id) FROM live WHERE profile = 'RELATIVE')::int AS relatives,
         (SELECT count(DISTINCT id) FROM live WHERE profile = 'RELATIVE' AND password_hash IS NOT NULL)::int AS "relativesActivated",
         (SELECT count(DISTINCT id) FROM live WHERE profile = 'TEACHER')::int AS teachers,
         (SELECT count(DISTINCT id) FROM live WHERE profile = 'TEACHER' AND password_hash IS NOT NULL)::int AS "teachersActivated",
         (SELECT count(DISTINCT id) FROM live WHERE profile = 'PERSONNEL')::int AS personnel,
         (SELECT count(DISTINCT id) FROM live WHERE profile = 'PERSONNEL' AND password_hash IS NOT NULL)::int AS "personnelActivated",
         (SELECT count(DISTINCT id) FROM live WHERE profile = 'GUEST')::int AS guests,
         (SELECT count(DISTINCT id) FROM live WHERE profile = 'GUEST' AND password_hash IS NOT NULL)::int AS "guestsActivated",
         (SELECT count(DISTINCT id) FROM live WHERE profile = 'STUDENT' AND id IN (SELECT student_id FROM guardian WHERE activated))::int AS "pupilsCovered",
         (SELECT count(DISTINCT id) FROM live WHERE profile = 'STUDENT' AND id NOT IN (SELECT student_id FROM guardian))::int AS "pupilsWithoutGuardian",
         (SELECT count(DISTINCT id) FROM live WHERE profile = 'RELATIVE' AND (email IS NULL OR email = ''))::int AS "relativesWithoutEmail",
         (SELECT count(DISTINCT id) FROM live WHERE blocked_at IS NOT NULL AND (blocked_until IS NULL OR blocked_until > now()))::int AS blocked,
         (SELECT count(DISTINCT id) FROM m WHERE predeleted_at IS NOT NULL)::int AS predeleted,
         (SELECT count(*) FROM pending)::int AS "pendingReports",
         (SELECT to_json(min(created_at)) #>> '{}' FROM pending) AS "oldestPendingReportAt",
         (SELECT count(DISTINCT a.user_id) FROM import_absence a JOIN user_structure us ON us.user_id = a.user_id AND us.structure_id = a.school_id
            JOIN app_user u ON u.id = a.user_id WHERE a.school_id IN (SELECT id FROM ecoles) AND u.predeleted_at IS NULL)::int AS "absentFromFile",
         (SELECT count(DISTINCT live.id) FROM live WHERE EXISTS (SELECT 1 FROM renewal_code r WHERE r.user_id = live.id AND r.purpose = 'ADMIN'
            AND r.used_at IS NULL AND r.revoked_at IS NULL AND r.expires_at <= now()))::int AS "renewalCodesExpired",
         NULL AS "lastImportAt", NULL AS "lastImportCreated", NULL AS "lastImportModified", NULL AS "lastImportLeavers", NULL AS "unappliedImportAt"
       FROM structure s WHERE s.id = $1`,
      [ancestorId],
    );
    if (row.oldestPendingReportAt) row.oldestPendingReportAt = new Date(row.oldestPendingReportAt).toISOString();
    return row;
  }

  it("gives an ERUN their circonscription's total, a person of two of its écoles once", async () => {
    const { supervision } = await clients.erun.data(DASHBOARD);
    expect(supervision.total).toEqual(await expected(d.c1));
    expect(supervision.circonscriptions).toEqual([supervision.total]);
    // The écoles' rows count the shared parent in each: A and B say 2 + 3 parents, the total 3
    // (the parent of A and B once; the pre-deleted parent of B and Z in neither count).
    const sum = (key: string) => supervision.ecoles.reduce((n: number, row: Row) => n + Number(row[key]), 0);
    expect([sum('relatives'), supervision.total.relatives]).toEqual([4, 3]);
    expect(supervision.total).toMatchObject({ students: 4, pupilsCovered: 1, relativesWithoutEmail: 1, blocked: 1, predeleted: 1, pendingReports: 1, absentFromFile: 1, renewalCodesExpired: 1 });
  });

  it("gives a département admin each circonscription's total and the département's, people of two circonscriptions once", async () => {
    const { supervision } = await clients.cpd.data(DASHBOARD);
    expect(supervision.total).toEqual(await expected(d.dep));
    expect(supervision.circonscriptions).toEqual([await expected(d.c1), await expected(d.c2)]);
    // The teacher of A and Z counts in each circonscription, once in the département; so do the
    // pre-deleted parent of B and Z and the reports (one per circonscription, two in all).
    const [north, south] = supervision.circonscriptions;
    expect([north.teachers, south.teachers, supervision.total.teachers]).toEqual([3, 2, 4]);
    expect([north.predeleted, south.predeleted, supervision.total.predeleted]).toEqual([1, 1, 1]);
    expect([north.blocked, south.blocked, supervision.total.blocked]).toEqual([1, 1, 1]);
    expect(supervision.total.pendingReports).toBe(2);
    // One circonscription asked for: its total, the same figures.
    const south2 = await clients.cpd.data(DASHBOARD, { id: d.c2 });
    expect(south2.supervision.total).toEqual(south);
    expect(south2.supervision.circonscriptions).toEqual([south]);
  });

  it("keeps the totals exact as people come and go: a person's last membership of a circonscription takes them out", async () => {
    const total = async (client: GraphQLTestClient) => (await client.data(DASHBOARD)).supervision.total;
    await sql('DELETE FROM user_structure WHERE user_id = $1 AND structure_id = $2', [people.teacherAZ.id, d.schoolA]);
    expect(await total(clients.erun)).toEqual(await expected(d.c1));
    expect((await total(clients.cpd)).teachers).toBe(4);
    await sql('DELETE FROM user_structure WHERE user_id = $1 AND structure_id = $2', [people.teacherAZ.id, d.schoolZ]);
    expect(await total(clients.cpd)).toEqual(await expected(d.dep));
    expect((await total(clients.cpd)).teachers).toBe(3);
    await sql('INSERT INTO user_structure (user_id, structure_id) VALUES ($1, $2), ($1, $3)', [people.teacherAZ.id, d.schoolA, d.schoolZ]);
    expect(await total(clients.cpd)).toEqual(await expected(d.dep));
    expect(await total(clients.erun)).toEqual(await expected(d.c1));
  });

  it('gives the operator each circonscription\'s total, and no total for the whole platform (no structure holds it)', async () => {
    const operator = await server.client().signIn(d.operator.login, FIXTURE_PASSWORD);
    const { supervision } = await operator.data(DASHBOARD);
    expect(supervision.total).toBeNull();
    expect(supervision.circonscriptions).toEqual([await expected(d.c1), await expected(d.c2)]);
    expect((await operator.data(DASHBOARD, { id: d.dep })).supervision.total).toEqual(await expected(d.dep));
  });

  it("does not give anyone a total outside their scope, nor a director their circonscription's", async () => {
    const director = await clients.director.data(DASHBOARD);
    expect(director.supervision.total.id).toBe(d.schoolA);
    expect(director.supervision.circonscriptions).toEqual([]);
    for (const [client, id] of [[clients.erun, d.c2], [clients.erun, d.dep], [clients.erun, d.schoolZ], [clients.director, d.c1], [clients.director, d.dep]] as const) {
      const refused = await client.request(DASHBOARD, { id });
      expect(refused.errors?.[0]?.extensions?.code, id).toBe('NOT_FOUND');
      expect(refused.data?.supervision ?? null).toBeNull();
    }
  });

  it('masks the actives of a total under 3 people active or inactive, counting each person once', async () => {
    const mask = (userId: string) =>
      sql(
        `INSERT INTO account_activity (user_id, days, last_day) VALUES ($1, 1, ${PARIS_TODAY})
         ON CONFLICT (user_id) DO UPDATE SET days = 1, last_day = EXCLUDED.last_day`,
        [userId],
      );
    // Parents of the département: 3 more of A, active with the parent of A and B; the 3 of each
    // école alone stay inactive. Teachers: all but one active (1 inactive: masked).
    const more = await Promise.all([0, 1, 2].map(() => f.user({ profile: 'RELATIVE', schools: [d.schoolA] })));
    for (const user of [...more, people.parentAB]) await mask(user.id);
    for (const user of [d.directorA, d.directorZ, people.teacherAZ]) await mask(user.id);
    const [{ today }] = await sql(`SELECT to_char(${PARIS_TODAY}, 'YYYY-MM-DD') AS today`);
    await server.services.activityRollup.rollUp('$1', [today]);

    /** Counted here: the département's people of a profile, and those active today. */
    const counted = async (profile: string) =>
      (
        await sql(
          `SELECT count(DISTINCT u.id)::int AS people, (count(DISTINCT u.id) FILTER (WHERE a.last_day = ${PARIS_TODAY}))::int AS active
             FROM user_structure us JOIN structure e ON e.id = us.structure_id AND e.kind = 'ECOLE'
             JOIN structure_ancestor sa ON sa.structure_id = e.id AND sa.ancestor_id = $1
             JOIN app_user u ON u.id = us.user_id AND u.predeleted_at IS NULL AND u.profile = $2
             LEFT JOIN account_activity a ON a.user_id = u.id`,
          [d.dep, profile],
        )
      )[0];
    const relatives = await counted('RELATIVE');
    const teachers = await counted('TEACHER');
    expect(relatives).toEqual({ people: 7, active: 4 });
    expect(teachers).toEqual({ people: 4, active: 3 });
    const { supervision } = await clients.cpd.data(ACTIVES);
    expect(supervision.activityDay).toBe(today);
    expect(supervision.total).toEqual({
      id: d.dep,
      relatives: 7,
      relativesActive7: 4,
      relativesActive30: 4,
      teachers: 4,
      teachersActive7: null,
      teachersActive30: null,
    });
    // What was rolled up for the département, unmasked (the API never shows it).
    const [raw] = await sql(`SELECT accounts, active_7 FROM supervision_activity WHERE structure_id = $1 AND profile = 'TEACHER' AND day = $2`, [d.dep, today]);
    expect(raw).toEqual({ accounts: 4, active_7: 3 });
    // The ERUN's circonscription: 6 parents, 4 active → 2 inactive, masked.
    const erun = await clients.erun.data(ACTIVES);
    expect(erun.supervision.total).toMatchObject({ id: d.c1, relatives: 6, relativesActive7: null, relativesActive30: null });
  });
});
