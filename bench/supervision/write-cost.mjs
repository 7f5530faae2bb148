// bench/supervision/write-cost: what the totals' triggers (migration SupervisionTotals,
// supervision_person_* on supervision_member) add to bulk writes. On a fresh database of its own
// (dropped at the end): one département, 10 circonscriptions of 20 écoles, N accounts, one école
// each and one in ten a second école. Each round times, with the totals' triggers enabled then
// disabled, three statements as an import or a job writes them: the memberships (INSERT … SELECT),
// half the accounts activated (UPDATE), every membership removed (DELETE). Prints each round.
//
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/supervision/write-cost.mjs [--accounts 40000] [--rounds 3]
import pg from 'pg';
import { dist, fmt, option } from '../support/bench-env.mjs';

const ACCOUNTS = Number(option('accounts', 40_000));
const ROUNDS = Number(option('rounds', 3));
const NAME = 'preau_bench_write_cost';
const base = process.env.DATABASE_URL;
if (!base) throw new Error('Les benchmarks utilisent DATABASE_URL (par exemple postgres://postgres@127.0.0.1:5432/postgres).');
const dropDatabase = async () => {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
  await admin.end();
};
await dropDatabase();
const url = new URL(base);
url.pathname = `/${NAME}`;
process.env.DATABASE_URL = url.toString();
process.env.PREAU_DATA_DIR ??= '.data-bench';
const { loadConfig } = dist('platform/config/config.js');
const { openDatabase } = dist('platform/database/database.js');
const { entities } = dist('app/entities.js');
const { migrations } = dist('migrations/index.js');
const { setLogLevel } = dist('platform/logging/logger.js');
setLogLevel('warn');
const database = await openDatabase(loadConfig(), { entities, migrations, poolSize: 1, applicationName: 'bench-write-cost' });
const db = database.dataSource;

try {
  const [{ id: departement }] = await db.query(`INSERT INTO structure (kind, name) VALUES ('DEPARTEMENT', 'Département du banc') RETURNING id`);
  const ecoles = [];
  for (let c = 0; c < 10; c++) {
    const [{ id: circonscription }] = await db.query(`INSERT INTO structure (kind, name, parent_id) VALUES ('CIRCONSCRIPTION', $1, $2) RETURNING id`, [`Circonscription ${c}`, departement]);
    for (let s = 0; s < 20; s++) ecoles.push((await db.query(`INSERT INTO structure (kind, name, parent_id) VALUES ('ECOLE', $1, $2) RETURNING id`, [`École ${c}-${s}`, circonscription]))[0].id);
  }
  await db.query(
    `INSERT INTO app_user (profile, first_name, last_name, search_first, search_last, login, source)
     SELECT CASE WHEN g % 3 = 0 THEN 'STUDENT' ELSE 'RELATIVE' END::user_profile, 'Banc', 'Écriture', 'banc', 'ecriture', 'write.' || g, 'ONDE_CSV'
       FROM generate_series(1, $1::int) g`,
    [ACCOUNTS],
  );
  const numbered = `(SELECT id, row_number() OVER (ORDER BY id) AS n FROM app_user WHERE login LIKE 'write.%') u`;
  const statements = {
    join: [
      `INSERT INTO user_structure (user_id, structure_id)
       SELECT id, ($1::uuid[])[1 + n % ${ecoles.length}] FROM ${numbered}
       UNION ALL SELECT id, ($1::uuid[])[1 + (n + 7) % ${ecoles.length}] FROM ${numbered} WHERE n % 10 = 0`,
      [ecoles],
    ],
    activate: [`UPDATE app_user SET password_hash = 'x' WHERE login LIKE 'write.%' AND substr(login, 7)::int % 2 = 0`, []],
    leave: [`DELETE FROM user_structure WHERE user_id IN (SELECT id FROM app_user WHERE login LIKE 'write.%')`, []],
  };
  const [{ memberships }] = await db.query(`SELECT $1::int + $1::int / 10 AS memberships`, [ACCOUNTS]);
  console.log(`\nbench/supervision/write-cost — ${ACCOUNTS.toLocaleString('en')} accounts, ${memberships.toLocaleString('en')} memberships in ${ecoles.length} écoles of 10 circonscriptions`);
  const totals = async (on) => {
    for (const event of ['insert', 'update', 'delete']) await db.query(`ALTER TABLE supervision_member ${on ? 'ENABLE' : 'DISABLE'} TRIGGER supervision_person_${event}`);
  };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const on of [true, false]) {
      await totals(on);
      await db.query('TRUNCATE supervision_person, supervision_total');
      const times = {};
      for (const [name, [sql, params]] of Object.entries(statements)) {
        const t = performance.now();
        await db.query(sql, params);
        times[name] = performance.now() - t;
        if (name === 'activate') await db.query(`UPDATE app_user SET password_hash = NULL WHERE login LIKE 'write.%'`);
      }
      const load = (await import('node:os')).loadavg()[0].toFixed(1);
      console.log(`  round ${round}, totals ${on ? 'on ' : 'off'}: memberships ${fmt(times.join)}, activation ${fmt(times.activate)}, removal ${fmt(times.leave)} (load ${load})`);
    }
  }
  await totals(true);
} finally {
  await db.destroy();
  await dropDatabase();
}
