import pg from 'pg';
import type { EntityManager } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fixtures } from '../../test-support/fixtures';
import { startTestServer, TestServer } from '../../test-support/test-server';
import { chooseLogins } from './login-choice';
import { freeLogins } from './login-generator';
import { loginCountersTaken } from './login-names';

/** A transaction's queries as `chooseLogins` takes them (rows, not a pg Result). */
const rowsOf = (client: pg.Client) => ({ query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows });

/** What a creator does after choosing: the account and its login name, in the same transaction. */
async function createAccounts(db: { query(sql: string, params?: unknown[]): Promise<any> }, logins: string[]): Promise<void> {
  for (const login of logins) {
    const [row] = (await db.query(
      `INSERT INTO app_user (profile, first_name, last_name, search_first, search_last, login, source) VALUES ('STUDENT', 'Test', 'Test', 'test', 'test', $1, 'MANUAL') RETURNING id`,
      [login],
    )) as { id: string }[];
    await db.query(`INSERT INTO account_name (name, user_id, kind) VALUES ($1, $2, 'LOGIN')`, [login, row.id]);
  }
}

describe('chooseLogins: a hint per login base, the namesakes not read again', () => {
  let server: TestServer;
  let f: Fixtures;
  const db = () => server.database.dataSource;
  /** Chooses and creates, as « Créer un utilisateur » or an import does, in one transaction. */
  const create = (bases: string[]) =>
    db().transaction(async (manager: EntityManager) => {
      const logins = await chooseLogins(manager, bases);
      await createAccounts(manager, logins);
      return logins;
    });
  const hint = async (base: string) => ((await db().query('SELECT next_counter FROM login_hint WHERE base = $1', [base])) as { next_counter: number }[])[0]?.next_counter;
  const alias = async (name: string) => {
    const holder = await f.user({ profile: 'TEACHER' });
    await db().query(`INSERT INTO account_name (name, user_id, kind) VALUES ($1, $2, 'ALIAS')`, [name, holder.id]);
  };

  beforeAll(async () => {
    server = await startTestServer();
    f = new Fixtures(server.database.dataSource, server.services.secretBox);
  });
  afterAll(() => server?.close());

  it('without a hint, gives what the full read of the namesakes gave (gaps and aliases included), then keeps the hint', async () => {
    for (const login of ['lea.martin', 'lea.martin2', 'lea.martin4', 'lea.martinez', 'lea.martin02']) await f.user({ profile: 'STUDENT', login });
    await alias('lea.martin6');
    const bases = ['lea.martin', 'hugo.petit', 'lea.martin', 'lea.martin'];
    const before = freeLogins(bases, await loginCountersTaken(db(), bases));
    expect(await hint('lea.martin')).toBeUndefined();

    const logins = await create(bases);
    expect(logins).toEqual(before);
    expect(logins).toEqual(['lea.martin3', 'hugo.petit', 'lea.martin5', 'lea.martin7']);
    expect([await hint('lea.martin'), await hint('hugo.petit')]).toEqual([8, 2]);
  });

  it('with a hint, skips the candidates an alias already holds', async () => {
    await alias('lea.martin8');
    await alias('lea.martin10');
    expect(await create(['lea.martin', 'lea.martin', 'lea.martin'])).toEqual(['lea.martin9', 'lea.martin11', 'lea.martin12']);
    expect(await hint('lea.martin')).toBe(13);
  });

  it('never gives again a counter freed below the hint (a deleted account\'s login stays its own)', async () => {
    await db().query(`DELETE FROM app_user WHERE login = 'lea.martin3'`);
    expect(await create(['lea.martin'])).toEqual(['lea.martin13']);
  });

  it('moves a hint read in full past every namesake, so the next account reads none of them', async () => {
    for (const login of ['noe.petit', 'noe.petit2', 'noe.petit4', 'noe.petit5', 'noe.petit6']) await f.user({ profile: 'STUDENT', login });
    expect(await create(['noe.petit'])).toEqual(['noe.petit3']);
    expect(await hint('noe.petit')).toBe(7);
    expect(await create(['noe.petit', 'noe.petit'])).toEqual(['noe.petit7', 'noe.petit8']);
  });

  it('gives two logins of one base to two transactions at once: the second reads the hint after the first commits', async () => {
    await create(['tom.durand']);
    const first = new pg.Client({ connectionString: server.database.url });
    const second = new pg.Client({ connectionString: server.database.url });
    await Promise.all([first.connect(), second.connect()]);
    try {
      const [{ pid }] = (await second.query('SELECT pg_backend_pid() AS pid')).rows;
      await first.query('BEGIN');
      await second.query('BEGIN');
      const [mine] = await chooseLogins(rowsOf(first), ['tom.durand']);
      let settled = false;
      const theirs = chooseLogins(rowsOf(second), ['tom.durand']).finally(() => (settled = true));
      // The second waits on a lock: the base's (were there none, on the hint's row, having chosen already).
      for (;;) {
        if (settled) break;
        const waiting = await db().query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'`, [pid]);
        if (waiting.length) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
      await createAccounts(rowsOf(first), [mine]);
      await first.query('COMMIT');
      const [other] = await theirs;
      await createAccounts(rowsOf(second), [other]);
      await second.query('COMMIT');
      expect([mine, other]).toEqual(['tom.durand2', 'tom.durand3']);
      expect(await hint('tom.durand')).toBe(4);
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
  });
});
