// bench/api: the same `users(first: 100)` page read by an integration token (`Authorization:
// Bearer preau_…`: token lookup through the actor cache, scope gate, cost bucket, field tiers,
// extensions.cost and X-RateLimit-* headers) and by a console session cookie, as the same
// département admin, in the same run. Closed loops in alternating slices (cookie, token, cookie…)
// so that the noise of a shared machine falls on both alike; prints both throughputs and the
// ratio token / cookie (goal ≥ 0.9×). The token's client gets a bucket large enough never to
// refuse (set in SQL, as the operator's setApiClientRateLimit would).
//
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/api/run.mjs [--users 1000000] [--slices 6] [--seconds 3] [--concurrency 4]
import pg from 'pg';
import { benchDatabase, closedLoop, dist, fmt, option, post, signIn, startServer } from '../support/bench-env.mjs';

const USERS = Number(option('users', 1_000_000));
const SLICES = Number(option('slices', 6));
const SECONDS = Number(option('seconds', 3));
const CONCURRENCY = Number(option('concurrency', 4));
const QUERY = `query ($after: String) { users(first: 100, after: $after, orderBy: NAME) { edges { node { id displayName login profile status } } pageInfo { endCursor } } }`;

const db = await benchDatabase(USERS);
const { DEMO_PASSWORD } = dist('demo/demo-loader.js');
const pool = new pg.Pool({ connectionString: db.url, max: 1 });
const server = await startServer(db.env);
try {
  const [{ login, root }] = (
    await pool.query(`SELECT u.login, f.structure_id AS root FROM admin_function f JOIN app_user u ON u.id = f.user_id WHERE f.function = 'DEPARTEMENT_ADMIN' ORDER BY u.login LIMIT 1`)
  ).rows;
  const cookie = await signIn(server.url, login, DEMO_PASSWORD);
  const created = JSON.parse(
    await post(
      `${server.url}/graphql`,
      JSON.stringify({
        query: 'mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { token client { id } } }',
        variables: { input: { name: `bench/api ${Date.now()}`, purpose: 'Benchmark', structureId: root, scopes: ['directory:read', 'directory:identity:read'], expiresAt: new Date(Date.now() + 86_400_000).toISOString() } },
      }),
      { cookie },
    ),
  );
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  const { token, client } = created.data.createApiClient;
  await pool.query('UPDATE api_client SET bucket_size = 1000000, bucket_refill_per_second = 1000000 WHERE id = $1', [client.id]);

  // Pages 1 to 5 in turn (the first pages of a sync), the same sequence for both callers.
  const cursors = [null];
  for (let page = 0; page < 4; page++) {
    const body = JSON.parse(await post(`${server.url}/graphql`, JSON.stringify({ query: QUERY, variables: { after: cursors.at(-1) } }), { cookie }));
    cursors.push(body.data.users.pageInfo.endCursor);
  }
  const caller = (headers) => async (i) => {
    const body = JSON.parse(await post(`${server.url}/graphql`, JSON.stringify({ query: QUERY, variables: { after: cursors[i % cursors.length] } }), headers));
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    if (body.data.users.edges.length !== 100) throw new Error(`a page of ${body.data.users.edges.length}`);
  };
  const callers = { cookie: caller({ cookie }), token: caller({ authorization: `Bearer ${token}` }) };
  // Warm-up: both paths, caches and JIT.
  for (const call of Object.values(callers)) await closedLoop(1, CONCURRENCY, call);

  const totals = { cookie: { done: 0, elapsed: 0, latencies: [], errors: 0 }, token: { done: 0, elapsed: 0, latencies: [], errors: 0 } };
  for (let slice = 0; slice < SLICES; slice++) {
    // Alternating which goes first, so neither always follows the other.
    const order = slice % 2 === 0 ? ['cookie', 'token'] : ['token', 'cookie'];
    for (const name of order) {
      const run = await closedLoop(SECONDS, CONCURRENCY, callers[name]);
      totals[name].done += run.latencies.length;
      totals[name].elapsed += run.elapsed;
      totals[name].latencies.push(...run.latencies);
      totals[name].errors += run.errors;
    }
  }
  const summary = (name) => {
    const t = totals[name];
    t.latencies.sort((a, b) => a - b);
    const p = (q) => t.latencies[Math.min(t.latencies.length - 1, Math.floor(q * t.latencies.length))];
    return { perSecond: t.done / t.elapsed, p50: p(0.5), p95: p(0.95), errors: t.errors };
  };
  const cookieRun = summary('cookie');
  const tokenRun = summary('token');
  console.log(`\nbench/api — users(first: 100), ${USERS.toLocaleString('en')} accounts, département admin; ${SLICES}×2 alternating slices of ${SECONDS} s, ${CONCURRENCY} in flight`);
  for (const [name, run] of [['cookie session', cookieRun], ['integration token', tokenRun]]) {
    console.log(`  ${name.padEnd(18)} ${run.perSecond.toFixed(1).padStart(7)} pages/s   p50 ${fmt(run.p50).padStart(9)}  p95 ${fmt(run.p95).padStart(9)}  errors ${run.errors}`);
  }
  console.log(`  ratio token / cookie  ${(tokenRun.perSecond / cookieRun.perSecond).toFixed(2)}× (goal ≥ 0.9×)`);
  console.log('  (shared 2-core machine: other engineers were working meanwhile)');
  await pool.query('DELETE FROM api_client WHERE id = $1', [client.id]);
} finally {
  await server.stop();
  await pool.end();
}
