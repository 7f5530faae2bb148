// bench/pdf: connection sheets (« Fiches de connexion ») through the real PDF pipeline — renderer,
// Chromium, streaming merge (documents/pdf-merge/) — from synthetic accounts generated in
// memory (no database): accounts per second and peak memory (RSS of this Node process plus
// Chromium's whole process tree, sampled every 100 ms by memory-sampler.mjs; PSS every second) for
// 10,000 and 40,000 accounts × 1, 2 and 8 per page. Side by side, in the same
// run and the same Chromium, the common approach: the 10,000 accounts (8 per page) as one HTML
// document printed by a single page.pdf call. Goals: ≥ 700 accounts/s at 8 per page for 40,000,
// ≥ 5× the monolithic call, peak memory under 2 GB. The full run takes about 10 minutes.
//
//   npm run build && node bench/pdf/run.mjs [--accounts 10000,40000] [--layouts 1,2,8]
//        [--pages-per-chunk 200] [--concurrency 2] [--monolithic 10000|0] [--out dir] [--qr inline]
//
// --qr inline prints the cards' QR codes as Chromium images, as letters have them, instead of
// drawing them onto the PDF afterwards (documents/qr-stamp/card-qr-stamp.ts): what the stamping buys.
// --out keeps the PDFs for a look; PREAU_SERVER_DIST points at another build of server/src (for
// example one made with `tsc --outDir`, templates copied next to it).
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { option, root } from '../support/bench-env.mjs';

const require = createRequire(import.meta.url);
const serverDist = resolve(process.env.PREAU_SERVER_DIST || join(root, 'dist/server'));
const server = (path) => require(join(serverDist, path));
const { SheetPrinter, DEFAULT_PAGES_PER_CHUNK, DEFAULT_CONCURRENCY } = server('documents/sheet-printer.js');
if (option('qr', 'stamped') === 'inline') {
  // Bench-only: the printer asks this export (through the module object) whether to stamp.
  server('documents/sheet-renderer.js').qrStampedOn = () => false;
}
const { renderHtml } = server('documents/sheet-renderer.js');
const { SheetLayout, SHEETS_PER_PAGE } = server('documents/connection-sheet.js');

const list = (raw) => String(raw).split(',').filter(Boolean).map(Number);
const ACCOUNTS = list(option('accounts', '10000,40000'));
const LAYOUTS = list(option('layouts', '1,2,8')).map(
  (n) => ({ 1: SheetLayout.ONE_PER_PAGE, 2: SheetLayout.TWO_PER_PAGE, 8: SheetLayout.EIGHT_PER_PAGE })[n],
);
const PAGES_PER_CHUNK = Number(option('pages-per-chunk', DEFAULT_PAGES_PER_CHUNK));
const CONCURRENCY = Number(option('concurrency', DEFAULT_CONCURRENCY));
const MONOLITHIC = Number(option('monolithic', 10000));
const OUT = option('out', undefined);

// Each run starts from a collected heap, so that its peak is its own and not the garbage of the
// run before (V8 collects lazily; a long-lived server's heap is reused the same way).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc');
const PUBLIC_URL = 'https://ent.ecole-exemple.fr';

// ---- Synthetic accounts: deterministic, realistic lengths and mix (pupils, parents, teachers) ----
const FIRST = ['Marie', 'Lucas', 'Emma', 'Naël', 'Léa', 'Hugo', 'Chloé', 'Louis', 'Inès', 'Gabriel', 'Jade', 'Raphaël', 'Zoé', 'Arthur', 'Lou', 'Maël', 'Anne-Sophie', 'Jean-Baptiste'];
const LAST = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Lefèvre', "N'Diaye", 'Da Silva', 'Fontaine-Dupré', 'Rousseau', 'Bonnet'];
const CLASSES = ['CP A', 'CP B', 'CE1 A', 'CE1 B', 'CE2 A', 'CM1 A', 'CM1 B', 'CM2 A'];
const PROFILES = ['STUDENT', 'STUDENT', 'STUDENT', 'STUDENT', 'STUDENT', 'STUDENT', 'RELATIVE', 'RELATIVE', 'RELATIVE', 'TEACHER'];
const CODE_ALPHABET = 'abcdefghjkmnprstvwxyz3456789';
const ascii = (text) => text.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();

function syntheticSheet(i) {
  const first = FIRST[i % FIRST.length];
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
  const profile = PROFILES[i % PROFILES.length];
  let seed = (i * 2654435761) >>> 0;
  let code = '';
  for (let k = 0; k < 8; k++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    code += CODE_ALPHABET[(seed >>> 16) % CODE_ALPHABET.length];
  }
  const child = (k) => `${FIRST[(i + k + 3) % FIRST.length]} ${last.toUpperCase()}`;
  return {
    firstName: first,
    lastName: last,
    profile,
    login: `${ascii(first)}.${ascii(last)}${i}`,
    activationCode: i % 50 === 49 ? null : code, // a few activated accounts
    classes: profile === 'RELATIVE' ? [CLASSES[i % 8], CLASSES[(i + 3) % 8]] : [CLASSES[i % 8]],
    children: profile === 'RELATIVE' ? [child(1), child(2)] : [],
    school: 'École élémentaire Jules Ferry',
  };
}
const loader = async (offset, limit) => Array.from({ length: limit }, (_, k) => syntheticSheet(offset + k));

// ---- Memory: this process and all its descendants (Chromium's browser, renderers, utilities) ----
// Sampled by a child process (memory-sampler.mjs), off this event loop.
const sampler = fork(join(import.meta.dirname, 'memory-sampler.mjs'));
/** The sampler's next message holding `key`; rejects if the sampler dies first. */
const fromSampler = (key) =>
  new Promise((resolve, reject) => {
    const onMessage = (message) => {
      if (!(key in message)) return;
      sampler.off('message', onMessage).off('exit', onExit);
      resolve(message);
    };
    const onExit = (code) => reject(new Error(`memory-sampler.mjs exited (${code}) before answering`));
    sampler.on('message', onMessage).once('exit', onExit);
  });

async function measure(work) {
  const started = fromSampler('started');
  sampler.send({ start: process.pid });
  await started;
  const began = performance.now();
  const outcome = await work().then((pdf) => ({ pdf }), (error) => ({ error }));
  const seconds = (performance.now() - began) / 1000;
  const peaks = fromSampler('peakRss');
  sampler.send({ stop: true });
  const { peakRss, peakPss } = await peaks;
  if (outcome.error) throw outcome.error;
  return { seconds, peak: peakRss, peakPss, pdf: outcome.pdf };
}

/** Pages of a PDF written without object streams: one "/Type /Page" dictionary each. */
const countPages = (pdf) => (Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const printer = new SheetPrinter({ publicUrl: PUBLIC_URL, pagesPerChunk: PAGES_PER_CHUNK, concurrency: CONCURRENCY });
const rows = [];
try {
  await printer.print(SheetLayout.EIGHT_PER_PAGE, 16, loader); // launch Chromium and warm up (not measured)
  if (OUT) mkdirSync(OUT, { recursive: true });
  for (const accounts of ACCOUNTS) {
    for (const layout of LAYOUTS) {
      collectGarbage();
      const { pdf, ...result } = await measure(() => printer.print(layout, accounts, loader));
      const pages = countPages(pdf);
      const expected = Math.ceil(accounts / SHEETS_PER_PAGE[layout]);
      if (pages !== expected) throw new Error(`${layout} × ${accounts}: ${pages} pages, ${expected} attendues`);
      // Only the figures are kept: the PDFs of earlier runs (up to 150 MB each) held in this process
      // counted in the peak memory of every later run.
      rows.push({ what: `chunked, ${SHEETS_PER_PAGE[layout]} per page`, layout, accounts, pages, ...result, size: pdf.length });
      console.log(`  ${rows.at(-1).what} × ${accounts}: ${result.seconds.toFixed(1)} s`);
      if (OUT) writeFileSync(join(OUT, `sheets-${SHEETS_PER_PAGE[layout]}-${accounts}.pdf`), pdf);
    }
  }
  if (MONOLITHIC > 0) {
    collectGarbage();
    // The common approach: the whole job as one HTML document and a single page.pdf call, the QR
    // codes inline as images (the same sheets as the pipeline's, where they are drawn afterwards).
    const { pdf, ...result } = await measure(async () => {
      const html = renderHtml(SheetLayout.EIGHT_PER_PAGE, await loader(0, MONOLITHIC), { publicUrl: PUBLIC_URL });
      return printer.printHtml(html);
    });
    rows.push({ what: 'monolithic page.pdf, 8 per page', layout: SheetLayout.EIGHT_PER_PAGE, accounts: MONOLITHIC, pages: countPages(pdf), ...result, size: pdf.length, monolithic: true });
    console.log(`  ${rows.at(-1).what} × ${MONOLITHIC}: ${result.seconds.toFixed(1)} s`);
  }
} finally {
  await printer.close();
  sampler.disconnect();
}

console.log(`\nbench/pdf — ${PAGES_PER_CHUNK} pages per chunk, ${CONCURRENCY} tab(s), cards' QR codes ${option('qr', 'stamped')}, Chromium ${process.env.CHROMIUM_PATH || '/usr/bin/chromium'}`);
const header = ['pipeline', 'accounts', 'pages', 'seconds', 'accounts/s', 'peak RSS sum', 'peak PSS sum', 'PDF size'];
const table = rows.map((r) => [r.what, String(r.accounts), String(r.pages), r.seconds.toFixed(1), (r.accounts / r.seconds).toFixed(0), mb(r.peak), mb(r.peakPss), mb(r.size)]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) => '  ' + cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const row of table) console.log(line(row));

const rate = (r) => r.accounts / r.seconds;
const eight = (n) => rows.find((r) => !r.monolithic && r.layout === SheetLayout.EIGHT_PER_PAGE && r.accounts === n);
const mono = rows.find((r) => r.monolithic);
const chunked = rows.filter((r) => !r.monolithic);
const peak = Math.max(...chunked.map((r) => r.peak));
const peakPss = Math.max(...chunked.map((r) => r.peakPss));
const verdict = (ok) => (ok ? 'ok' : 'NOT MET');
console.log('');
if (eight(40000)) console.log(`  8 per page × 40,000: ${rate(eight(40000)).toFixed(0)} accounts/s (goal ≥ 700): ${verdict(rate(eight(40000)) >= 700)}`);
if (mono && eight(mono.accounts)) {
  const ratio = rate(eight(mono.accounts)) / rate(mono);
  console.log(`  chunked / monolithic at ${mono.accounts}, 8 per page: ${ratio.toFixed(1)}× (goal ≥ 5×): ${verdict(ratio >= 5)}`);
}
if (chunked.length) {
  console.log(`  peak memory of the chunked runs, RSS summed over Node + Chromium: ${mb(peak)} (goal < 2048 MB): ${verdict(peak < 2 * 1024 ** 3)}; PSS summed: ${mb(peakPss)}`);
}
console.log(`  load average at the end: ${loadavg().map((n) => n.toFixed(2)).join(' ')} on ${cpus().length} cores (other work on the machine slows every figure)`);
