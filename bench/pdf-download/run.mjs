// bench/pdf-download: peak RSS of the server while a large merged PDF (150 MB by default, about what
// 40,000 letters weigh) is downloaded. Préau's built server (the PDF read one 1 MB row at a time and
// written with backpressure) side by side, in the same run, with the baseline of the old download
// (buffered-server.mjs: the whole document as one bytea value in one Buffer). Each is a fresh
// process; its peak is the kernel's high-water mark (VmHWM) after the download.
//
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/pdf-download/run.mjs [--mb 150]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { dist, freePort, option, root, signIn } from '../support/bench-env.mjs';

const MB = Number(option('mb', 150));
const KEY = 'd'.repeat(64);
const PASSWORD = 'Bench-Password-2026';
const { openScratchDatabase } = dist('platform/database/scratch-database.js');
const { hashPassword } = dist('platform/auth/password-hasher.js');

const kb = (pid, field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'latin1'))[1]);
const mib = (kib) => `${(kib / 1024).toFixed(0)} MB`;

async function start(script, env) {
  const port = await freePort();
  const child = spawn(process.execPath, [script], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.status < 500) break;
    } catch {}
    if (tries > 300) throw new Error(`${script} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, pid: child.pid, stop: () => new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM')) };
}

/** Downloads `path` reading as fast as it comes; returns the byte count and the server's peak RSS. */
async function measure(server, path, cookie) {
  const idle = kb(server.pid, 'VmRSS');
  const started = performance.now();
  const response = await fetch(`${server.url}${path}`, { headers: cookie ? { cookie } : {} });
  if (response.status !== 200) throw new Error(`download: ${response.status} ${await response.text()}`);
  let bytes = 0;
  for await (const chunk of response.body) bytes += chunk.length;
  return { bytes, idle, peak: kb(server.pid, 'VmHWM'), seconds: (performance.now() - started) / 1000 };
}

async function main() {
  const database = await openScratchDatabase('preau_bench_pdf_download');
  const dataDir = mkdtempSync(join(tmpdir(), 'preau-bench-pdf-download-'));
  const env = { DATABASE_URL: database.url, PREAU_DATA_DIR: dataDir, PREAU_SECRET_KEY: KEY, DEMO_DATA: 'false', LOG_LEVEL: 'warn' };
  let preau;
  try {
    preau = await start(join(root, 'dist/server/main.js'), env); // migrates the scratch database
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const director = (
      await client.query(
        `INSERT INTO app_user (profile, first_name, last_name, search_first, search_last, login, password_hash, activated_at, source)
         VALUES ('TEACHER', 'Directrice', 'Banc', 'directrice', 'banc', 'directrice.banc', $1, now(), 'MANUAL') RETURNING id`,
        [await hashPassword(PASSWORD)],
      )
    ).rows[0].id;
    await client.query(`INSERT INTO account_name (name, user_id, kind) VALUES ('directrice.banc', $1, 'LOGIN')`, [director]);
    const mailing = (
      await client.query(`INSERT INTO mailing (kind, layout, created_by_id, total, status, queued_at) VALUES ('PDF', 'ONE_PER_PAGE', $1, 40000, 'DONE', now()) RETURNING id`, [director])
    ).rows[0].id;
    // MB rows of 1 MiB of varied bytes (md5 hex decoded), as the runner writes them.
    await client.query(
      `INSERT INTO mailing_document_chunk (mailing_id, seq, data)
       SELECT $1, g, decode(string_agg(md5(g::text || ':' || i::text), '' ORDER BY i), 'hex') FROM generate_series(0, $2 - 1) g, generate_series(1, 65536) i GROUP BY g`,
      [mailing, MB],
    );
    await client.query(`INSERT INTO mailing_document (mailing_id, byte_size, chunks) VALUES ($1, $2, $3)`, [mailing, MB * 1024 * 1024, MB]);
    await client.end();
    const path = `/telechargements/publipostage/${mailing}.pdf`;

    const after = await measure(preau, path, await signIn(preau.url, 'directrice.banc', PASSWORD));
    await preau.stop();
    preau = undefined;
    const baselineServer = await start(join(root, 'bench/pdf-download/buffered-server.mjs'), env);
    const before = await measure(baselineServer, path);
    await baselineServer.stop();
    if (before.bytes !== after.bytes || after.bytes !== MB * 1024 * 1024) throw new Error(`sizes differ: ${before.bytes} / ${after.bytes}`);

    console.log(`\nDownload of a ${MB} MB mailing PDF, peak RSS of the serving process (VmHWM; idle RSS before the download)`);
    console.log(`  before (one bytea → one Buffer) : ${mib(before.peak)} (idle ${mib(before.idle)}), ${before.seconds.toFixed(2)} s`);
    console.log(`  after  (1 MB rows, backpressure): ${mib(after.peak)} (idle ${mib(after.idle)}), ${after.seconds.toFixed(2)} s`);
    console.log(`  ratio after / before            : ${(after.peak / before.peak).toFixed(2)} (growth over idle: ${((after.peak - after.idle) / (before.peak - before.idle)).toFixed(3)})`);
  } finally {
    await preau?.stop();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
