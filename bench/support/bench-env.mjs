// Shared by the benchmarks: a seeded database (reused between runs), the real server on it, signed-in
// sessions, and the load loops (closed loop for throughput, open loop for latency at a fixed rate).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { Pool } from 'undici';

const require = createRequire(import.meta.url);
export const root = join(new URL('.', import.meta.url).pathname, '../..');
/** The built server the benchmarks run: `dist/server` (npm run build), or PREAU_DIST (relative to the root). */
export const distDir = join(root, process.env.PREAU_DIST || 'dist/server');
export const dist = (path) => require(join(distDir, path));

export function option(name, fallback) {
  const args = process.argv.slice(2);
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
}

/**
 * `preau_bench_<users>` on DATABASE_URL's server, seeded by `npm run seed` the first time (about
 * 100 s for a million accounts) and reused afterwards. Its secret key lives in .data-bench/.
 */
export async function benchDatabase(users) {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('Les benchmarks utilisent DATABASE_URL (par exemple postgres://postgres@127.0.0.1:5432/postgres).');
  const url = new URL(base);
  url.pathname = `/preau_bench_${users}`;
  const dataDir = join(root, '.data-bench');
  mkdirSync(dataDir, { recursive: true });
  const env = { ...process.env, DATABASE_URL: url.toString(), PREAU_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  const { ensureDatabase } = dist('platform/database/ensure-database.js');
  await ensureDatabase(url.toString());
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  let count = 0;
  try {
    count = Number((await client.query(`SELECT count(*) AS n FROM app_user`)).rows[0].n);
  } catch {
    count = 0; // not migrated yet
  } finally {
    await client.end();
  }
  if (count < users * 0.9) {
    console.log(`Seeding ${users} accounts into ${url.pathname.slice(1)} (once)…`);
    execFileSync(process.execPath, [join(distDir, 'cli/seed.js'), '--users', String(users), '--reset'], { env, stdio: 'inherit' });
  } else {
    await migrateReusedDatabase(url.toString());
  }
  return { url: url.toString(), dataDir, env };
}

/**
 * A database seeded by an earlier build gets the newer migrations here, then a VACUUM ANALYZE when
 * any ran: a migration that rewrites a million rows leaves index-only scans reading the heap until
 * autovacuum passes, and the first measures would pay for it.
 */
async function migrateReusedDatabase(url) {
  dist('../../node_modules/reflect-metadata/Reflect.js');
  const { createDataSource } = dist('platform/database/data-source.js');
  const { migrations } = dist('migrations/index.js');
  const dataSource = createDataSource({ url, entities: [], migrations });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) {
      console.log(`Migrations applied to the reused bench database: ${applied.map((m) => m.name).join(', ')}; VACUUM ANALYZE…`);
      await dataSource.query('VACUUM ANALYZE');
    }
  } finally {
    await dataSource.destroy();
  }
}

export function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The built server (`node dist/server/main.js`) on the bench database. BENCH_SERVER_NODE_ARGS adds
 * node options to it (e.g. `--cpu-prof --cpu-prof-dir=.tmp/prof` to profile the server).
 */
export async function startServer(env) {
  const port = await freePort();
  const child = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), join(distDir, 'main.js')], {
    // One signed-in account stands for many users in most benchmarks: no per-person cost budget
    // (bench/amplification passes the default back, since that budget is what it measures).
    env: { GRAPHQL_COST_PER_SECOND: '100000000', ...env, PORT: String(port), DEMO_DATA: 'false' },
    // BENCH_SERVER_STDOUT=file keeps what the server prints (with BENCH_SERVER_NODE_ARGS=--trace-gc: its GC pauses).
    stdio: ['ignore', process.env.BENCH_SERVER_STDOUT ? openSync(process.env.BENCH_SERVER_STDOUT, 'w') : 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {}
    if (tries > 300) throw new Error('server did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    pid: child.pid,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

export async function signIn(url, login, password) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation ($l: String!, $p: String!) { login(login: $l, password: $p) { status } }', variables: { l: login, p: password } }),
  });
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error(`sign-in of ${login} failed: ${await response.text()}`);
  return cookie;
}

const pools = new Map();

/**
 * POSTs a JSON body on a kept-alive connection (undici: one pool per origin, as many connections as
 * requests in flight); resolves with the response text. The benchmarks report this process's CPU
 * apart from the server's (bench/login), rather than shaving the client.
 */
export async function post(url, body, headers = {}) {
  const { origin, pathname, search } = new URL(url);
  let pool = pools.get(origin);
  if (!pool) pools.set(origin, (pool = new Pool(origin, { connections: null, pipelining: 1 })));
  const response = await pool.request({ method: 'POST', path: pathname + search, headers: { 'content-type': 'application/json', ...headers }, body });
  return response.body.text();
}

export function graphqlCaller(url, cookie) {
  return async (query, variables) => {
    const body = JSON.parse(await post(`${url}/graphql`, JSON.stringify({ query, variables }), { cookie }));
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * As many requests as `concurrency` workers can push for `seconds`: maximum throughput. Also
 * returns the sorted latencies and the elapsed seconds, for callers that add several loops up.
 */
export async function closedLoop(seconds, concurrency, operation) {
  const latencies = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = worker; performance.now() < deadline; i += concurrency) {
        const t = performance.now();
        try {
          await operation(i);
          latencies.push(performance.now() - t);
        } catch (error) {
          if (errors++ < 2) console.error(error.message.slice(0, 300));
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const elapsed = (performance.now() - started) / 1000;
  return { perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p95: percentile(latencies, 95), errors, latencies, elapsed };
}

/**
 * Requests sent at a fixed rate whatever the answers (open loop): latency measured from the
 * scheduled send time, so a slow server shows as queueing, not as fewer requests.
 */
export async function openLoop(seconds, rate, operation) {
  const total = Math.round(seconds * rate);
  const start = performance.now();
  const latencies = [];
  let errors = 0;
  const pending = [];
  for (let i = 0; i < total; i++) {
    const scheduled = start + (i * 1000) / rate;
    const wait = scheduled - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      operation(i).then(
        () => latencies.push(performance.now() - scheduled),
        (error) => {
          if (errors++ < 2) console.error(error.message.slice(0, 300));
        },
      ),
    );
  }
  await Promise.all(pending);
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), errors, sent: total };
}

export const fmt = (ms) => (Number.isFinite(ms) ? `${ms.toFixed(ms < 10 ? 2 : 1)} ms` : 'n/a');
