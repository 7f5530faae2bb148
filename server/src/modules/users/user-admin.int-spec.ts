import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { GraphQLTestClient, startTestServer, TestServer } from '../../test-support/test-server';

const code = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;

describe('admin console: actions on a user record', () => {
  let server: TestServer;
  let fixtures: Fixtures;
  let world: Awaited<ReturnType<Fixtures['departement']>>;
  const as = (account: { login: string }): Promise<GraphQLTestClient> => server.client().signIn(account.login, FIXTURE_PASSWORD);
  const db = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => server.services.dataSource.query(sql, params) as Promise<T[]>;
  const auditCount = async (userId: string) => (await db<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE target_user_id = $1', [userId]))[0].n;

  beforeAll(async () => {
    server = await startTestServer();
    fixtures = new Fixtures(server.services.dataSource, server.services.secretBox);
    world = await fixtures.departement();
  });
  afterAll(() => server?.close());

  describe('setLoginAlias', () => {
    const SET = 'mutation ($id: ID!, $alias: String) { setLoginAlias(userId: $id, alias: $alias) { alias } }';

    it('saves an alias one can sign in with, and refuses a bad pattern or a taken name with French field errors', async () => {
      const pupil = await fixtures.user({ profile: 'STUDENT', schools: [world.schoolA] });
      const director = await as(world.directorA);
      expect((await director.data(SET, { id: pupil.id, alias: 'lea.cp2026' })).setLoginAlias.alias).toBe('lea.cp2026');
      expect((await server.client().login('lea.cp2026', FIXTURE_PASSWORD)).data?.login.status).toBe('SIGNED_IN');
      const bad = await director.request(SET, { id: pupil.id, alias: 'Léa_CP' });
      expect(bad.errors?.[0].extensions?.fields).toEqual({
        alias: "L'identifiant personnalisé ne peut contenir que des lettres minuscules sans accent, des chiffres et des points (64 caractères au plus).",
      });
      const taken = await director.request(SET, { id: pupil.id, alias: world.teacherA.login });
      expect(taken.errors?.[0]).toMatchObject({ extensions: { code: 'ALIAS_TAKEN' }, message: `« ${world.teacherA.login} » est déjà pris par un autre compte : choisissez-en un autre.` });
      expect((await db<{ alias: string }>('SELECT alias FROM app_user WHERE id = $1', [pupil.id]))[0].alias).toBe('lea.cp2026');
      // Removing it frees the name.
      expect((await director.data(SET, { id: pupil.id, alias: '' })).setLoginAlias.alias).toBeNull();
      expect(code(await server.client().login('lea.cp2026', FIXTURE_PASSWORD))).toBe('BAD_CREDENTIALS');
    });

    it('is "not found" for a director of another school, and changes nothing', async () => {
      const result = await (await as(world.directorZ)).request(SET, { id: world.pupilA.id, alias: 'intrus' });
      expect(code(result)).toBe('NOT_FOUND');
      expect(await auditCount(world.pupilA.id)).toBe(0);
    });
  });

  describe('classes', () => {
    const ATTACH = 'mutation ($u: ID!, $c: ID!) { attachToClass(userId: $u, classId: $c) { classes { name } } }';
    const DETACH = 'mutation ($u: ID!, $c: ID!) { detachFromClass(userId: $u, classId: $c) { classes { name } } }';
    const BULK = 'mutation ($c: ID!, $ids: [ID!]!) { attachTeachersToClass(classId: $c, userIds: $ids) { teachers { lastName } } }';

    it('attaches a teacher to several classes from the record, and removes one', async () => {
      const teacher = await fixtures.user({ profile: 'TEACHER', lastName: 'Martin', schools: [world.schoolA] });
      const director = await as(world.directorA);
      await director.data(ATTACH, { u: teacher.id, c: world.classA1 });
      expect((await director.data(ATTACH, { u: teacher.id, c: world.classA2 })).attachToClass.classes).toEqual([{ name: 'CE1 A' }, { name: 'CP A' }]);
      expect((await director.data(DETACH, { u: teacher.id, c: world.classA1 })).detachFromClass.classes).toEqual([{ name: 'CE1 A' }]);
      const actions = await db<{ action: string }>('SELECT action FROM audit_log WHERE target_user_id = $1 ORDER BY id', [teacher.id]);
      expect(actions.map((a) => a.action)).toEqual(['CLASS_ATTACHED', 'CLASS_ATTACHED', 'CLASS_DETACHED']);
    });

    it('attaches several teachers at once from the class, all or nothing', async () => {
      const t1 = await fixtures.user({ profile: 'TEACHER', lastName: 'Bernard', schools: [world.schoolA] });
      const t2 = await fixtures.user({ profile: 'TEACHER', lastName: 'Petit', schools: [world.schoolA] });
      const director = await as(world.directorA);
      const refused = await director.request(BULK, { c: world.classA2, ids: [t1.id, world.directorZ.id] });
      expect(code(refused)).toBe('NOT_FOUND');
      expect((await db('SELECT 1 FROM class_member WHERE user_id = $1', [t1.id])).length).toBe(0);
      const done = (await director.data(BULK, { c: world.classA2, ids: [t1.id, t2.id] })).attachTeachersToClass.teachers;
      expect(done.map((t: { lastName: string }) => t.lastName)).toEqual(['Bernard', 'Directrice', 'Martin', 'Petit']); // Martin from the test above
    });

    it('refuses a class of another school, and a teacher who does not belong to the class\'s school', async () => {
      const director = await as(world.directorA);
      expect(code(await director.request(ATTACH, { u: world.teacherA.id, c: world.classZ1 }))).toBe('NOT_FOUND');
      const erun = await as(world.erun1);
      const elsewhere = await fixtures.user({ profile: 'TEACHER', schools: [world.schoolB] });
      const result = await erun.request(ATTACH, { u: elsewhere.id, c: world.classA1 });
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'OTHER_SCHOOL' } });
      expect(result.errors?.[0].message).toContain("n'appartient pas à l'école de la classe CP A");
    });
  });

  describe('relatives', () => {
    const ADD = 'mutation ($s: ID!, $r: ID!) { addRelative(studentId: $s, relativeId: $r) { relatives { login } } }';
    const REMOVE = 'mutation ($s: ID!, $r: ID!) { removeRelative(studentId: $s, relativeId: $r) { relatives { login } } }';

    it('adds and removes a responsable; only a parent for a pupil', async () => {
      const pupil = await fixtures.user({ profile: 'STUDENT', schools: [world.schoolA] });
      const parent = await fixtures.user({ profile: 'RELATIVE', schools: [world.schoolA] });
      const director = await as(world.directorA);
      expect((await director.data(ADD, { s: pupil.id, r: parent.id })).addRelative.relatives).toEqual([{ login: parent.login }]);
      expect((await director.data(REMOVE, { s: pupil.id, r: parent.id })).removeRelative.relatives).toEqual([]);
      expect(code(await director.request(ADD, { s: pupil.id, r: world.teacherA.id }))).toBe('WRONG_PROFILE');
      expect(code(await director.request(ADD, { s: pupil.id, r: world.pupilZ.id }))).toBe('NOT_FOUND');
    });
  });

  describe('admin functions', () => {
    const GRANT = 'mutation ($u: ID!, $f: AdminFunction!, $s: ID) { grantAdminFunction(userId: $u, function: $f, structureId: $s) { functions { function structure { name } } } }';
    const REVOKE = 'mutation ($u: ID!, $f: AdminFunction!, $s: ID) { revokeAdminFunction(userId: $u, function: $f, structureId: $s) { functions { function } } }';

    it('grants and revokes inside the actor\'s own scope', async () => {
      const teacher = await fixtures.user({ profile: 'TEACHER', schools: [world.schoolA] });
      const director = await as(world.directorA);
      expect((await director.data(GRANT, { u: teacher.id, f: 'SCHOOL_ADMIN', s: world.schoolA })).grantAdminFunction.functions).toEqual([
        { function: 'SCHOOL_ADMIN', structure: { name: 'École A' } },
      ]);
      expect((await (await server.client().signIn(teacher.login, FIXTURE_PASSWORD)).data('{ me { home } }')).me.home).toBe('SCHOOL_ADMIN');
      expect((await director.data(REVOKE, { u: teacher.id, f: 'SCHOOL_ADMIN', s: world.schoolA })).revokeAdminFunction.functions).toEqual([]);
    });

    it('never grants upward or sideways, nor the wrong kind of structure', async () => {
      const teacher = await fixtures.user({ profile: 'TEACHER', schools: [world.schoolA] });
      const director = await as(world.directorA);
      expect(code(await director.request(GRANT, { u: teacher.id, f: 'CIRCONSCRIPTION_ADMIN', s: world.c1 }))).toBe('NOT_FOUND');
      expect(code(await director.request(GRANT, { u: teacher.id, f: 'SCHOOL_ADMIN', s: world.schoolZ }))).toBe('NOT_FOUND');
      expect(code(await director.request(GRANT, { u: teacher.id, f: 'OPERATOR', s: null }))).toBe('FORBIDDEN');
      expect(code(await (await as(world.erun1)).request(GRANT, { u: teacher.id, f: 'SCHOOL_ADMIN', s: world.c1 }))).toBe('BAD_USER_INPUT');
      expect((await db('SELECT 1 FROM admin_function WHERE user_id = $1', [teacher.id])).length).toBe(0);
      expect(code(await director.request(REVOKE, { u: world.directorA.id, f: 'SCHOOL_ADMIN', s: world.schoolA }))).toBe('SELF_REVOKE');
    });
  });

  describe('pre-deletion', () => {
    const PREDELETE = 'mutation ($u: ID!) { predeleteUser(userId: $u) { status } }';
    const RESTORE = 'mutation ($u: ID!) { restoreUser(userId: $u) { status } }';

    it('refuses a feed account still listed by the feed', async () => {
      const result = await (await as(world.directorA)).request(PREDELETE, { u: world.pupilA.id });
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'FEED_ACCOUNT' } });
      expect(result.errors?.[0].message).toContain("qu'une fois que l'annuaire ne le contient plus");
    });

    it('disables at once, restores, and the purge deletes for good after the grace period', async () => {
      const gone = await fixtures.user({ profile: 'STUDENT', schools: [world.schoolA] });
      await db(`UPDATE app_user SET left_feed_at = now() WHERE id = $1`, [gone.id]);
      const session = await server.client().signIn(gone.login, FIXTURE_PASSWORD);
      const director = await as(world.directorA);
      expect((await director.data(PREDELETE, { u: gone.id })).predeleteUser.status).toBe('PREDELETED');
      expect(await session.data('{ me { id } }')).toEqual({ me: null });
      expect(code(await server.client().login(gone.login, FIXTURE_PASSWORD))).toBe('BAD_CREDENTIALS');
      const [row] = await db<{ days: number }>(`SELECT round(extract(epoch FROM delete_after - predeleted_at) / 86400)::int AS days FROM app_user WHERE id = $1`, [gone.id]);
      expect(row.days).toBe(90);
      // Hidden from the default list, shown with the « Pré-supprimé » filter.
      const list = async (predeleted: boolean) =>
        (await director.data('query ($p: Boolean) { users(filter: { predeleted: $p }) { edges { node { id } } } }', { p: predeleted })).users.edges.map((e: { node: { id: string } }) => e.node.id);
      expect(await list(false)).not.toContain(gone.id);
      expect(await list(true)).toContain(gone.id);
      expect((await director.data(RESTORE, { u: gone.id })).restoreUser.status).toBe('ACTIVE');

      await director.data(PREDELETE, { u: gone.id });
      expect(await server.services.userAdmin.purgeExpired()).toBe(0);
      await db(`UPDATE app_user SET delete_after = now() - interval '1 minute' WHERE id = $1`, [gone.id]);
      expect(await server.services.userAdmin.purgeExpired()).toBe(1);
      expect(await db('SELECT 1 FROM app_user WHERE id = $1', [gone.id])).toEqual([]);
      const log = await (await as(world.directorA)).data('query ($id: ID!) { auditLog(filter: { targetUserId: $id }) { edges { node { action actorLabel } } } }', { id: gone.id });
      expect(log.auditLog.edges.map((e: { node: { action: string } }) => e.node.action)).toEqual(['USER_DELETED', 'USER_PREDELETED', 'USER_RESTORED', 'USER_PREDELETED']);
    });
  });

  describe('createUser', () => {
    const CREATE = `mutation ($input: CreateUserInput!) { createUser(input: $input) { id login status activationCode source classes { name } } }`;

    it('creates a manual account with a generated login (collision counter) and activation code', async () => {
      const director = await as(world.directorA);
      const first = (await director.data(CREATE, { input: { profile: 'STUDENT', firstName: 'Jean-Noël', lastName: "N'Diaye", schoolId: world.schoolA, classId: world.classA1 } })).createUser;
      const second = (await director.data(CREATE, { input: { profile: 'STUDENT', firstName: 'Jean Noël', lastName: 'Ndiaye', schoolId: world.schoolA } })).createUser;
      expect(first).toMatchObject({ login: 'jeannoel.ndiaye', status: 'INACTIVE', source: 'MANUAL', classes: [{ name: 'CP A' }] });
      expect(first.activationCode).toMatch(/^[abcdefghjkmnprstvwxyz3456789]{8}$/);
      expect(second.login).toBe('jeannoel.ndiaye2');
      expect((await server.client().login('jeannoel.ndiaye', first.activationCode)).data?.login.status).toBe('ACTIVATION_REQUIRED');
    });

    it('gives two creations of the same name at once two logins (the import writer\'s per-base lock), neither failing on the unique login', async () => {
      const director = await as(world.directorA);
      const input = { profile: 'STUDENT', firstName: 'Anouk', lastName: 'Concurrente', schoolId: world.schoolA };
      // Both creations are held before they write their login name, whichever of them read the taken names.
      const holder = new pg.Client({ connectionString: server.database.url });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        await holder.query('LOCK TABLE account_name IN SHARE MODE');
        const both = Promise.all([director.request(CREATE, { input }), director.request(CREATE, { input })]);
        for (;;) {
          // Not on the holder: a transaction sees pg_stat_activity as it was at its first read.
          const [{ n }] = await db<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
          if (n >= 2) break;
          await new Promise((resolve) => setImmediate(resolve));
        }
        await holder.query('COMMIT');
        const results = await both;
        expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
        expect(results.map((r) => (r.data as { createUser: { login: string } }).createUser.login).sort()).toEqual(['anouk.concurrente', 'anouk.concurrente2']);
      } finally {
        await holder.end();
      }
    });

    it('shows all form errors at once and creates nothing; another school is not found', async () => {
      const director = await as(world.directorA);
      const before = (await db<{ n: number }>('SELECT count(*)::int AS n FROM app_user'))[0].n;
      const bad = await director.request(CREATE, { input: { profile: 'STUDENT', firstName: ' ', lastName: '', schoolId: world.schoolA, email: 'pas-une-adresse' } });
      expect(Object.keys(bad.errors?.[0].extensions?.fields as object).sort()).toEqual(['email', 'firstName', 'lastName']);
      expect(code(await director.request(CREATE, { input: { profile: 'STUDENT', firstName: 'A', lastName: 'B', schoolId: world.schoolZ } }))).toBe('NOT_FOUND');
      expect((await db<{ n: number }>('SELECT count(*)::int AS n FROM app_user'))[0].n).toBe(before);
    });
  });

  describe('auditLog', () => {
    it('is scoped: the director of another circonscription sees none of école A\'s history', async () => {
      const mine = (await (await as(world.directorA)).data('{ auditLog(first: 200) { edges { node { action targetLabel clientAddress } } } }')).auditLog.edges;
      expect(mine.length).toBeGreaterThan(5);
      expect(mine[0].node.clientAddress).toMatch(/127\.0\.0\.1/);
      const theirs = (await (await as(world.directorZ)).data('{ auditLog(first: 200) { edges { node { action } } } }')).auditLog.edges;
      expect(theirs).toEqual([]);
      const pages = await (await as(world.cpd)).data('{ auditLog(first: 3) { edges { cursor } hasNextPage endCursor } }');
      expect(pages.auditLog.hasNextPage).toBe(true);
      const next = await (await as(world.cpd)).data('query ($a: String) { auditLog(first: 3, after: $a) { edges { cursor } } }', { a: pages.auditLog.endCursor });
      expect(Number(next.auditLog.edges[0].cursor)).toBeLessThan(Number(pages.auditLog.endCursor));
    });
  });

  it('answers "not found" to every action on an account of another circonscription, and changes nothing', async () => {
    const outsider = await as(world.directorZ);
    const target = world.pupilA.id;
    const calls: [string, Record<string, unknown>][] = [
      ['mutation ($u: ID!) { setLoginAlias(userId: $u, alias: "x.y") { id } }', { u: target }],
      ['mutation ($u: ID!, $c: ID!) { attachToClass(userId: $u, classId: $c) { id } }', { u: target, c: world.classA2 }],
      ['mutation ($u: ID!, $c: ID!) { detachFromClass(userId: $u, classId: $c) { id } }', { u: target, c: world.classA1 }],
      ['mutation ($u: ID!) { removeUserPhoto(userId: $u) { id } }', { u: target }],
      ['mutation ($u: ID!) { predeleteUser(userId: $u) { id } }', { u: target }],
      ['mutation ($u: ID!) { restoreUser(userId: $u) { id } }', { u: target }],
      ['mutation ($u: ID!) { blockUser(userId: $u) { id } }', { u: target }],
      ['mutation ($u: ID!) { unblockUser(userId: $u) { id } }', { u: target }],
      ['mutation ($u: ID!) { generateRenewalCode(userId: $u) { code } }', { u: target }],
      ['mutation ($u: ID!) { grantAdminFunction(userId: $u, function: SCHOOL_ADMIN, structureId: null) { id } }', { u: target }],
      ['mutation ($u: ID!, $r: ID!) { addRelative(studentId: $u, relativeId: $r) { id } }', { u: target, r: world.pupilZ.id }],
      ['mutation ($c: ID!, $ids: [ID!]!) { attachTeachersToClass(classId: $c, userIds: $ids) { id } }', { c: world.classA1, ids: [world.directorZ.id] }],
      ['query ($u: ID!) { user(id: $u) { id } }', { u: target }],
      ['query ($c: ID!) { schoolClass(id: $c) { id } }', { c: world.classA1 }],
    ];
    const before = await db('SELECT * FROM app_user WHERE id = $1', [target]);
    for (const [query, variables] of calls) {
      expect(code(await outsider.request(query, variables)), query).toBe('NOT_FOUND');
    }
    expect(await db('SELECT * FROM app_user WHERE id = $1', [target])).toEqual(before);
    expect(await auditCount(target)).toBe(0);
  });
});
