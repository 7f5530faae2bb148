// bench/import: « Importer des utilisateurs » of a synthetic département in ONDE format (N pupils,
// 1.5 guardians a pupil, 125 pupils an école), dry run then « Appliquer » école by école through the
// imports module's own services (as `npm run admin -- import` does), against, in the same run, COPY
// of the same rows (accounts, logins, memberships, classes, class members, guardian links) into the
// same tables, with the same indexes and triggers, for écoles of their own. Then the identical second
// import (0 rows written is checked: row counts, app_user's xmin, and pg_stat_user_tables' inserts,
// updates and deletes of every directory table), and this process's peak RSS (run it with two --pupils values to
// compare: files are made one école at a time, so the peak should not grow with N).
//
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/import/run.mjs [--pupils 100000]
//   (node --expose-gc bench/import/run.mjs … --live-heap: the heap the import keeps, sampled as it goes)
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { dist, option } from '../support/bench-env.mjs';

const PUPILS = Number(option('pupils', 100_000));
const PER_SCHOOL = 125;
const SCHOOLS = Math.ceil(PUPILS / PER_SCHOOL);
const CLASSES_PER_SCHOOL = 5;

const base = process.env.DATABASE_URL;
if (!base) throw new Error('Les benchmarks utilisent DATABASE_URL (par exemple postgres://postgres@127.0.0.1:5432/postgres).');
const url = new URL(base);
url.pathname = `/preau_bench_import_${PUPILS}`;
process.env.DATABASE_URL = url.toString();
process.env.PREAU_DATA_DIR ??= '.data-bench';

const PUPILS_HEADER =
  "Nom élève;Nom d'usage élève;Prénom élève;Date naissance;Sexe;INE;Adresse1;Cp1;Commune1;Pays1;Adresse2;Cp2;Commune2;Pays2; Cycle;Niveau;Libellé classe;Identifiant classe;Attestation fournie;Autorisation associations;Autorisation photo;Décision de passage";
const GUARDIANS_HEADER =
  "Civilité Responsable;Nom usage responsable;Nom responsable;Prénom responsable;Adresse responsable;CP responsable;Commune responsable;Pays;Courriel;Téléphone domicile;Téléphone travail;Téléphone portable;Communication adresses;PCS;Nom d'usage élève;Nom de famille élève;Prénom élève;Classes élèves;Date de naissance élève";
const LAST = ['MARTIN', 'BERNARD', 'THOMAS', 'PETIT', 'ROBERT', 'RICHARD', 'DURAND', 'DUBOIS', 'MOREAU', 'LAURENT', "N'GUESSAN", 'LEFÈVRE', 'GARCÍA', 'DE LA FONTAINE'];
const FIRST = ['Léa', 'Hugo', 'Chloé', 'Noé', 'Inès', 'Tom', 'Zoé', 'Louis', 'Jade', 'Gabriel', 'Anaïs', 'Jules', 'Maëlle', 'Éloïse'];
const PARENT_FIRST = ['Marc', 'Sophie', 'Gaëlle', 'Koffi', 'Hélène', 'Jérôme', 'Aurélie', 'Cédric'];

/** The pupils and guardians of école `s`, the same at every call (its files are made when needed). */
function roster(s) {
  const pupils = [];
  const guardians = [];
  for (let i = 0; i < PER_SCHOOL && s * PER_SCHOOL + i < PUPILS; i++) {
    const n = s * PER_SCHOOL + i;
    const last = `${LAST[n % LAST.length]}${Math.floor(n / LAST.length) % 50 === 0 ? '' : ` ${String.fromCharCode(65 + (n % 26))}`}`;
    const klass = i % CLASSES_PER_SCHOOL;
    const pupil = {
      last,
      first: FIRST[(n * 7) % FIRST.length],
      birth: `${String(1 + (n % 28)).padStart(2, '0')}/${String(1 + (n % 12)).padStart(2, '0')}/${2014 + (n % 7)}`,
      ine: `${String(n).padStart(10, '0')}B`,
      className: `Classe ${klass + 1} école ${s}`,
      classId: `B${s}-${klass}`,
    };
    pupils.push(pupil);
    // 1.5 guardians a pupil: two for even pupils, one for odd ones.
    for (let g = 0; g < (i % 2 === 0 ? 2 : 1); g++) {
      guardians.push({ last, first: PARENT_FIRST[(n + g * 3) % PARENT_FIRST.length], email: g === 0 ? `parent.${n}.${g}@example.org` : '', mobile: g === 1 ? `06${String(n).padStart(8, '0')}` : '', child: pupil });
    }
  }
  return { pupils, guardians };
}

function files(s) {
  const { pupils, guardians } = roster(s);
  const pupilLines = pupils.map((p) => `${p.last};;${p.first};${p.birth};F;${p.ine};1 rue du Banc;26000;Valence;FRANCE;;;;;CYCLE II;CE1;${p.className};${p.classId};Non;Oui;Oui;`);
  const guardianLines = guardians.map(
    (g) => `Mme;;${g.last};${g.first};1 rue du Banc;26000;Valence;FRANCE;${g.email};;;${g.mobile};Oui;;;${g.child.last};${g.child.first};${g.child.className};${g.child.birth}`,
  );
  const bytes = (header, lines) => Buffer.from(`${[header, ...lines].join('\r\n')}\r\n`, 'latin1');
  return [
    { name: 'eleves.csv', bytes: bytes(PUPILS_HEADER, pupilLines) },
    { name: 'responsables.csv', bytes: bytes(GUARDIANS_HEADER, guardianLines) },
  ];
}

const TABLES = ['app_user', 'account_name', 'user_structure', 'class_member', 'relative_link', 'school_class'];
/** Every table an import writes directory data to (the session and its audit line aside). */
const DATA_TABLES = [...TABLES, 'import_address', 'import_class', 'import_absence', 'supervision_member', 'supervision_guardian', 'supervision_count'];
const BOOKKEEPING = ['import_session', 'audit_log'];
const rss = () => process.resourceUsage().maxRSS * 1024;
// With --live-heap (run node with --expose-gc), the heap still in use after a full collection every
// 50 écoles: what the import keeps, apart from the garbage the collector has not yet claimed (which
// makes the peak RSS). The forced collections lower that peak, so the flag is for its own runs.
const LIVE_HEAP = process.argv.includes('--live-heap');
if (LIVE_HEAP && !globalThis.gc) throw new Error('--live-heap needs node --expose-gc');
const heapSamples = [];
const liveHeap = () => {
  if (!LIVE_HEAP) return;
  globalThis.gc();
  heapSamples.push(process.memoryUsage().heapUsed);
};
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const { loadConfig } = dist('platform/config/config.js');
const { openDatabase } = dist('platform/database/database.js');
const { entities } = dist('app/entities.js');
const { migrations } = dist('migrations/index.js');
const { createServices } = dist('app/services.js');
const { EventBus } = dist('platform/pubsub/event-bus.js');
const { loadActor } = dist('platform/auth/actor-loader.js');
const { setLogLevel } = dist('platform/logging/logger.js');
setLogLevel('warn');

// A fresh database each run: the first import must create everything.
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${url.pathname.slice(1)} WITH (FORCE)`);
await admin.end();
const config = loadConfig();
const database = await openDatabase(config, { entities, migrations, poolSize: 4, applicationName: 'bench-import' });
const db = database.dataSource;
const events = await EventBus.start(database.url, db);
const services = createServices({ config, dataSource: db, events });

try {
  const [{ id: dep }] = await db.query(`INSERT INTO structure (kind, name) VALUES ('DEPARTEMENT', 'Département du banc') RETURNING id`);
  const schools = [];
  const copySchools = [];
  for (let c = 0; c * 20 < SCHOOLS; c++) {
    const [{ id: circo }] = await db.query(`INSERT INTO structure (kind, name, parent_id) VALUES ('CIRCONSCRIPTION', $1, $2) RETURNING id`, [`Circonscription ${c}`, dep]);
    for (let s = c * 20; s < Math.min(SCHOOLS, (c + 1) * 20); s++) {
      schools.push((await db.query(`INSERT INTO structure (kind, name, code, parent_id) VALUES ('ECOLE', $1, $2, $3) RETURNING id`, [`École ${s}`, `0260${String(s).padStart(4, '0')}B`, circo]))[0].id);
      copySchools.push((await db.query(`INSERT INTO structure (kind, name, code, parent_id) VALUES ('ECOLE', $1, $2, $3) RETURNING id`, [`École copiée ${s}`, `0261${String(s).padStart(4, '0')}C`, circo]))[0].id);
    }
  }
  const [{ id: operatorId }] = await db.query(
    `INSERT INTO app_user (profile, first_name, last_name, search_first, search_last, login, source) VALUES ('PERSONNEL', 'Banc', 'Opérateur', 'banc', 'operateur', 'banc.operateur', 'MANUAL') RETURNING id`,
  );
  await db.query(`INSERT INTO account_name (name, user_id, kind) VALUES ('banc.operateur', $1, 'LOGIN')`, [operatorId]);
  await db.query(`INSERT INTO admin_function (user_id, function) VALUES ($1, 'OPERATOR')`, [operatorId]);
  const actor = await loadActor(db, operatorId);
  const rowCounts = async () => Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, Number((await db.query(`SELECT count(*) AS n FROM ${t}`))[0].n)])));

  console.log(`\nbench/import — ${PUPILS.toLocaleString('en')} pupils, about ${(PUPILS * 1.5).toLocaleString('en')} guardians, ${SCHOOLS} écoles of ${PER_SCHOOL}`);

  /** Dry run and apply of every école in turn; the time of each half. */
  // Autovacuum's analyses, as a server with its default settings makes them while a département is
  // imported: a table is analysed once 50 + 10 % of its rows have changed since the last time
  // (autovacuum_analyze_threshold and _scale_factor), counted here on the accounts. An analysis
  // also makes each connection plan again the statements it keeps (foreign-key checks, triggers):
  // without it, plans made on the empty tables of the first écoles — a sequential scan of
  // app_user for each foreign-key check — stay, and each école costs more than the one before.
  // The PostgreSQL of these machines runs with autovacuum off, hence this. Their time is counted
  // in the import's (a server's own workers would run them beside it).
  const autoAnalyse = await db.query(`SELECT current_setting('autovacuum') = 'off' AS needed`).then(([row]) => row.needed);
  let analysedAt = 0;
  let analyses = 0;
  let analysing = 0;
  const analyseAsAutovacuum = async (accounts) => {
    if (!autoAnalyse || accounts - analysedAt < 50 + 0.1 * analysedAt) return;
    const t = performance.now();
    await db.query('ANALYZE');
    analysing += performance.now() - t;
    analyses += 1;
    analysedAt = accounts;
  };

  const importAll = async () => {
    let dry = 0;
    let apply = 0;
    const totals = { created: 0, modified: 0 };
    for (let s = 0; s < SCHOOLS; s++) {
      let t = performance.now();
      const id = await services.imports.dryRun(actor, schools[s], files(s));
      dry += performance.now() - t;
      t = performance.now();
      const outcome = await services.importApply.apply(actor, id, [], null, null);
      apply += performance.now() - t;
      totals.created += outcome.created;
      totals.modified += outcome.modified;
      t = performance.now();
      await analyseAsAutovacuum(totals.created);
      apply += performance.now() - t;
      if (s % 50 === 49) {
        process.stderr.write(`  … ${s + 1}/${SCHOOLS} écoles\n`);
        liveHeap();
      }
    }
    return { dry, apply, total: dry + apply, ...totals };
  };

  const before = await rowCounts();
  const first = await importAll();
  const afterFirst = await rowCounts();
  const rssFirst = rss();
  const written = Object.fromEntries(TABLES.map((t) => [t, afterFirst[t] - before[t]]));

  // Baseline: the same rows, COPY'd into the same tables for the copy écoles.
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const copy = async (sql, rows) => pipeline(Readable.from(rows()), client.query(copyStreams.from(sql)));
  const esc = (v) => (v === null || v === undefined || v === '' ? '\\N' : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t'));
  const line = (cells) => `${cells.map(esc).join('\t')}\n`;
  const t0 = performance.now();
  await client.query('BEGIN');
  const copyClassIds = (await client.query(
    `INSERT INTO school_class (school_id, name, levels) SELECT s.id, 'Classe ' || k || ' copie', '{CE1}' FROM unnest($1::uuid[]) s(id), generate_series(1, ${CLASSES_PER_SCHOOL}) k RETURNING id, school_id`,
    [copySchools],
  )).rows;
  const classesOf = new Map();
  for (const row of copyClassIds) classesOf.set(row.school_id, [...(classesOf.get(row.school_id) ?? []), row.id]);
  // Ids made here (gen_random_uuid would need a round trip per row to link them).
  const { randomUUID } = await import('node:crypto');
  const users = [];
  const members = [];
  const links = [];
  for (let s = 0; s < SCHOOLS; s++) {
    const { pupils, guardians } = roster(s);
    const ids = new Map();
    pupils.forEach((p, i) => {
      const id = randomUUID();
      ids.set(p, id);
      users.push([id, 'STUDENT', p.first, p.last, `c.${s}.${i}`, null, null, `${p.ine.slice(0, -1)}C`, copySchools[s]]);
      members.push([classesOf.get(copySchools[s])[i % CLASSES_PER_SCHOOL], id]);
    });
    guardians.forEach((g, i) => {
      const id = randomUUID();
      users.push([id, 'RELATIVE', g.first, g.last, `c.${s}.g${i}`, g.email || null, g.mobile || null, null, copySchools[s]]);
      links.push([id, ids.get(g.child)]);
    });
  }
  await copy(
    'COPY app_user (id, profile, first_name, last_name, search_first, search_last, login, email, mobile, external_id, source) FROM STDIN',
    function* () {
      for (const u of users) yield line([u[0], u[1], u[2], u[3], u[2].toLowerCase(), u[3].toLowerCase(), u[4], u[5], u[6], u[7], 'ONDE_CSV']);
    },
  );
  await copy('COPY account_name (name, user_id, kind) FROM STDIN', function* () {
    for (const u of users) yield line([u[4], u[0], 'LOGIN']);
  });
  await copy('COPY user_structure (user_id, structure_id) FROM STDIN', function* () {
    for (const u of users) yield line([u[0], u[8]]);
  });
  await copy('COPY class_member (class_id, user_id) FROM STDIN', function* () {
    for (const m of members) yield line(m);
  });
  await copy('COPY relative_link (relative_id, student_id) FROM STDIN', function* () {
    for (const l of links) yield line(l);
  });
  await client.query('COMMIT');
  const baseline = performance.now() - t0;
  await client.end();
  const afterCopy = await rowCounts();
  const copied = Object.fromEntries(TABLES.map((t) => [t, afterCopy[t] - afterFirst[t]]));

  // The identical second import: 0 created, 0 modified, no row written. A real one comes weeks
  // later, once autovacuum has analysed the tables the first filled: so here too.
  await db.query('ANALYZE');
  // Rows inserted, updated or deleted per table (pg_stat_user_tables): a backend reports its counts
  // at most 10 s after it goes idle, so the counts are read once every connection has been idle longer.
  const settled = () => new Promise((resolve) => setTimeout(resolve, 11_000));
  const tupleWrites = async () =>
    Object.fromEntries(
      (await db.query(`SELECT relname, n_tup_ins + n_tup_upd + n_tup_del AS n FROM pg_stat_user_tables WHERE relname = ANY($1)`, [[...DATA_TABLES, ...BOOKKEEPING]])).map((r) => [r.relname, Number(r.n)]),
    );
  const xmin = async () => (await db.query(`SELECT sum(xmin::text::bigint)::text AS x FROM app_user`))[0].x;
  await settled();
  const writesBefore = await tupleWrites();
  const stamp = await xmin();
  const second = await importAll();
  await settled();
  const writesAfter = await tupleWrites();
  const writes = Object.fromEntries([...DATA_TABLES, ...BOOKKEEPING].map((t) => [t, (writesAfter[t] ?? 0) - (writesBefore[t] ?? 0)]));
  const dataWrites = DATA_TABLES.reduce((sum, t) => sum + writes[t], 0);
  const afterSecond = await rowCounts();
  const unchanged = TABLES.every((t) => afterSecond[t] === afterCopy[t]) && (await xmin()) === stamp && dataWrites === 0;

  const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`  rows written by the import: ${JSON.stringify(written)}`);
  console.log(`  rows written by COPY:       ${JSON.stringify(copied)}`);
  console.log(`  first import:  ${s(first.total)} (dry runs ${s(first.dry)}, applies ${s(first.apply)}), ${first.created.toLocaleString('en')} accounts created`);
  if (autoAnalyse) console.log(`  autovacuum is off on this server: ${analyses} ANALYZE as autovacuum would have made them during the first import, ${s(analysing)} counted in its applies`);
  console.log(`  COPY baseline: ${s(baseline)}`);
  console.log(`  ratio (COPY time / import time, goal ≥ 0.5): ${(baseline / first.total).toFixed(3)}×`);
  console.log(`  second import: ${s(second.total)} (dry runs ${s(second.dry)}, applies ${s(second.apply)}), created ${second.created}, modified ${second.modified}, rows unchanged: ${unchanged}`);
  console.log(`  second import, rows inserted + updated + deleted (pg_stat_user_tables): ${dataWrites} in the directory tables ${JSON.stringify(Object.fromEntries(DATA_TABLES.map((t) => [t, writes[t]])))}; bookkeeping ${JSON.stringify(Object.fromEntries(BOOKKEEPING.map((t) => [t, writes[t]])))}`);
  console.log(`  second / first (goal ≤ 0.2): ${(second.total / first.total).toFixed(3)}×`);
  console.log(`  peak RSS: ${mb(rssFirst)} after the first import (before the COPY baseline builds its rows in memory), ${mb(rss())} at the end`);
  if (LIVE_HEAP) console.log(`  live heap after a full collection, every 50 écoles: ${heapSamples.map(mb).join(', ')}`);
  if (!unchanged || second.created || second.modified) process.exitCode = 1;
} finally {
  await events.close();
  await db.destroy();
}
