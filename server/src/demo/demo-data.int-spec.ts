import { randomBytes } from 'node:crypto';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entities } from '../app/entities';
import { migrations } from '../migrations';
import { hashPassword, verifyPassword } from '../platform/auth/password-hasher';
import { looksLikeCode } from '../platform/crypto/codes';
import { SecretBox } from '../platform/crypto/secret-box';
import { createDataSource } from '../platform/database/data-source';
import { startTestServer, TestServer } from '../test-support/test-server';
import { cloneTestDatabase } from '../test-support/test-database';
import { copyLine, pgArrayLiteral } from './copy-format';
import { demoAccounts, DemoAccounts } from './demo-accounts';
import { DemoChunk, generateDemoDirectory } from './demo-generator';
import { DEMO_PASSWORD, DemoLoadSummary, loadDemoData } from './demo-loader';

const TABLES = ['structure', 'school_class', 'app_user', 'account_name', 'user_structure', 'class_member', 'relative_link', 'admin_function'];

async function counts(dataSource: DataSource): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of TABLES) result[table] = Number((await dataSource.query(`SELECT count(*) AS n FROM "${table}"`))[0].n);
  return result;
}

describe('loadDemoData into PostgreSQL', () => {
  let database: { url: string; drop: () => Promise<void> };
  let dataSource: DataSource;
  let summary: DemoLoadSummary | false;
  let passwordHash: string;
  let accounts: DemoAccounts;
  const secretBox = new SecretBox(randomBytes(32));

  beforeAll(async () => {
    database = await cloneTestDatabase();
    dataSource = createDataSource({ url: database.url, entities, migrations, poolSize: 2 });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    passwordHash = await hashPassword(DEMO_PASSWORD);
    summary = await loadDemoData(dataSource, secretBox, { passwordHash });
    accounts = await demoAccounts(dataSource, secretBox);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('should write exactly the generated rows', async () => {
    expect(summary).not.toBe(false);
    const expected: Record<string, number> = Object.fromEntries(TABLES.map((t) => [t, 0]));
    for (const chunk of generateDemoDirectory()) {
      expected.structure += chunk.structures.length;
      expected.school_class += chunk.schoolClasses.length;
      expected.app_user += chunk.users.length;
      expected.account_name += chunk.accountNames.length;
      expected.user_structure += chunk.userStructures.length;
      expected.class_member += chunk.classMembers.length;
      expected.relative_link += chunk.relativeLinks.length;
      expected.admin_function += chunk.adminFunctions.length;
    }
    expect(await counts(dataSource)).toEqual(expected);
    expect((summary as DemoLoadSummary).rows).toEqual(expected);
    expect(expected.app_user).toBeGreaterThan(2000);
    const [state] = await dataSource.query(
      `SELECT count(*) FILTER (WHERE password_hash IS NOT NULL AND activation_code_secret IS NULL AND activated_at IS NOT NULL)::int AS active,
              count(*) FILTER (WHERE password_hash IS NULL AND activation_code_secret IS NOT NULL AND activated_at IS NULL)::int AS inactive,
              count(DISTINCT password_hash)::int AS hashes
         FROM app_user`,
    );
    expect(state.active + state.inactive).toBe(expected.app_user);
    expect(state.active).toBe((summary as DemoLoadSummary).activated);
    expect(state.hashes).toBe(1);
  });

  it('should store names, levels and dates as generated', async () => {
    const generated = (generateDemoDirectory().next().value as DemoChunk).users.slice(0, 50);
    const rows = await dataSource.query(
      `SELECT login, first_name, last_name, search_last, birth_date::text AS birth_date, created_at FROM app_user WHERE login = ANY($1)`,
      [generated.map((u) => u.login)],
    );
    const byLogin = new Map(rows.map((r: { login: string }) => [r.login, r]));
    for (const user of generated) {
      expect(byLogin.get(user.login)).toMatchObject({ first_name: user.firstName, last_name: user.lastName, search_last: user.searchLast, birth_date: user.birthDate });
      expect((byLogin.get(user.login) as { created_at: Date }).created_at.toISOString()).toBe(user.createdAt);
    }
    const [{ levels }] = await dataSource.query(`SELECT levels FROM school_class WHERE array_length(levels, 1) = 2 LIMIT 1`);
    expect(levels).toHaveLength(2);
    const [accents] = await dataSource.query(`SELECT count(*)::int AS n FROM app_user WHERE last_name LIKE '%''%' OR first_name ~ '[éèëï]'`);
    expect(accents.n).toBeGreaterThan(0);
  });

  it('should refuse a second load and leave the data alone', async () => {
    const before = await counts(dataSource);
    expect(await loadDemoData(dataSource, secretBox, { passwordHash, seed: 99 })).toBe(false);
    expect(await counts(dataSource)).toEqual(before);
  });

  it('should find one account per role with working credentials', async () => {
    expect(accounts.accounts.map((a) => a.role)).toEqual([
      'OPERATOR', 'DEPARTEMENT_ADMIN', 'CIRCONSCRIPTION_ADMIN', 'SCHOOL_ADMIN', 'TEACHER', 'STUDENT', 'RELATIVE', 'RELATIVE_NOT_ACTIVATED',
    ]);
    for (const account of accounts.accounts) {
      expect(account.label).toBeTruthy();
      expect(account.login).toMatch(/^[a-z0-9]+\.[a-z0-9]+$/);
      expect(account.displayName).toMatch(/^[\p{Lu}' -]+ \p{L}/u);
      if (account.role === 'RELATIVE_NOT_ACTIVATED') {
        expect(account.password).toBeNull();
        expect(looksLikeCode(account.activationCode!)).toBe(true);
      } else {
        expect(account.password).toBe(DEMO_PASSWORD);
        expect(account.activationCode).toBeNull();
      }
    }
    const director = accounts.byRole.SCHOOL_ADMIN;
    const [stored] = await dataSource.query('SELECT password_hash FROM app_user WHERE login = $1', [director.login]);
    expect(await verifyPassword(stored.password_hash, DEMO_PASSWORD)).toBe(true);
    // The activation code is the generated one, decrypted.
    const generated = [...generateDemoDirectory()].flatMap((c) => c.users).find((u) => u.login === accounts.byRole.RELATIVE_NOT_ACTIVATED.login)!;
    expect(accounts.byRole.RELATIVE_NOT_ACTIVATED.activationCode).toBe(generated.activationCode);
    // Same data, same accounts.
    expect((await demoAccounts(dataSource, secretBox)).accounts).toEqual(accounts.accounts);
  });

  it('should tie the role accounts together: director → teacher → pupil → parents, another circonscription', async () => {
    const { byRole, otherDirector } = accounts;
    const school = byRole.SCHOOL_ADMIN.school!;
    for (const role of ['TEACHER', 'STUDENT', 'RELATIVE', 'RELATIVE_NOT_ACTIVATED'] as const) expect(byRole[role].school).toBe(school);
    const [link] = await dataSource.query(
      `SELECT count(*)::int AS n FROM class_member t JOIN class_member p ON p.class_id = t.class_id WHERE t.user_id = $1 AND p.user_id = $2`,
      [byRole.TEACHER.userId, byRole.STUDENT.userId],
    );
    expect(link.n).toBe(1);
    const [circos] = await dataSource.query(
      `SELECT (SELECT e.parent_id FROM admin_function f JOIN structure e ON e.id = f.structure_id WHERE f.user_id = $1 AND f.function = 'SCHOOL_ADMIN' LIMIT 1) AS first,
              (SELECT e.parent_id FROM admin_function f JOIN structure e ON e.id = f.structure_id WHERE f.user_id = $2 AND f.function = 'SCHOOL_ADMIN' LIMIT 1) AS other,
              (SELECT structure_id FROM admin_function WHERE user_id = $3 AND function = 'CIRCONSCRIPTION_ADMIN') AS erun`,
      [byRole.SCHOOL_ADMIN.userId, otherDirector.userId, byRole.CIRCONSCRIPTION_ADMIN.userId],
    );
    expect(circos.first).toBe(circos.erun);
    expect(circos.other).not.toBe(circos.first);
    expect(otherDirector.login).not.toBe(byRole.SCHOOL_ADMIN.login);
    const [teacherFunctions] = await dataSource.query('SELECT count(*)::int AS n FROM admin_function WHERE user_id = $1', [byRole.TEACHER.userId]);
    expect(teacherFunctions.n).toBe(0);
  });

  it('should round-trip tabs, newlines, backslashes, \\N and arrays through COPY', async () => {
    const values = ['tab\there', 'new\nline\r\n', 'back\\slash', '\\N', '', "N'Diaye « Éloïse » 😀"];
    const runner = dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as ClientBase;
      await client.query('CREATE TEMP TABLE copy_check (n int, value text, list text[])');
      const stream = client.query(copyFrom('COPY copy_check (n, value, list) FROM STDIN'));
      await new Promise<void>((resolve, reject) => {
        stream.on('error', reject);
        stream.on('finish', resolve);
        values.forEach((value, n) => stream.write(copyLine([n, value, pgArrayLiteral([value, 'CP'])])));
        stream.end(copyLine([values.length, null, null]));
      });
      const { rows } = await client.query('SELECT n, value, list FROM copy_check ORDER BY n');
      expect(rows.slice(0, values.length).map((r) => r.value)).toEqual(values);
      expect(rows.slice(0, values.length).map((r) => r.list)).toEqual(values.map((v) => [v, 'CP']));
      expect(rows[values.length]).toEqual({ n: values.length, value: null, list: null });
    } finally {
      await runner.release();
    }
  });

  it('should replace the directory with reset, in one go', async () => {
    const replaced = await loadDemoData(dataSource, secretBox, { passwordHash, reset: true, seed: 7, users: 400 });
    expect(replaced).not.toBe(false);
    const after = await counts(dataSource);
    expect(after.app_user).toBe((replaced as DemoLoadSummary).rows.app_user);
    expect(after.app_user).toBeLessThan(700);
    const again = await demoAccounts(dataSource, secretBox);
    expect(again.byRole.SCHOOL_ADMIN.login).not.toBe(accounts.byRole.SCHOOL_ADMIN.login);
  });
});

describe('demo accounts on the real server', () => {
  let server: TestServer;
  let accounts: DemoAccounts;

  beforeAll(async () => {
    server = await startTestServer();
    const { dataSource, secretBox } = server.services;
    expect(await loadDemoData(dataSource, secretBox, { users: 600 })).not.toBe(false);
    accounts = await demoAccounts(dataSource, secretBox);
  });
  afterAll(() => server?.close());

  it('should sign in the director with the demo password, scoped to their école', async () => {
    const director = await server.client().signIn(accounts.byRole.SCHOOL_ADMIN.login, DEMO_PASSWORD);
    const { me, structures } = await director.data<{ me: { login: string }; structures: { name: string; kind: string }[] }>(
      '{ me { login } structures { name kind } }',
    );
    expect(me.login).toBe(accounts.byRole.SCHOOL_ADMIN.login);
    expect(structures).toEqual([{ name: accounts.byRole.SCHOOL_ADMIN.school, kind: 'ECOLE' }]);
    const other = await server.client().signIn(accounts.otherDirector.login, DEMO_PASSWORD);
    const seen = (await other.data<{ structures: { name: string }[] }>('{ structures { name } }')).structures.map((s) => s.name);
    expect(seen).not.toContain(accounts.byRole.SCHOOL_ADMIN.school);
  });

  it('should sign in the teacher, the pupil and the parent, and refuse a wrong password', async () => {
    for (const role of ['OPERATOR', 'DEPARTEMENT_ADMIN', 'CIRCONSCRIPTION_ADMIN', 'TEACHER', 'STUDENT', 'RELATIVE'] as const) {
      await server.client().signIn(accounts.byRole[role].login, DEMO_PASSWORD);
    }
    const wrong = await server.client().login(accounts.byRole.TEACHER.login, 'Pas-le-bon-1');
    expect(wrong.data?.login.status).not.toBe('SIGNED_IN');
  });

  it('should lead the not-activated parent to activation with the decrypted code', async () => {
    const parent = accounts.byRole.RELATIVE_NOT_ACTIVATED;
    const result = await server.client().login(parent.login, parent.activationCode!);
    expect(result.data?.login.status).toBe('ACTIVATION_REQUIRED');
  });
});
