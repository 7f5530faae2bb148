// bench/login: sign-in throughput and latency through the real server (HTTP → GraphQL → PostgreSQL →
// argon2id), side by side with a bare argon2id verify loop using the same parameters and the same
// concurrency, in the same run. Prints the ratio (goal ≥ 0.8).
//
//   npm run build && node bench/login/run.mjs [--seconds 15] [--rounds 5] [--concurrency 8] [--users 200]
//
// The two sides run in alternating slices (see `alternate`), so that both see the same machine.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The load generator shares the two cores with the server and argon2: its CPU per sign-in is
// reported apart ("this process"), next to the server's and PostgreSQL's.
import { closedLoop, dist, option, percentile, post, startServer } from '../support/bench-env.mjs';
import { loginBody, seedLoginAccounts } from '../support/login-accounts.mjs';

const SECONDS = Number(option('seconds', 15));
/** Slices per side: SECONDS are shared out among them. */
const ROUNDS = Number(option('rounds', 5));
const CONCURRENCY = Number(option('concurrency', 8));
const USERS = Number(option('users', 200));
const PASSWORD = 'Bench-Password-2026';

// From the same build as the server (PREAU_DIST picks another one, e.g. to compare two builds).
const { openScratchDatabase } = dist('platform/database/scratch-database.js');
const { hashPassword, verifyPassword } = dist('platform/auth/password-hasher.js');

// CPU seconds (user + system) of processes, read from /proc: where a sign-in's time goes.
const TICKS = 100;
/** User and kernel CPU seconds of a process or thread; the kernel part is its system calls (sockets, epoll). */
function cpuTimesOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return { user: Number(fields[11]) / TICKS, kernel: Number(fields[12]) / TICKS };
  } catch {
    return { user: 0, kernel: 0 };
  }
}
function cpuOf(pid) {
  const { user, kernel } = cpuTimesOf(pid);
  return user + kernel;
}
// PostgreSQL per process: only backends alive at both ends of a slice count (one that exits takes
// its CPU time with it).
function cpuOfPostgres() {
  const byPid = new Map();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') byPid.set(pid, cpuOf(pid));
    } catch {}
  }
  return byPid;
}
/** Times the thread went to sleep (voluntary) or was preempted: each wake-up starts with cold caches. */
function switchesOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(status.match(/^voluntary_ctxt_switches:\s+(\d+)/m)[1]) + Number(status.match(/^nonvoluntary_ctxt_switches:\s+(\d+)/m)[1]);
  } catch {
    return 0;
  }
}
function cpuSnapshot(serverPid) {
  const own = process.cpuUsage();
  // The server's main thread (HTTP, GraphQL, pg) apart from its argon2 worker threads.
  const main = cpuTimesOf(`${serverPid}/task/${serverPid}`);
  return {
    server: cpuOf(serverPid),
    serverMain: main.user + main.kernel,
    serverMainKernel: main.kernel,
    serverMainSwitches: switchesOf(`${serverPid}/task/${serverPid}`),
    postgres: cpuOfPostgres(),
    bench: (own.user + own.system) / 1e6,
  };
}
function cpuDelta(before, after) {
  const delta = {};
  for (const key of Object.keys(before)) {
    if (key !== 'postgres') delta[key] = after[key] - before[key];
  }
  delta.postgres = 0;
  for (const [pid, cpu] of after.postgres) if (before.postgres.has(pid)) delta.postgres += cpu - before.postgres.get(pid);
  return delta;
}

/**
 * The two sides in alternating slices (server, bare, server, bare…) rather than one after the
 * other: this machine's speed drifts by 10–20 % over a minute, and alternating gives both sides
 * the same drift. Throughput over the summed time, latencies over all slices.
 */
async function alternate(sides, rounds, seconds) {
  const totals = sides.map(() => ({ latencies: [], errors: 0, elapsed: 0, cpu: {} }));
  for (let round = 0; round < rounds; round++) {
    for (const [index, side] of sides.entries()) {
      const before = cpuSnapshot(side.pid);
      const slice = await closedLoop(seconds, CONCURRENCY, side.operation);
      const cpu = cpuDelta(before, cpuSnapshot(side.pid));
      const total = totals[index];
      total.latencies.push(...slice.latencies);
      total.errors += slice.errors;
      total.elapsed += slice.elapsed;
      for (const [key, value] of Object.entries(cpu)) total.cpu[key] = (total.cpu[key] ?? 0) + value;
    }
  }
  return totals.map((total, index) => {
    const latencies = total.latencies.sort((a, b) => a - b);
    const count = latencies.length;
    const cpu = Object.fromEntries(Object.entries(total.cpu).map(([key, value]) => [key, (value * 1000) / count]));
    return { label: sides[index].label, perSecond: count / total.elapsed, p50: percentile(latencies, 50), p95: percentile(latencies, 95), count, errors: total.errors, cpu };
  });
}

const database = await openScratchDatabase('preau_bench_login');
const dataDir = mkdtempSync(join(tmpdir(), 'preau-bench-'));
// BENCH_SERVER_NODE_ARGS adds node options to the server (e.g. --cpu-prof --cpu-prof-dir=.tmp/prof).
const server = await startServer({ ...process.env, DATABASE_URL: database.url, PREAU_DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
try {
  const { url } = server;
  // Accounts to sign in with: one argon2id hash (same parameters as real accounts), many logins.
  const hash = await hashPassword(PASSWORD);
  await seedLoginAccounts(database.url, hash, 'bench.user', USERS);

  const login = async (i) => {
    const text = await post(`${url}/graphql`, loginBody(`bench.user${(i % USERS) + 1}`, PASSWORD));
    const body = JSON.parse(text);
    if (body.data?.login?.status !== 'SIGNED_IN') throw new Error(JSON.stringify(body.errors ?? body));
  };
  await closedLoop(3, CONCURRENCY, login);
  const bareVerify = async () => {
    if (!(await verifyPassword(hash, PASSWORD))) throw new Error('verify failed');
  };
  const [viaServer, bare] = await alternate(
    [
      { label: 'login mutation (HTTP → server → PostgreSQL → argon2id)', operation: login, pid: server.pid },
      { label: 'bare argon2id verify (same parameters)', operation: bareVerify, pid: server.pid },
    ],
    ROUNDS,
    SECONDS / ROUNDS,
  );
  console.log(`\nbench/login — ${SECONDS} s each in ${ROUNDS} alternating slices, ${CONCURRENCY} concurrent, argon2id m=19456 t=2 p=1`);
  for (const r of [viaServer, bare]) {
    console.log(`  ${r.label.padEnd(58)} ${r.perSecond.toFixed(1).padStart(7)} /s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p95 ${r.p95.toFixed(1).padStart(6)} ms   (${r.count} ok, ${r.errors} errors)`);
  }
  for (const r of [viaServer, bare]) {
    console.log(`  CPU per operation, ${r === bare ? 'bare loop' : 'via server'}: server ${r.cpu.server.toFixed(2)} ms (main thread ${r.cpu.serverMain.toFixed(2)} ms, of which kernel ${r.cpu.serverMainKernel.toFixed(2)} ms; ${(r.cpu.serverMainSwitches / 1000).toFixed(1)} wake-ups), PostgreSQL ${r.cpu.postgres.toFixed(2)} ms, this process ${r.cpu.bench.toFixed(2)} ms`);
  }
  console.log(`  ratio (server / bare argon2id): ${(viaServer.perSecond / bare.perSecond).toFixed(2)}  (goal ≥ 0.80)`);
} finally {
  await server.stop();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
