// bench/login: sign-in throughput and latency through the real server (HTTP → GraphQL → PostgreSQL →
// argon2id), side by side with a bare argon2id verify loop using the same parameters and the same
// concurrency, in the same run. Prints the ratio (goal ≥ 0.8).
//
//   npm run build && node bench/login/run.mjs [--seconds 15] [--concurrency 8] [--users 200]
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

// The load generator shares the two cores with the server and argon2: `post` speaks node:http on
// kept-alive sockets, a fraction of what fetch costs it, leaving the CPU to what is measured.
import { freePort, post, root } from '../support/bench-env.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const SECONDS = option('seconds', 15);
const CONCURRENCY = option('concurrency', 8);
const USERS = option('users', 200);
const PASSWORD = 'Bench-Password-2026';

const { openScratchDatabase } = require(join(root, 'dist/server/platform/database/scratch-database.js'));
const { hashPassword, verifyPassword } = require(join(root, 'dist/server/platform/auth/password-hasher.js'));

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function closedLoop(label, operation) {
  const latencies = [];
  const deadline = performance.now() + SECONDS * 1000;
  let errors = 0;
  const worker = async (id) => {
    for (let i = id; performance.now() < deadline; i += CONCURRENCY) {
      const started = performance.now();
      try {
        await operation(i);
        latencies.push(performance.now() - started);
      } catch (error) {
        errors++;
        if (errors < 3) console.error(`${label}: ${error.message}`);
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, id) => worker(id)));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { label, perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p95: percentile(latencies, 95), count: latencies.length, errors };
}

// CPU seconds (user + system) of processes, read from /proc: where a sign-in's time goes.
const TICKS = 100;
function cpuOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}
function cpuOfPostgres() {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') total += cpuOf(pid);
    } catch {}
  }
  return total;
}
function cpuSnapshot(serverPid) {
  const own = process.cpuUsage();
  // The server's main thread (HTTP, GraphQL, pg) apart from its libuv pool (argon2).
  const serverMain = cpuOf(`${serverPid}/task/${serverPid}`);
  return { server: cpuOf(serverPid), serverMain, postgres: cpuOfPostgres(), bench: (own.user + own.system) / 1e6 };
}
const cpuPerOperation = (before, after, count) =>
  Object.fromEntries(Object.keys(before).map((key) => [key, ((after[key] - before[key]) * 1000) / count]));

const database = await openScratchDatabase('preau_bench_login');
const dataDir = mkdtempSync(join(tmpdir(), 'preau-bench-'));
const port = await freePort();
// BENCH_SERVER_NODE_ARGS adds node options to the server (e.g. --cpu-prof --cpu-prof-dir=.tmp/prof).
const server = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), join(root, 'dist/server/main.js')], {
  env: { ...process.env, DATABASE_URL: database.url, PORT: String(port), PREAU_DATA_DIR: dataDir, DEMO_DATA: 'false', LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {}
    if (tries > 200) throw new Error('server did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // Accounts to sign in with: one argon2id hash (same parameters as real accounts), many logins.
  const hash = await hashPassword(PASSWORD);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query(
    `WITH u AS (
       INSERT INTO app_user (profile, first_name, last_name, search_first, search_last, login, password_hash, activated_at, source)
       SELECT 'STUDENT', 'Bench', 'User' || g, 'bench', 'user' || g, 'bench.user' || g, $1, now(), 'MANUAL' FROM generate_series(1, $2) g
       RETURNING id, login)
     INSERT INTO account_name (name, user_id, kind) SELECT login, id, 'LOGIN' FROM u`,
    [hash, USERS],
  );
  await client.end();

  const login = async (i) => {
    const text = await post(
      `${url}/graphql`,
      JSON.stringify({
        query: 'mutation ($l: String!, $p: String!) { login(login: $l, password: $p) { status } }',
        variables: { l: `bench.user${(i % USERS) + 1}`, p: PASSWORD },
      }),
    );
    const body = JSON.parse(text);
    if (body.data?.login?.status !== 'SIGNED_IN') throw new Error(JSON.stringify(body.errors ?? body));
  };
  await closedLoop('warm-up', login).catch(() => undefined);
  let before = cpuSnapshot(server.pid);
  const viaServer = await closedLoop('login mutation (HTTP → server → PostgreSQL → argon2id)', login);
  viaServer.cpu = cpuPerOperation(before, cpuSnapshot(server.pid), viaServer.count);
  before = cpuSnapshot(server.pid);
  const bare = await closedLoop('bare argon2id verify (same parameters)', async () => {
    if (!(await verifyPassword(hash, PASSWORD))) throw new Error('verify failed');
  });
  bare.cpu = cpuPerOperation(before, cpuSnapshot(server.pid), bare.count);
  console.log(`\nbench/login — ${SECONDS} s each, ${CONCURRENCY} concurrent, argon2id m=19456 t=2 p=1`);
  for (const r of [viaServer, bare]) {
    console.log(`  ${r.label.padEnd(58)} ${r.perSecond.toFixed(1).padStart(7)} /s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p95 ${r.p95.toFixed(1).padStart(6)} ms   (${r.count} ok, ${r.errors} errors)`);
  }
  for (const r of [viaServer, bare]) {
    console.log(`  CPU per operation, ${r === bare ? 'bare loop' : 'via server'}: server ${r.cpu.server.toFixed(2)} ms (main thread ${r.cpu.serverMain.toFixed(2)} ms), PostgreSQL ${r.cpu.postgres.toFixed(2)} ms, this process ${r.cpu.bench.toFixed(2)} ms`);
  }
  console.log(`  ratio (server / bare argon2id): ${(viaServer.perSecond / bare.perSecond).toFixed(2)}  (goal ≥ 0.80)`);
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
