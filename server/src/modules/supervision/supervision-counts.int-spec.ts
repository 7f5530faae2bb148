import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SupervisionTotals1796800000200 } from '../../migrations/1796800000200-supervision-totals';
import { Fixtures } from '../../test-support/fixtures';
import { startTestServer, TestServer } from '../../test-support/test-server';
import { KEPT_SQL, KEPT_TOTAL_SQL, PERSON_DRIFT_SQL, RECOUNT_SQL, TOTAL_RECOUNT_SQL } from './supervision-recount';

type CountRow = Record<string, string | number>;
const sorted = (rows: CountRow[]) => rows.map((r) => JSON.stringify(r)).sort();

/** Many small transactions at once, on their own connections, in the orders that race. */
describe('supervision_count and supervision_total under concurrent writes', () => {
  let server: TestServer;
  let pool: pg.Pool;

  beforeAll(async () => {
    server = await startTestServer();
    pool = new pg.Pool({ connectionString: server.database.url, max: 12 });
  });
  afterAll(async () => {
    await pool?.end();
    await server?.close();
  });

  const recount = async () => sorted(await server.database.dataSource.query(RECOUNT_SQL));
  const kept = async () => sorted(await server.database.dataSource.query(KEPT_SQL));
  const totalRecount = async () => sorted(await server.database.dataSource.query(TOTAL_RECOUNT_SQL));
  const keptTotals = async () => sorted(await server.database.dataSource.query(KEPT_TOTAL_SQL));
  /** Both kept tables equal their recount, and no person row has drifted from its memberships. */
  async function exact(): Promise<void> {
    expect(await kept()).toEqual(await recount());
    expect(await keptTotals()).toEqual(await totalRecount());
    expect(await server.database.dataSource.query(PERSON_DRIFT_SQL)).toEqual([]);
  }

  async function transaction(statements: [string, unknown[]][]): Promise<void> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      for (const [sql, values] of statements) await client.query(sql, values);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  it('equal a fresh recount after concurrent activations, blocks, pre-deletions, links, memberships and an import', async () => {
    const f = new Fixtures(server.database.dataSource, server.services.secretBox);
    // Écoles Un and Deux in one circonscription, Trois in another of the same département: a
    // person of Un and Deux counts once in the first, one of Un and Trois once in the département.
    const departement = await f.structure('DEPARTEMENT', 'Département concurrent');
    const circonscription = await f.structure('CIRCONSCRIPTION', 'Circonscription concurrente', departement);
    const other = await f.structure('CIRCONSCRIPTION', 'Circonscription voisine', departement);
    const schools = await Promise.all(['Un', 'Deux', 'Trois'].map((n, i) => f.structure('ECOLE', `École ${n}`, i < 2 ? circonscription : other)));
    const pending = (i: number, profile: 'STUDENT' | 'RELATIVE' | 'TEACHER', school: string[]) =>
      f.user({ profile, schools: school, activationCode: `code${i}xyz`.slice(0, 8), email: i % 3 === 0 ? undefined : `p${i}@example.org` });
    const pupils = [];
    const guardians = [];
    for (let i = 0; i < 24; i++) pupils.push(await pending(i, 'STUDENT', [schools[i % 3]]));
    for (let i = 0; i < 36; i++) guardians.push(await pending(100 + i, 'RELATIVE', i % 5 === 0 ? [schools[0], schools[1]] : [schools[i % 3]]));
    // Two guardians per pupil, and a few guardians of pupils in two écoles.
    for (let i = 0; i < 24; i++) {
      for (const g of [guardians[i], guardians[(i + 12) % 36]]) {
        await server.database.dataSource.query('INSERT INTO relative_link (relative_id, student_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [g.id, pupils[i].id]);
      }
    }
    await exact();
    // Not a comparison of two empty sets: the shared guardians count once in the circonscription.
    const [shared] = await server.database.dataSource.query(
      `SELECT sum(accounts)::int AS n FROM supervision_total WHERE ancestor_id = $1 AND profile = 'RELATIVE'`,
      [circonscription],
    );
    const [each] = await server.database.dataSource.query(
      `SELECT sum(accounts)::int AS n FROM supervision_count WHERE structure_id = ANY($1) AND profile = 'RELATIVE'`,
      [schools.slice(0, 2)],
    );
    expect(shared.n).toBeGreaterThan(0);
    expect(shared.n).toBeLessThan(each.n);

    const work: Promise<void>[] = [];
    const activate = (id: string) => transaction([["UPDATE app_user SET password_hash = 'x', activation_code_secret = NULL, activated_at = now() WHERE id = $1", [id]]]);
    // Both guardians of each pupil activate at the same moment (the covered pupil must count once).
    for (let i = 0; i < 24; i++) work.push(activate(guardians[i].id), activate(guardians[(i + 12) % 36].id));
    // A guardian linked to a pupil while that guardian activates; a pupil joining an école meanwhile.
    for (let i = 0; i < 8; i++) {
      work.push(transaction([['INSERT INTO relative_link (relative_id, student_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [guardians[24 + i].id, pupils[i].id]]]));
      work.push(activate(guardians[24 + i].id));
      work.push(transaction([['INSERT INTO user_structure (user_id, structure_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [pupils[i].id, schools[(i + 1) % 3]]]]));
    }
    // Blocks (one temporary), pre-deletions of guardians and pupils, e-mails removed, a link removed.
    for (let i = 8; i < 16; i++) {
      work.push(transaction([['UPDATE app_user SET blocked_at = now(), blocked_until = $2 WHERE id = $1', [pupils[i].id, i === 8 ? new Date(Date.now() + 3600_000) : null]]]));
      work.push(transaction([['UPDATE app_user SET predeleted_at = now(), delete_after = now() + interval \'90 days\' WHERE id = $1', [guardians[i].id]]]));
      work.push(transaction([["UPDATE app_user SET email = '' WHERE id = $1", [guardians[i + 12].id]]]));
      work.push(transaction([['DELETE FROM relative_link WHERE student_id = $1 AND relative_id = $2', [pupils[i].id, guardians[(i + 12) % 36].id]]]));
    }
    for (let i = 16; i < 20; i++) work.push(transaction([['UPDATE app_user SET predeleted_at = now() WHERE id = $1', [pupils[i].id]]]));
    // An account deleted for good, a membership removed, a profile changed.
    work.push(transaction([['DELETE FROM app_user WHERE id = $1', [guardians[35].id]]]));
    work.push(transaction([['DELETE FROM user_structure WHERE user_id = $1 AND structure_id = $2', [guardians[5].id, schools[1]]]]));
    work.push(transaction([["UPDATE app_user SET profile = 'TEACHER' WHERE id = $1", [guardians[33].id]]]));
    // An import: pupils, guardians, memberships and links in one transaction, a statement each.
    work.push(
      transaction([
        [
          `WITH n AS (SELECT g, CASE WHEN g % 2 = 0 THEN 'STUDENT' ELSE 'RELATIVE' END::user_profile AS profile FROM generate_series(1, 40) g)
           INSERT INTO app_user (profile, first_name, last_name, search_first, search_last, login, source, email)
           SELECT profile, 'Imp', 'Orté' || g, 'imp', 'orte' || g, 'import.' || g, 'ONDE_CSV', CASE WHEN g % 4 = 1 THEN NULL ELSE 'i' || g || '@example.org' END FROM n`,
          [],
        ],
        [`INSERT INTO user_structure (user_id, structure_id) SELECT id, $1 FROM app_user WHERE login LIKE 'import.%'`, [schools[2]]],
        [
          `INSERT INTO relative_link (relative_id, student_id)
           SELECT r.id, s.id FROM app_user r JOIN app_user s ON s.login = 'import.' || (substr(r.login, 8)::int + 1)
            WHERE r.login LIKE 'import.%' AND r.profile = 'RELATIVE'`,
          [],
        ],
        [`UPDATE app_user SET password_hash = 'x' WHERE login LIKE 'import.%' AND substr(login, 8)::int % 3 = 0`, []],
      ]),
    );
    // The imported guardians of école Un's pupils activate while the import runs.
    for (let i = 0; i < 6; i++) work.push(activate(pupils[i * 3].id));
    const results = await Promise.allSettled(work);
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    await exact();
    // Something did change: the pupils of école Un are covered now.
    const [covered] = await server.database.dataSource.query(`SELECT covered FROM supervision_count WHERE structure_id = $1 AND profile = 'STUDENT'`, [schools[0]]);
    expect(covered.covered).toBeGreaterThan(0);
  });

  /**
   * Two transactions interleaved on purpose: A writes and stays open; B's statement starts; A commits
   * once B is either waiting for a lock of A's or done. Without the triggers' locks, B would finish
   * without seeing A's row and the counts would drift.
   */
  async function race(a: [string, unknown[]], b: [string, unknown[]]): Promise<void> {
    const first = await pool.connect();
    const second = await pool.connect();
    try {
      await first.query('BEGIN');
      await first.query(...a);
      await second.query('BEGIN');
      const [{ pid }] = (await second.query('SELECT pg_backend_pid() AS pid')).rows;
      let settled = false;
      const running = second.query(...b).finally(() => (settled = true));
      for (;;) {
        if (settled) break;
        const waiting = await server.database.dataSource.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'`, [pid]);
        if (waiting.length > 0) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
      await first.query('COMMIT');
      await running;
      await second.query('COMMIT');
    } finally {
      first.release();
      second.release();
    }
  }

  it('equal a fresh recount when the writes that depend on each other interleave, in both orders', async () => {
    const f = new Fixtures(server.database.dataSource, server.services.secretBox);
    const circonscription = await f.structure('CIRCONSCRIPTION', 'Circonscription course');
    const schools = [await f.structure('ECOLE', 'École course 1', circonscription), await f.structure('ECOLE', 'École course 2', circonscription)];
    let n = 0;
    const pending = (profile: 'STUDENT' | 'RELATIVE', school: string) => f.user({ profile, schools: [school], activationCode: `race${n++}abc`.slice(0, 8) });
    const activate: (id: string) => [string, unknown[]] = (id) => ["UPDATE app_user SET password_hash = 'x' WHERE id = $1", [id]];
    const link: (g: string, s: string) => [string, unknown[]] = (g, s) => ['INSERT INTO relative_link (relative_id, student_id) VALUES ($1, $2)', [g, s]];
    const join: (u: string, s: string) => [string, unknown[]] = (u, s) => ['INSERT INTO user_structure (user_id, structure_id) VALUES ($1, $2)', [u, s]];
    for (const order of ['link first', 'activation first']) {
      // A guardian linked while activating.
      const [p1, g1] = [await pending('STUDENT', schools[0]), await pending('RELATIVE', schools[0])];
      if (order === 'link first') await race(link(g1.id, p1.id), activate(g1.id));
      else await race(activate(g1.id), link(g1.id, p1.id));
      // A pupil joining a second école while their guardian activates.
      const [p2, g2] = [await pending('STUDENT', schools[0]), await pending('RELATIVE', schools[0])];
      await server.database.dataSource.query(...link(g2.id, p2.id));
      if (order === 'link first') await race(join(p2.id, schools[1]), activate(g2.id));
      else await race(activate(g2.id), join(p2.id, schools[1]));
      // A pupil joining a second école while a guardian is linked to them.
      const [p3, g3] = [await pending('STUDENT', schools[0]), await pending('RELATIVE', schools[0])];
      await server.database.dataSource.query(...activate(g3.id));
      if (order === 'link first') await race(link(g3.id, p3.id), join(p3.id, schools[1]));
      else await race(join(p3.id, schools[1]), link(g3.id, p3.id));
      // Both guardians of a pupil activating together.
      const [p4, g4, h4] = [await pending('STUDENT', schools[0]), await pending('RELATIVE', schools[0]), await pending('RELATIVE', schools[1])];
      await server.database.dataSource.query(...link(g4.id, p4.id));
      await server.database.dataSource.query(...link(h4.id, p4.id));
      await race(activate(g4.id), activate(h4.id));
      // A block while the membership goes.
      const [p5] = [await pending('STUDENT', schools[0])];
      await server.database.dataSource.query(...join(p5.id, schools[1]));
      const block: [string, unknown[]] = ['UPDATE app_user SET blocked_at = now() WHERE id = $1', [p5.id]];
      const leave: [string, unknown[]] = ['DELETE FROM user_structure WHERE user_id = $1 AND structure_id = $2', [p5.id, schools[1]]];
      if (order === 'link first') await race(block, leave);
      else await race(leave, block);
      // A person's two memberships of one circonscription going at once, and one coming while the
      // other goes: the person's row there must end with the right count, or none.
      const [p6] = [await pending('STUDENT', schools[0])];
      await server.database.dataSource.query(...join(p6.id, schools[1]));
      const leaveA: [string, unknown[]] = ['DELETE FROM user_structure WHERE user_id = $1 AND structure_id = $2', [p6.id, schools[0]]];
      const leaveB: [string, unknown[]] = ['DELETE FROM user_structure WHERE user_id = $1 AND structure_id = $2', [p6.id, schools[1]]];
      await race(leaveA, leaveB);
      const [p7] = [await pending('RELATIVE', schools[0])];
      const leave7: [string, unknown[]] = ['DELETE FROM user_structure WHERE user_id = $1 AND structure_id = $2', [p7.id, schools[0]]];
      if (order === 'link first') await race(leave7, join(p7.id, schools[1]));
      else await race(join(p7.id, schools[1]), leave7);
      await exact();
    }
  });
  it("fill the totals from what exists when the migration runs, and go with its down", async () => {
    // Run last: the earlier tests left people of several écoles and circonscriptions behind.
    const [before] = await server.database.dataSource.query('SELECT count(*)::int AS n FROM supervision_person');
    expect(before.n).toBeGreaterThan(0);
    const runner = server.database.dataSource.createQueryRunner();
    try {
      const migration = new SupervisionTotals1796800000200();
      await runner.startTransaction();
      await migration.down(runner);
      const [left] = await runner.query(`SELECT count(*)::int AS n FROM pg_class WHERE relname IN ('supervision_person', 'supervision_total')`);
      expect(left.n).toBe(0);
      await migration.up(runner);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    await exact();
    const [after] = await server.database.dataSource.query('SELECT count(*)::int AS n FROM supervision_person');
    expect(after.n).toBe(before.n);
  });
});
