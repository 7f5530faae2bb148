// bench/builds: two builds of the server side by side on one database, in alternating slices, for a
// change whose gain or cost must be measured before it is kept (a library in place of hand-written
// code, say). Measures what a user sees: sign-ins per second (HTTP → GraphQL → PostgreSQL →
// argon2id) and `{ me { id } }` per second, each through both builds. Prints B / A.
//
//   node scripts/build-server.mjs && cp -r dist/server dist-old/server   # A, before the change
//   … change, then node scripts/build-server.mjs                          # B
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/builds/run.mjs \
//     --a dist-old/server --b dist/server [--seconds 40] [--rounds 4] [--concurrency 8]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closedLoop, freePort, option, post, root, signIn } from '../support/bench-env.mjs';
import { loginBody, seedLoginAccounts } from '../support/login-accounts.mjs';

const require = createRequire(import.meta.url);
const A = option('a', 'dist-old/server');
const B = option('b', 'dist/server');
const SECONDS = Number(option('seconds', 40));
const ROUNDS = Number(option('rounds', 4));
const CONCURRENCY = Number(option('concurrency', 8));
const USERS = 200;
const PASSWORD = 'Bench-Password-2026';

async function startBuild(dir, env) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, dir, 'main.js')], { env: { ...env, PORT: String(port), DEMO_DATA: 'false' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {}
    if (tries > 300) throw new Error(`${dir} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))) };
}

const { openScratchDatabase } = require(join(root, B, 'platform/database/scratch-database.js'));
const { hashPassword } = require(join(root, B, 'platform/auth/password-hasher.js'));
const database = await openScratchDatabase('preau_bench_builds');
const dataDir = mkdtempSync(join(tmpdir(), 'preau-bench-builds-'));
const env = { ...process.env, DATABASE_URL: database.url, PREAU_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
// B first: it migrates the database (A is the older build; its migrations are a prefix of B's).
const b = await startBuild(B, env);
const a = await startBuild(A, env);
try {
  await seedLoginAccounts(database.url, await hashPassword(PASSWORD), 'bench.builds', USERS);
  const sides = [];
  for (const [name, server] of [['A', a], ['B', b]]) {
    const cookie = await signIn(server.url, 'bench.builds1', PASSWORD);
    sides.push({
      name,
      login: (i) => post(`${server.url}/graphql`, loginBody(`bench.builds${(i % USERS) + 1}`, PASSWORD)),
      me: () => post(`${server.url}/graphql`, '{"query":"{ me { id } }"}', { cookie }),
    });
  }
  const results = { A: { login: [], me: [] }, B: { login: [], me: [] } };
  const slice = SECONDS / ROUNDS / 4;
  for (let round = 0; round < ROUNDS; round++) {
    // A, B, then B, A: each side as often first as second.
    const order = round % 2 === 0 ? sides : [...sides].reverse();
    for (const measure of ['login', 'me']) {
      for (const side of order) results[side.name][measure].push((await closedLoop(slice, CONCURRENCY, side[measure])).perSecond);
    }
  }
  const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
  console.log(`A = ${A}, B = ${B}; ${ROUNDS} rounds of ${slice.toFixed(1)} s slices, ${CONCURRENCY} concurrent`);
  for (const measure of ['login', 'me']) {
    const [ma, mb] = [median(results.A[measure]), median(results.B[measure])];
    const slices = (side) => results[side][measure].map((v) => v.toFixed(0)).join(', ');
    console.log(`  ${measure === 'login' ? 'sign-ins/s     ' : '{ me { id } }/s'}: A ${ma.toFixed(0)} (${slices('A')})  B ${mb.toFixed(0)} (${slices('B')})  B/A ${(mb / ma).toFixed(2)}`);
  }
} finally {
  await Promise.all([a.stop(), b.stop()]);
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
