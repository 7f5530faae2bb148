// bench/search: « Rechercher un utilisateur » on a million accounts, as a director, an ERUN and a
// département admin, for 1-, 2- and 3-letter prefixes. Side by side in the same run:
//   (a) the very SQL the server sends, through bare `pg` (no HTTP, no GraphQL);
//   (b) the common trigram query `first_name ILIKE '%q%' OR last_name ILIKE '%q%'` (GIN pg_trgm).
// Measures: latency under a steady 200 req/s (open loop) and maximum throughput with 50 connections.
//
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/search/run.mjs [--users 1000000] [--seconds 5]
import pg from 'pg';
import { benchDatabase, closedLoop, dist, fmt, graphqlCaller, openLoop, option, percentile, signIn, startServer } from '../support/bench-env.mjs';

const USERS = Number(option('users', 1_000_000));
const SECONDS = Number(option('seconds', 5));
const PREFIXES = { 1: ['m', 'b', 'l', 'd', 'c', 'a'], 2: ['ma', 'be', 'le', 'du', 'ch', 'ga'], 3: ['mar', 'ber', 'lef', 'dup', 'cha', 'gar'] };
const QUERY = 'query ($q: String!) { searchUsers(query: $q, first: 20) { id displayName profile classes schools } }';

const db = await benchDatabase(USERS);
const pool = new pg.Pool({ connectionString: db.url, max: 50 });
const poolSource = { query: (sql, params) => pool.query(sql, params).then((result) => result.rows) };
// Statements the server prepares with one generic plan are replayed the same way.
const genericPool = new pg.Pool({ connectionString: db.url, max: 50, options: '-c plan_cache_mode=force_generic_plan' });

// Trigram baseline needs its extension and indexes (bench database only).
await pool.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
await pool.query('CREATE INDEX IF NOT EXISTS bench_trgm_last ON app_user USING gin (last_name gin_trgm_ops)');
await pool.query('CREATE INDEX IF NOT EXISTS bench_trgm_first ON app_user USING gin (first_name gin_trgm_ops)');
await pool.query('ANALYZE app_user');

const { SecretBox } = dist('platform/crypto/secret-box.js');
const { findDemoAccounts } = dist('demo/demo-accounts.js');
const { DEMO_PASSWORD } = dist('demo/demo-loader.js');
const { loadActor } = dist('platform/auth/actor-loader.js');
const { UserSearchService } = dist('modules/users/user-search.service.js');
const { useGenericPlanPool } = dist('platform/database/prepared-query.js');
const demo = await findDemoAccounts((sql, params) => poolSource.query(sql, params), SecretBox.fromConfig(undefined, db.dataDir));
const roles = { director: demo.byRole.SCHOOL_ADMIN, erun: demo.byRole.CIRCONSCRIPTION_ADMIN, departement: demo.byRole.DEPARTEMENT_ADMIN };

const server = await startServer(db.env);
try {
  const actors = {};
  for (const [name, account] of Object.entries(roles)) {
    const actor = await loadActor(poolSource, account.userId);
    // The exact SQL the service sends for each prefix, captured once, replayed through bare pg.
    const sqlFor = {};
    for (const list of Object.values(PREFIXES)) {
      for (const prefix of list) {
        let captured;
        // Through the pool as a prepared statement, or through TypeORM planned each time: either way
        // the bare-pg replay sends it the same way.
        const prepared = async ({ text, values }) => ((captured = { sql: text, params: values, prepared: true }), { rows: [] });
        const planned = async (sql, params) => ((captured = { sql, params, prepared: false }), []);
        const source = { query: planned, driver: { master: { query: prepared } } };
        useGenericPlanPool(source, { query: prepared });
        await new UserSearchService(source).search(actor, prefix, 20);
        sqlFor[prefix] = captured;
      }
    }
    actors[name] = { account, actor, sqlFor, call: graphqlCaller(server.url, await signIn(server.url, account.login, DEMO_PASSWORD)) };
  }
  // The common approach: substring match on the raw names through trigram indexes, same scope rule.
  const trigram = (actor, prefix) => {
    const scope = actor.scope.all
      ? 'TRUE'
      : `EXISTS (SELECT 1 FROM user_structure us JOIN structure_ancestor sa ON sa.structure_id = us.structure_id
                  WHERE us.user_id = u.id AND sa.ancestor_id = ANY($2::uuid[]))`;
    return pool.query(
      `SELECT u.id, u.first_name, u.last_name, u.profile FROM app_user u
        WHERE (u.last_name ILIKE $1 OR u.first_name ILIKE $1) AND u.predeleted_at IS NULL AND ${scope}
        ORDER BY u.last_name, u.first_name, u.id LIMIT 20`,
      actor.scope.all ? [`%${prefix}%`] : [`%${prefix}%`, actor.scope.rootIds],
    );
  };
  const viaHttp = (a, prefix) => a.call(QUERY, { q: prefix });
  // As the server sends it (a named prepared statement with one generic plan), so that both sides
  // plan alike.
  const statementNames = new Map();
  const viaPg = (a, prefix) => {
    const { sql, params, prepared } = a.sqlFor[prefix];
    if (!prepared) return pool.query(sql, params);
    if (!statementNames.has(sql)) statementNames.set(sql, `bench_${statementNames.size}`);
    return genericPool.query({ name: statementNames.get(sql), text: sql, values: params });
  };

  console.log(`\nbench/search — ${USERS.toLocaleString('en')} accounts, ${SECONDS} s per measure`);
  console.log('\n1) Latency of one query at a time (median of 30), by prefix length: ours vs trigram');
  for (const [name, a] of Object.entries(actors)) {
    for (const [length, list] of Object.entries(PREFIXES)) {
      const time = async (run) => {
        const samples = [];
        for (let i = 0; i < 30; i++) {
          const t = performance.now();
          await run(list[i % list.length]);
          samples.push(performance.now() - t);
        }
        return percentile(samples.sort((x, y) => x - y), 50);
      };
      await time((p) => viaPg(a, p)); // warm
      const http = await time((p) => viaHttp(a, p));
      const ours = await time((p) => viaPg(a, p));
      const trgm = await time((p) => trigram(a.actor, p));
      console.log(`  ${name.padEnd(12)} ${length} letter(s): server ${fmt(http).padStart(9)}  SQL ${fmt(ours).padStart(9)}  trigram ${fmt(trgm).padStart(10)}  → ${(trgm / ours).toFixed(0)}× faster than trigram`);
    }
  }

  console.log('\n2) Steady 200 req/s over HTTP (open loop), prefixes of 1–3 letters mixed, after 3 s at that rate');
  console.log('   (the first seconds, shown apart: connections opened on both sides, statements prepared, JIT)');
  const all = Object.values(PREFIXES).flat();
  for (const [name, a] of Object.entries(actors)) {
    const warm = await openLoop(3, 200, (i) => viaHttp(a, all[i % all.length]));
    const r = await openLoop(SECONDS, 200, (i) => viaHttp(a, all[i % all.length]));
    console.log(`  ${name.padEnd(12)} p50 ${fmt(r.p50).padStart(9)}  p95 ${fmt(r.p95).padStart(9)}  p99 ${fmt(r.p99).padStart(9)}  (${r.sent} sent, ${r.errors} errors; goal p95 ≤ 10 ms)   first 3 s: p95 ${fmt(warm.p95)}`);
  }

  console.log('\n3) Maximum throughput, 50 connections, prefixes mixed: server over HTTP vs the same SQL through bare pg');
  for (const [name, a] of Object.entries(actors)) {
    const http = await closedLoop(SECONDS, 50, (i) => viaHttp(a, all[i % all.length]));
    const bare = await closedLoop(SECONDS, 50, (i) => viaPg(a, all[i % all.length]));
    console.log(`  ${name.padEnd(12)} server ${http.perSecond.toFixed(0).padStart(6)}/s  bare pg ${bare.perSecond.toFixed(0).padStart(6)}/s  ratio ${(http.perSecond / bare.perSecond).toFixed(2)} (goal ≥ 0.5)`);
  }
} finally {
  await server.stop();
  await pool.end();
  await genericPool.end();
}
