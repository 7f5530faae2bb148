// bench/login-under-attack: legitimate sign-ins per second (closed loop, real server, argon2id)
// while an attacker sends failed sign-ins at a fixed rate from many addresses, side by side with the
// same sign-ins without the attack, in the same run. Prints the ratio (goal ≥ 0.8).
//
//   npm run build && node bench/login-under-attack/run.mjs [--seconds 40] [--rounds 4] [--concurrency 8]
//        [--rate 200] [--attackers 50] [--victims 10] [--users 200]
//
// The attacker's sockets leave from 127.0.0.2…127.0.0.<attackers+1> (`localAddress`), so the server
// sees distinct client addresses exactly as it would on a network (no X-Forwarded-For, no
// TRUST_PROXY). It guesses the passwords of `victims` known logins (prenom.nom is guessable), each
// from every address in turn; the legitimate users sign in from 127.0.0.1 with their own logins.
// The two sides alternate in slices (quiet, attacked, quiet…) as in bench/login, so both see the
// same machine; the attack goes on where it left off in each attacked slice, so its first slice
// shows what the attack costs before its pairs are refused.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closedLoop, openLoop, option, percentile, post, root, startServer } from '../support/bench-env.mjs';
import { loginBody, seedLoginAccounts } from '../support/login-accounts.mjs';
import { Pool } from 'undici';

const require = createRequire(import.meta.url);
const SECONDS = Number(option('seconds', 40));
const ROUNDS = Number(option('rounds', 4));
const CONCURRENCY = Number(option('concurrency', 8));
const RATE = Number(option('rate', 200));
const ATTACKERS = Number(option('attackers', 50));
const VICTIMS = Number(option('victims', 10));
const USERS = Number(option('users', 200));
const PASSWORD = 'Bench-Password-2026';

const { openScratchDatabase } = require(join(root, 'dist/server/platform/database/scratch-database.js'));
const { hashPassword } = require(join(root, 'dist/server/platform/auth/password-hasher.js'));

const database = await openScratchDatabase('preau_bench_attack');
const dataDir = mkdtempSync(join(tmpdir(), 'preau-bench-'));
const server = await startServer({ ...process.env, DATABASE_URL: database.url, PREAU_DATA_DIR: dataDir, LOG_LEVEL: 'warn', TRUST_PROXY: 'false' });
try {
  const { url } = server;
  const hash = await hashPassword(PASSWORD);
  await seedLoginAccounts(database.url, hash, 'bench.user', USERS);
  await seedLoginAccounts(database.url, hash, 'eleve.victime', VICTIMS);

  const legitimate = async (i) => {
    const body = JSON.parse(await post(`${url}/graphql`, loginBody(`bench.user${(i % USERS) + 1}`, PASSWORD)));
    if (body.data?.login?.status !== 'SIGNED_IN') throw new Error(JSON.stringify(body.errors ?? body));
  };

  const attackers = Array.from({ length: ATTACKERS }, (_, i) => new Pool(url, { connections: null, pipelining: 1, connect: { localAddress: `127.0.0.${i + 2}` } }));
  /** Attempts sent so far: each attacked slice goes on from there. */
  let sent = 0;
  /** The attack's answers by code: BAD_CREDENTIALS (a password was checked), TOO_MANY_ATTEMPTS (refused before). */
  const newTally = () => ({ BAD_CREDENTIALS: 0, TOO_MANY_ATTEMPTS: 0, other: 0, latencies: [] });
  const attack = (tally) => async () => {
    const i = sent++;
    const started = performance.now();
    const response = await attackers[i % ATTACKERS].request({
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: loginBody(`eleve.victime${(Math.floor(i / ATTACKERS) % VICTIMS) + 1}`, 'Mauvais-Mot-2026'),
    });
    const text = await response.body.text();
    tally.latencies.push(performance.now() - started);
    const code = JSON.parse(text).errors?.[0]?.extensions?.code;
    tally[code in tally ? code : 'other']++;
  };

  await closedLoop(3, CONCURRENCY, legitimate);
  const slice = SECONDS / ROUNDS;
  const totals = { quiet: { count: 0, elapsed: 0, latencies: [] }, attacked: { count: 0, elapsed: 0, latencies: [] } };
  const attackTotal = newTally();
  const add = (total, result) => {
    total.count += result.latencies.length;
    total.elapsed += result.elapsed;
    total.latencies.push(...result.latencies);
  };
  console.log(`\nbench/login-under-attack — ${SECONDS} s each side in ${ROUNDS} alternating slices, ${CONCURRENCY} concurrent sign-ins;`);
  console.log(`attack: ${RATE} failed sign-ins/s from ${ATTACKERS} addresses (127.0.0.2–${ATTACKERS + 1}) on ${VICTIMS} known logins`);
  for (let round = 0; round < ROUNDS; round++) {
    const quiet = await closedLoop(slice, CONCURRENCY, legitimate);
    const tally = newTally();
    const [attacked] = await Promise.all([closedLoop(slice, CONCURRENCY, legitimate), openLoop(slice, RATE, attack(tally))]);
    add(totals.quiet, quiet);
    add(totals.attacked, attacked);
    for (const key of ['BAD_CREDENTIALS', 'TOO_MANY_ATTEMPTS', 'other']) attackTotal[key] += tally[key];
    attackTotal.latencies.push(...tally.latencies);
    const sorted = tally.latencies.sort((a, b) => a - b);
    console.log(
      `  slice ${round + 1}: quiet ${quiet.perSecond.toFixed(1).padStart(6)} /s, attacked ${attacked.perSecond.toFixed(1).padStart(6)} /s (ratio ${(attacked.perSecond / quiet.perSecond).toFixed(2)});` +
        ` attack: ${tally.BAD_CREDENTIALS} checked, ${tally.TOO_MANY_ATTEMPTS} refused, ${tally.other} other; refusal p50 ${percentile(sorted, 50).toFixed(1)} ms`,
    );
  }
  for (const [label, total] of Object.entries(totals)) {
    const sorted = total.latencies.sort((a, b) => a - b);
    console.log(
      `  ${`legitimate sign-ins, ${label}`.padEnd(34)} ${(total.count / total.elapsed).toFixed(1).padStart(7)} /s   p50 ${percentile(sorted, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(sorted, 95).toFixed(1).padStart(6)} ms   (${total.count} ok)`,
    );
  }
  const attackSeconds = totals.attacked.elapsed;
  console.log(
    `  attack: ${sent} attempts (${(sent / attackSeconds).toFixed(0)} /s): ${attackTotal.BAD_CREDENTIALS} had a password checked, ${attackTotal.TOO_MANY_ATTEMPTS} refused before argon2, ${attackTotal.other} other`,
  );
  const ratio = totals.attacked.count / totals.attacked.elapsed / (totals.quiet.count / totals.quiet.elapsed);
  console.log(`  ratio (under attack / quiet): ${ratio.toFixed(2)}  (goal ≥ 0.80)`);
  await Promise.all(attackers.map((attacker) => attacker.close()));
} finally {
  await server.stop();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}
