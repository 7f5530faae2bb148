// bench/supervision: the « Tableau de bord » of a département admin (every école) and of an ERUN (one
// circonscription) over GraphQL, read from the counts the triggers keep (supervision_count, and
// supervision_total for the totals), against the same figures computed in the same run by one GROUP
// BY over the base tables (COUNT(DISTINCT) for the totals, a person of several écoles once). The
// bench checks that both give identical numbers for every école, every circonscription's total and
// the view's total before printing the ratio.
//
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/supervision/run.mjs [--users 1000000] [--totals-check no]
//
// `--totals-check no` skips the département's COUNT(DISTINCT) of the totals (7–8 min on the million
// accounts), for a run that only times the dashboard again; the ERUN's totals are still checked.
import pg from 'pg';
import { benchDatabase, dist, fmt, graphqlCaller, option, percentile, signIn, startServer } from '../support/bench-env.mjs';

const USERS = Number(option('users', 1_000_000));
const RUNS = Number(option('runs', 20));
const TOTALS_CHECK = option('totals-check', 'yes') !== 'no';
const FIELDS = [
  'students', 'studentsActivated', 'relatives', 'relativesActivated', 'teachers', 'teachersActivated', 'personnel', 'personnelActivated',
  'guests', 'guestsActivated', 'pupilsCovered', 'pupilsWithoutGuardian', 'relativesWithoutEmail', 'blocked', 'predeleted', 'pendingReports',
  'absentFromFile', 'renewalCodesExpired',
];
const QUERY = `{ supervision { updatedAt ecoles { id ${FIELDS.join(' ')} } circonscriptions { id ${FIELDS.join(' ')} } total { id ${FIELDS.join(' ')} } } }`;

/**
 * The kept counts as aggregates over the accounts' rows (`what` counted: `*`, or each person once),
 * for both baselines; `covered` and `withoutGuardian` say how each one knows a pupil's guardians.
 */
function countsSql(what, { covered, withoutGuardian }) {
  return [
    ['students', "profile = 'STUDENT'"], ['studentsActivated', "profile = 'STUDENT' AND activated"],
    ['relatives', "profile = 'RELATIVE'"], ['relativesActivated', "profile = 'RELATIVE' AND activated"],
    ['teachers', "profile = 'TEACHER'"], ['teachersActivated', "profile = 'TEACHER' AND activated"],
    ['personnel', "profile = 'PERSONNEL'"], ['personnelActivated', "profile = 'PERSONNEL' AND activated"],
    ['guests', "profile = 'GUEST'"], ['guestsActivated', "profile = 'GUEST' AND activated"],
    ['pupilsCovered', `profile = 'STUDENT' AND ${covered}`], ['pupilsWithoutGuardian', `profile = 'STUDENT' AND ${withoutGuardian}`],
    ['relativesWithoutEmail', "profile = 'RELATIVE' AND no_email"], ['blocked', 'blocked'],
  ]
    .map(([name, condition]) => `count(${what}) FILTER (WHERE NOT predeleted AND ${condition})::int AS "${name}"`)
    .concat(`count(${what}) FILTER (WHERE predeleted)::int AS predeleted`)
    .join(', ');
}

/** The same figures, one GROUP BY over memberships and accounts of the écoles under $1. */
const BASELINE = `
  WITH ecoles AS (SELECT e.id FROM structure e JOIN structure_ancestor sa ON sa.structure_id = e.id WHERE sa.ancestor_id = $1 AND e.kind = 'ECOLE'),
  reports AS (SELECT s.id, count(*)::int AS n FROM report r CROSS JOIN LATERAL unnest(r.structure_ids) s(id) WHERE r.status = 'PENDING' GROUP BY s.id)
  SELECT e.id, COALESCE(r.n, 0) AS "pendingReports", k.*,
         (SELECT count(*) FROM import_absence a JOIN user_structure us ON us.user_id = a.user_id AND us.structure_id = e.id
            JOIN app_user u ON u.id = a.user_id WHERE a.school_id = e.id AND u.predeleted_at IS NULL)::int AS "absentFromFile",
         (SELECT count(DISTINCT u.id) FROM user_structure us JOIN app_user u ON u.id = us.user_id JOIN renewal_code c ON c.user_id = u.id
           WHERE us.structure_id = e.id AND u.predeleted_at IS NULL AND c.purpose = 'ADMIN' AND c.used_at IS NULL AND c.revoked_at IS NULL
             AND c.expires_at <= now())::int AS "renewalCodesExpired"
    FROM ecoles e LEFT JOIN reports r ON r.id = e.id LEFT JOIN LATERAL (
      SELECT ${countsSql('*', { covered: 'covered', withoutGuardian: 'NOT has_guardian' })}
        FROM (SELECT u.profile, u.predeleted_at IS NOT NULL AS predeleted, u.password_hash IS NOT NULL AS activated,
                     COALESCE(u.email, '') = '' AS no_email,
                     u.blocked_at IS NOT NULL AND (u.blocked_until IS NULL OR u.blocked_until > now()) AS blocked,
                     EXISTS (SELECT 1 FROM relative_link l JOIN app_user g ON g.id = l.relative_id WHERE l.student_id = u.id AND g.predeleted_at IS NULL) AS has_guardian,
                     EXISTS (SELECT 1 FROM relative_link l JOIN app_user g ON g.id = l.relative_id
                              WHERE l.student_id = u.id AND g.predeleted_at IS NULL AND g.password_hash IS NOT NULL) AS covered
                FROM user_structure us JOIN app_user u ON u.id = us.user_id WHERE us.structure_id = e.id) m
    ) k ON TRUE`;

/** The totals of structures $1 (circonscriptions, a département): each person of their écoles once. */
const TOTALS_BASELINE = `
  WITH a AS (SELECT unnest($1::uuid[]) AS id),
  ecoles AS (SELECT a.id AS ancestor_id, e.id FROM a JOIN structure_ancestor sa ON sa.ancestor_id = a.id JOIN structure e ON e.id = sa.structure_id AND e.kind = 'ECOLE'),
  m AS (SELECT e.ancestor_id, u.id AS user_id, u.profile, u.predeleted_at IS NOT NULL AS predeleted, u.password_hash IS NOT NULL AS activated,
               COALESCE(u.email, '') = '' AS no_email, u.blocked_at IS NOT NULL AND (u.blocked_until IS NULL OR u.blocked_until > now()) AS blocked
          FROM ecoles e JOIN user_structure us ON us.structure_id = e.id JOIN app_user u ON u.id = us.user_id),
  guardians AS (SELECT l.student_id, bool_or(g.password_hash IS NOT NULL) AS covered FROM relative_link l JOIN app_user g ON g.id = l.relative_id
                 WHERE g.predeleted_at IS NULL GROUP BY l.student_id)
  SELECT a.id, k.*,
         (SELECT count(DISTINCT r.id) FROM report r CROSS JOIN LATERAL unnest(r.structure_ids) s(id)
           WHERE r.status = 'PENDING' AND s.id IN (SELECT e.id FROM ecoles e WHERE e.ancestor_id = a.id))::int AS "pendingReports",
         (SELECT count(DISTINCT x.user_id) FROM import_absence x JOIN user_structure us ON us.user_id = x.user_id AND us.structure_id = x.school_id
            JOIN app_user u ON u.id = x.user_id WHERE x.school_id IN (SELECT e.id FROM ecoles e WHERE e.ancestor_id = a.id) AND u.predeleted_at IS NULL)::int AS "absentFromFile",
         (SELECT count(DISTINCT m.user_id) FROM m JOIN renewal_code c ON c.user_id = m.user_id
           WHERE m.ancestor_id = a.id AND NOT m.predeleted AND c.purpose = 'ADMIN' AND c.used_at IS NULL AND c.revoked_at IS NULL AND c.expires_at <= now())::int AS "renewalCodesExpired"
    FROM a LEFT JOIN LATERAL (
      SELECT ${countsSql('DISTINCT m.user_id', { covered: 'g.covered', withoutGuardian: 'g.student_id IS NULL' })}
        FROM m LEFT JOIN guardians g ON g.student_id = m.user_id WHERE m.ancestor_id = a.id
    ) k ON TRUE`;

/** The floor of any console request: HTTP, the session's actor (cached), parsing, validation, pricing. */
const FLOOR_QUERY = '{ me { id } }';

const db = await benchDatabase(USERS);
dist('../../node_modules/reflect-metadata/Reflect.js');
const { createDataSource } = dist('platform/database/data-source.js');
const { loadActor } = dist('platform/auth/actor-loader.js');
const { SupervisionService } = dist('modules/supervision/supervision.service.js');
// The service in this process on its own connections: its SQL and row building without HTTP or GraphQL.
const serviceSource = createDataSource({ url: db.url, entities: [], migrations: [] });
await serviceSource.initialize();
const service = new SupervisionService(serviceSource);
const { DEMO_PASSWORD } = dist('demo/demo-loader.js');
const pool = new pg.Pool({ connectionString: db.url, max: 2 });
// The seed hands out no renewal code and runs no import: one account in 100 gets a code (expired
// unused, used, revoked or still valid, in turn) and one pupil in 300 is marked absent from its
// école's file, so that those two figures are compared on something. Taken back at the end.
await pool.query(`DELETE FROM renewal_code WHERE code_hash = 'bench-supervision'`);
await pool.query(
  `INSERT INTO renewal_code (user_id, code_hash, purpose, expires_at, used_at, revoked_at)
   SELECT u.id, 'bench-supervision', 'ADMIN', now() + CASE WHEN u.n / 100 % 4 = 3 THEN interval '1 day' ELSE interval '-1 day' END,
          CASE WHEN u.n / 100 % 4 = 1 THEN now() END, CASE WHEN u.n / 100 % 4 = 2 THEN now() END
     FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM app_user) u WHERE u.n % 100 = 0`,
);
const absent = (
  await pool.query(
    `INSERT INTO import_absence (user_id, school_id)
     SELECT m.user_id, m.structure_id FROM (
       SELECT us.user_id, us.structure_id, row_number() OVER (ORDER BY us.user_id) AS n
         FROM user_structure us JOIN app_user u ON u.id = us.user_id JOIN structure s ON s.id = us.structure_id
        WHERE u.profile = 'STUDENT' AND s.kind = 'ECOLE') m
      WHERE m.n % 300 = 0
     ON CONFLICT (user_id) DO NOTHING RETURNING user_id`,
  )
).rows.map((row) => row.user_id);
await pool.query('ANALYZE renewal_code');
await pool.query('ANALYZE import_absence');
const server = await startServer(db.env);
try {
  console.log(`\nbench/supervision — ${USERS.toLocaleString('en')} accounts; ${RUNS} runs each after 3 warm-up; p50 / p95`);
  for (const role of ['CIRCONSCRIPTION_ADMIN', 'DEPARTEMENT_ADMIN']) {
    // The demo's first admin of that kind (demo-accounts.ts would also decrypt codes with the seeding key).
    const [{ id: userId, login, root }] = (
      await pool.query(`SELECT u.id, u.login, f.structure_id AS root FROM admin_function f JOIN app_user u ON u.id = f.user_id WHERE f.function = $1 ORDER BY u.login LIMIT 1`, [role])
    ).rows;
    const actor = await loadActor(serviceSource, userId);
    const call = graphqlCaller(server.url, await signIn(server.url, login, DEMO_PASSWORD));
    const measure = async (runs, operation, warmUp = 3) => {
      for (let i = 0; i < warmUp; i++) await operation();
      const latencies = [];
      let last;
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        last = await operation();
        latencies.push(performance.now() - t);
      }
      latencies.sort((a, b) => a - b);
      return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), last };
    };
    const dashboard = await measure(RUNS, () => call(QUERY));
    const floor = await measure(RUNS, () => call(FLOOR_QUERY));
    const inProcess = await measure(RUNS, () => service.dashboard(actor, null));
    // The GROUP BY reads every membership of the scope: fewer runs for the département.
    const baseline = await measure(role === 'DEPARTEMENT_ADMIN' ? Math.min(RUNS, 5) : RUNS, () => pool.query(BASELINE, [root]).then((r) => r.rows));
    const expected = new Map(baseline.last.map((row) => [row.id, row]));
    const rows = dashboard.last.supervision.ecoles;
    let mismatches = 0;
    for (const row of rows) {
      const other = expected.get(row.id);
      for (const field of FIELDS) {
        if (other && Number(other[field]) === row[field]) continue;
        if (mismatches++ < 10) console.log(`    differs: école ${row.id} ${field}: dashboard ${row[field]}, GROUP BY ${other?.[field]}`);
      }
    }
    if (rows.length !== expected.size || mismatches > 0) throw new Error(`${role}: ${mismatches} figures differ (${rows.length} rows against ${expected.size})`);
    // The totals: the view's (the ERUN's circonscription, the département) and each circonscription's.
    const view = dashboard.last.supervision;
    const totalRows = [view.total, ...view.circonscriptions.filter((row) => row.id !== view.total?.id)];
    if (!view.total || view.total.id !== root) throw new Error(`${role}: the total is not the root's (${view.total?.id} against ${root})`);
    // Not in the ratio, a check: once, no warm-up, for the département (minutes over the million).
    const checkTotals = TOTALS_CHECK || role !== 'DEPARTEMENT_ADMIN';
    const totalsBaseline = checkTotals
      ? await measure(
          role === 'DEPARTEMENT_ADMIN' ? 1 : RUNS,
          () => pool.query(TOTALS_BASELINE, [totalRows.map((row) => row.id)]).then((r) => r.rows),
          role === 'DEPARTEMENT_ADMIN' ? 0 : 3,
        )
      : null;
    const expectedTotals = new Map((totalsBaseline?.last ?? []).map((row) => [row.id, row]));
    for (const row of checkTotals ? totalRows : []) {
      const other = expectedTotals.get(row.id);
      for (const field of FIELDS) {
        if (other && Number(other[field]) === row[field]) continue;
        if (mismatches++ < 10) console.log(`    differs: total ${row.id} ${field}: dashboard ${row[field]}, COUNT(DISTINCT) ${other?.[field]}`);
      }
    }
    if (mismatches > 0) throw new Error(`${role}: ${mismatches} total figures differ`);
    const total = (field) => rows.reduce((sum, row) => sum + row[field], 0);
    console.log(
      `  ${role.padEnd(22)} ${String(rows.length).padStart(5)} écoles, ${total('students').toLocaleString('en')} pupils, ${total('relatives').toLocaleString('en')} parents,` +
        ` ${total('renewalCodesExpired')} expired codes, ${total('absentFromFile')} absent — identical figures` +
        `\n    ${totalRows.length} totals (${view.total.students.toLocaleString('en')} pupils, ${view.total.relatives.toLocaleString('en')} parents in the view's, each once) — ${checkTotals ? 'identical to COUNT(DISTINCT)' : 'not checked (--totals-check no)'}` +
        `\n    GraphQL supervision   p50 ${fmt(dashboard.p50).padStart(9)}  p95 ${fmt(dashboard.p95).padStart(9)}` +
        `\n    GROUP BY (bare SQL)   p50 ${fmt(baseline.p50).padStart(9)}  p95 ${fmt(baseline.p95).padStart(9)}` +
        (totalsBaseline ? `\n    COUNT(DISTINCT) totals p50 ${fmt(totalsBaseline.p50).padStart(8)}  p95 ${fmt(totalsBaseline.p95).padStart(9)} (not in the ratio)` : '') +
        `\n    of the dashboard: the service alone (its SQL and rows, in process) p50 ${fmt(inProcess.p50)} p95 ${fmt(inProcess.p95)};` +
        ` a trivial query over HTTP (${FLOOR_QUERY}) p50 ${fmt(floor.p50)} p95 ${fmt(floor.p95)}` +
        `\n    ratio (p95)           ${(baseline.p95 / dashboard.p95).toFixed(1)}×`,
    );
  }
  console.log('  (shared 2-core machine: other engineers were working; the baseline excludes HTTP and GraphQL, the dashboard includes them)');
} finally {
  await server.stop();
  await pool.query(`DELETE FROM renewal_code WHERE code_hash = 'bench-supervision'`);
  await pool.query('DELETE FROM import_absence WHERE user_id = ANY($1::uuid[])', [absent]);
  await pool.end();
  await serviceSource.destroy();
}
