// bench/users-page: one page of 50 users (names, class names, parents) from the admin list, sorted by
// name, at page 1, page 200 and page 10,000 (500,000 rows deep), as a département admin on a million
// accounts. Keyset paging should make depth free: the table shows latency, database time and the
// number of SQL statements per page, counted on every statement the server sends (pg's Client.query).
//
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/users-page/run.mjs [--users 1000000]
import pg from 'pg';
import { benchDatabase, dist, fmt, freePort, graphqlCaller, option, percentile, signIn } from '../support/bench-env.mjs';

const USERS = Number(option('users', 1_000_000));
const DEPTHS = [1, 200, 10_000];
const PAGE = 50;
const PAGE_FIELDS = `edges { node { id displayName login profile status classes { name } relatives { displayName } } } pageInfo { endCursor }`;
const QUERY = `query ($after: String) { users(first: ${PAGE}, after: $after, orderBy: NAME) { ${PAGE_FIELDS} } }`;
const WITH_TOTAL = `query ($after: String) { users(first: ${PAGE}, after: $after, orderBy: NAME) { totalCount ${PAGE_FIELDS} } }`;

const db = await benchDatabase(USERS);
process.env.LOG_LEVEL = 'warn';
require_reflect();
const { loadConfig } = dist('platform/config/config.js');
const { startServer } = dist('app/server.js');
const { SecretBox } = dist('platform/crypto/secret-box.js');
const { findDemoAccounts } = dist('demo/demo-accounts.js');
const { DEMO_PASSWORD } = dist('demo/demo-loader.js');

function require_reflect() {
  dist('../../node_modules/reflect-metadata/Reflect.js');
}

// The server in this process, so that its statements can be counted and timed where every one of
// them passes: pg's Client.query (TypeORM's pool and the prepared statements' alike).
const config = loadConfig({ GRAPHQL_COST_PER_SECOND: '100000000', ...db.env, PORT: String(await freePort()), DEMO_DATA: 'false' });
const server = await startServer(config, { jobs: false });
let statements = 0;
let dbTime = 0; // summed over statements (two at once count twice)
let dbBusy = 0; // time with at least one statement in flight
let inFlight = 0;
let busySince = 0;
const clientQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (...args) {
  statements++;
  const t = performance.now();
  if (inFlight++ === 0) busySince = t;
  const done = () => {
    const now = performance.now();
    dbTime += now - t;
    if (--inFlight === 0) dbBusy += now - busySince;
  };
  // pg-pool (the prepared statements) passes a callback; TypeORM awaits the promise.
  const callback = args.at(-1);
  if (typeof callback === 'function') {
    args[args.length - 1] = (...results) => {
      done();
      return callback(...results);
    };
    return clientQuery.apply(this, args);
  }
  const result = clientQuery.apply(this, args);
  result.then(done, done);
  return result;
};

const pool = new pg.Pool({ connectionString: db.url, max: 2 });
try {
  const demo = await findDemoAccounts((sql, params) => pool.query(sql, params).then((r) => r.rows), SecretBox.fromConfig(undefined, db.dataDir));
  const account = demo.byRole.DEPARTEMENT_ADMIN;
  const call = graphqlCaller(server.url, await signIn(server.url, account.login, DEMO_PASSWORD));
  // The cursor of the last row before each depth, in the list's own format ([order, keys…]).
  const cursorAt = async (depth) => {
    if (depth === 1) return null;
    const { rows } = await pool.query(
      `SELECT search_last, search_first, id FROM app_user WHERE predeleted_at IS NULL
        ORDER BY search_last COLLATE "C", search_first COLLATE "C", id OFFSET $1 LIMIT 1`,
      [(depth - 1) * PAGE - 1],
    );
    const row = rows[0];
    return Buffer.from(JSON.stringify(['NAME', row.search_last, row.search_first, row.id])).toString('base64url');
  };
  console.log(`\nbench/users-page — ${USERS.toLocaleString('en')} accounts, département admin, page of ${PAGE}, sorted by name`);
  const cursors = new Map();
  for (const depth of DEPTHS) cursors.set(depth, await cursorAt(depth));
  for (const [label, query] of [['page only', QUERY], ['page + totalCount', WITH_TOTAL]]) {
  console.log(`  ${label}:`);
  for (const depth of DEPTHS) {
    const after = cursors.get(depth);
    // Warm: each of the server's connections prepares a statement the first time it runs it, and
    // V8 compiles the hot paths after some calls (with 5, page 1, measured first, paid for it).
    for (let i = 0; i < 30; i++) await call(query, { after });
    const latencies = [];
    const db = [];
    const busy = [];
    const counts = new Set();
    for (let i = 0; i < 20; i++) {
      statements = 0;
      dbTime = 0;
      dbBusy = 0;
      const t = performance.now();
      const data = await call(query, { after });
      latencies.push(performance.now() - t);
      db.push(dbTime);
      busy.push(dbBusy);
      counts.add(statements);
      if (data.users.edges.length !== PAGE) throw new Error(`page ${depth}: ${data.users.edges.length} rows`);
    }
    latencies.sort((a, b) => a - b);
    db.sort((a, b) => a - b);
    busy.sort((a, b) => a - b);
    console.log(
      `  page ${String(depth).padStart(6)}  latency p50 ${fmt(percentile(latencies, 50)).padStart(9)}  p95 ${fmt(percentile(latencies, 95)).padStart(9)}` +
        `   database ${fmt(percentile(busy, 50)).padStart(9)} (p95 ${fmt(percentile(busy, 95))}; summed ${fmt(percentile(db, 50))})   SQL statements per page: ${[...counts].join(', ')}`,
    );
  }
  }
  console.log('  (statements: the page, classes of the 50, parents of the 50 — the session and actor come from the actor cache; + the count when asked)');
  console.log('  (database: time with a statement in flight; "summed" adds up the statements, two at once counting twice)');
  // Baseline in the same run: the same page at depth 10,000 with OFFSET, the usual approach.
  const t = performance.now();
  await pool.query(`SELECT id FROM app_user WHERE predeleted_at IS NULL ORDER BY search_last COLLATE "C", search_first COLLATE "C", id OFFSET $1 LIMIT ${PAGE}`, [(10_000 - 1) * PAGE]);
  console.log(`  baseline: the same page 10,000 with OFFSET (bare SQL, no joins): ${fmt(performance.now() - t)}`);
} finally {
  await server.close();
  await pool.end();
}
