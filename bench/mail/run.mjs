// bench/mail: « Envoyer par mail » through the real pipeline (GraphQL mutation → pg-boss worker →
// SheetSource → Handlebars → nodemailer pool → SMTP, with a status row per recipient), side by side in
// the same run with a bare nodemailer pool (same pool size) sending the same messages to the same
// local SMTP server. Prints mails per second and the ratio (goal ≥ 0.9).
//
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/mail/run.mjs [--mails 5000] [--pool 5]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { dist, freePort, graphqlCaller, option, root, signIn } from '../support/bench-env.mjs';

const MAILS = Number(option('mails', 5000));
const POOL = Number(option('pool', 5));
const ROUNDS = Number(option('rounds', 2));
const KEY = 'c'.repeat(64);
const PASSWORD = 'Bench-Password-2026';

const { openScratchDatabase } = dist('platform/database/scratch-database.js');
const { SecretBox } = dist('platform/crypto/secret-box.js');
const { hashPassword } = dist('platform/auth/password-hasher.js');
const { accountMail } = dist('modules/mailings/account-mail.js');

function startSink() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bench/mail/smtp-sink.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (chunk) => {
      const match = /ready (\d+) (\d+)/.exec(String(chunk));
      if (match) resolve({ smtpPort: Number(match[1]), count: async (reset) => Number(await (await fetch(`http://127.0.0.1:${match[2]}/${reset ? 'reset' : 'count'}`)).text()), stop: () => child.kill() });
    });
    child.once('exit', (code) => reject(new Error(`sink exited ${code}`)));
  });
}

async function seed(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const box = new SecretBox(Buffer.from(KEY, 'hex'));
  const school = (await client.query(`INSERT INTO structure (kind, name) VALUES ('ECOLE', 'École du banc d''essai') RETURNING id`)).rows[0].id;
  const director = (
    await client.query(
      `INSERT INTO app_user (profile, first_name, last_name, search_first, search_last, login, password_hash, activated_at, source)
       VALUES ('TEACHER', 'Directrice', 'Banc', 'directrice', 'banc', 'directrice.banc', $1, now(), 'MANUAL') RETURNING id`,
      [await hashPassword(PASSWORD)],
    )
  ).rows[0].id;
  await client.query(`INSERT INTO account_name (name, user_id, kind) VALUES ('directrice.banc', $1, 'LOGIN')`, [director]);
  await client.query(`INSERT INTO user_structure (user_id, structure_id) VALUES ($1, $2)`, [director, school]);
  await client.query(`INSERT INTO admin_function (user_id, function, structure_id) VALUES ($1, 'SCHOOL_ADMIN', $2)`, [director, school]);
  await client.query(
    `WITH parents AS (
       INSERT INTO app_user (profile, first_name, last_name, search_first, search_last, login, activation_code_secret, email, source)
       SELECT 'RELATIVE', 'Parent' || i, 'Famille' || i, 'parent' || i, 'famille' || i, 'parent.famille' || i, $2, 'parent' || i || '@example.org', 'MANUAL'
         FROM generate_series(1, $1::int) AS i RETURNING id)
     INSERT INTO user_structure (user_id, structure_id) SELECT id, $3 FROM parents`,
    [MAILS, box.seal('abcd2345'), school],
  );
  await client.end();
}

async function main() {
  const database = await openScratchDatabase('preau_bench_mail');
  const sink = await startSink();
  const dataDir = mkdtempSync(join(tmpdir(), 'preau-bench-mail-'));
  const port = await freePort();
  const smtpUrl = `smtp://127.0.0.1:${sink.smtpPort}?tls=off&pool=${POOL}`;
  const server = spawn(process.execPath, [join(root, 'dist/server/main.js')], {
    env: { ...process.env, DATABASE_URL: database.url, PORT: String(port), PREAU_DATA_DIR: dataDir, PREAU_SECRET_KEY: KEY, DEMO_DATA: 'false', LOG_LEVEL: 'warn', SMTP_URL: smtpUrl },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    for (let tries = 0; ; tries++) {
      try {
        if ((await fetch(`${url}/healthz`)).ok) break;
      } catch {}
      if (tries > 300) throw new Error('server did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await seed(database.url);
    const call = graphqlCaller(url, await signIn(url, 'directrice.banc', PASSWORD));

    // The same messages for the baseline, built by the same template code.
    const messages = Array.from({ length: MAILS }, (_, index) => {
      const i = index + 1;
      return accountMail(
        { userId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, email: `parent${i}@example.org`, firstName: `Parent${i}`, lastName: `Famille${i}`,
          profile: 'RELATIVE', login: `parent.famille${i}`, activationCode: 'abcd2345', classes: [], children: [], school: 'École du banc d’essai' },
        '11111111-1111-4111-8111-111111111111',
        'http://localhost:4300',
      );
    });

    const watcher = new pg.Client({ connectionString: database.url });
    await watcher.connect();
    const results = { preau: [], bare: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      // Bare nodemailer pool, same pool size, everything handed over at once.
      await sink.count(true);
      const transport = nodemailer.createTransport({ pool: true, maxConnections: POOL, host: '127.0.0.1', port: sink.smtpPort, secure: false, ignoreTLS: true });
      let started = performance.now();
      await Promise.all(messages.map((mail) => transport.sendMail({ from: 'Préau <no-reply@preau.localhost>', ...mail })));
      const bareSeconds = (performance.now() - started) / 1000;
      transport.close();
      if ((await sink.count()) !== MAILS) throw new Error('baseline: not every mail arrived');
      results.bare.push(MAILS / bareSeconds);

      // Préau: createMailing, then wait for DONE.
      await sink.count(true);
      started = performance.now();
      const { createMailing } = await call(`mutation { createMailing(input: { kind: EMAIL, filter: { profiles: [RELATIVE] } }) { id total } }`);
      if (createMailing.total !== MAILS) throw new Error(`mailing of ${createMailing.total} accounts`);
      // Watch the status row directly (a GraphQL poll every few ms would itself load the server).
      for (;;) {
        const { rows } = await watcher.query('SELECT status FROM mailing WHERE id = $1', [createMailing.id]);
        if (rows[0].status === 'DONE' || rows[0].status === 'FAILED') break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const preauSeconds = (performance.now() - started) / 1000;
      const { mailing } = await call(`query ($id: ID!) { mailing(id: $id) { status sent failed } }`, { id: createMailing.id });
      if (mailing.sent !== MAILS || (await sink.count()) !== MAILS) throw new Error(`Préau: ${mailing.sent} sent, ${await sink.count()} received`);
      results.preau.push(MAILS / preauSeconds);
      console.log(`round ${round}: bare pool ${(MAILS / bareSeconds).toFixed(0)} mails/s (${bareSeconds.toFixed(2)} s) · Préau ${(MAILS / preauSeconds).toFixed(0)} mails/s (${preauSeconds.toFixed(2)} s)`);
    }
    const best = (list) => Math.max(...list);
    console.log(`\n${MAILS} mails, SMTP pool of ${POOL} connections (best of ${ROUNDS} rounds)`);
    console.log(`  bare nodemailer pool : ${best(results.bare).toFixed(0)} mails/s`);
    console.log(`  Préau campaign       : ${best(results.preau).toFixed(0)} mails/s (mutation → worker → status rows → SMTP)`);
    console.log(`  ratio Préau / bare   : ${(best(results.preau) / best(results.bare)).toFixed(2)} (goal ≥ 0.9)`);
    await watcher.end();
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    sink.stop();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
