// bench/fanout: 2,000 graphql-ws subscribers (département admins, in a separate client process)
// receive reportAdded for reports made one at a time and in bursts of 10, through the real server;
// side by side, a raw `ws` server broadcasts one pre-serialised message to as many clients.
// Delivery p50/p95 (from the report request to each arrival) and server CPU per event.
//
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/fanout/run.mjs [--clients 2000]
//
// PREAU_DIST=<dir> runs another build than dist/server (e.g. one made with tsc --outDir);
// BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=<dir>" profiles the server (bench-env.mjs).
import { fork } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { benchDatabase, dist, fmt, graphqlCaller, option, percentile, root, signIn, startServer } from '../support/bench-env.mjs';

const CLIENTS = Number(option('clients', 2000));
const SINGLE = 20;
const BURSTS = 5;
const here = join(root, 'bench/fanout');
const db = await benchDatabase(1_000_000);
const pool = new pg.Pool({ connectionString: db.url, max: 4 });
const { DEMO_PASSWORD } = dist('demo/demo-loader.js');
const now = () => performance.timeOrigin + performance.now();
const cpu = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in ms (100 Hz ticks)
};

// 2,000 département admins with open sessions (tokens made here, only their hashes stored).
await pool.query(`DELETE FROM app_user WHERE login LIKE 'bench.fanout.%'`);
const { rows: [dep] } = await pool.query(`SELECT id FROM structure WHERE kind = 'DEPARTEMENT' LIMIT 1`);
const tokens = Array.from({ length: CLIENTS }, () => randomBytes(32).toString('base64url'));
await pool.query(
  `WITH u AS (
     INSERT INTO app_user (profile, first_name, last_name, search_first, search_last, login, source)
     SELECT 'PERSONNEL', 'Bench', 'Fanout' || g, 'bench', 'fanout' || g, 'bench.fanout.' || g, 'MANUAL' FROM generate_series(1, $1) g RETURNING id, login),
   f AS (INSERT INTO admin_function (user_id, function, structure_id) SELECT id, 'DEPARTEMENT_ADMIN', $2 FROM u)
   INSERT INTO user_session (token_hash, user_id, expires_at, last_seen_at)
   SELECT ($3::text[])[row_number() OVER ()], id, now() + interval '2 hours', now() FROM u`,
  [CLIENTS, dep.id, tokens.map((t) => createHash('sha256').update(t).digest('base64url'))],
);

function clients(mode, url, tokenList) {
  const child = fork(join(here, 'clients.mjs'), [mode, url, JSON.stringify(tokenList)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const arrivals = new Map();
  const ready = new Promise((resolve, reject) => {
    child.on('message', (message) => {
      if (message.type === 'ready') {
        if (message.retried) console.log(`  (${message.retried} connections reset while connecting, retried)`);
        resolve();
      }
      else if (message.type === 'error') reject(new Error(message.message));
      else if (message.type === 'arrivals') for (const { key, at } of message.arrivals) (arrivals.get(key) ?? arrivals.set(key, []).get(key)).push(at);
    });
  });
  return { child, arrivals, ready };
}

async function settle(arrivals, keys, expected) {
  for (let waited = 0; waited < 10_000; waited += 50) {
    if (keys.every((key) => (arrivals.get(key)?.length ?? 0) >= expected)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function summary(label, sent, arrivals, cpuMs, events) {
  const latencies = [];
  let missing = 0;
  for (const [key, at] of sent) {
    const got = arrivals.get(key) ?? [];
    missing += CLIENTS - got.length;
    for (const t of got) latencies.push(t - at);
  }
  latencies.sort((a, b) => a - b);
  console.log(`  ${label.padEnd(44)} p50 ${fmt(percentile(latencies, 50)).padStart(9)}  p95 ${fmt(percentile(latencies, 95)).padStart(9)}  CPU/event ${fmt(cpuMs / events).padStart(9)}  (${latencies.length} deliveries, ${missing} missing)`);
  return percentile(latencies, 95);
}

const server = await startServer(db.env);
const results = {};
try {
  // Reports need a reported post: the demo teacher publishes, pupils of the class report.
  const { rows: [teacher] } = await pool.query(`SELECT u.login, m.class_id FROM app_user u JOIN class_member m ON m.user_id = u.id WHERE u.profile = 'TEACHER' AND u.password_hash IS NOT NULL AND u.blocked_at IS NULL LIMIT 1`);
  const { rows: pupils } = await pool.query(
    `SELECT u.login FROM app_user u JOIN class_member m ON m.user_id = u.id WHERE m.class_id = $1 AND u.profile = 'STUDENT' AND u.password_hash IS NOT NULL AND u.blocked_at IS NULL LIMIT 10`,
    [teacher.class_id],
  );
  const teacherCall = graphqlCaller(server.url, await signIn(server.url, teacher.login, DEMO_PASSWORD));
  const reporters = [];
  for (const p of pupils) reporters.push(graphqlCaller(server.url, await signIn(server.url, p.login, DEMO_PASSWORD)));
  const posts = [];
  for (let i = 0; i < SINGLE + BURSTS * 10; i++) {
    const title = `fanout-${Date.now()}-${i}`;
    const { publishPost } = await teacherCall('mutation ($i: PublishPostInput!) { publishPost(input: $i) { notificationId } }', { i: { audience: 'CLASS', audienceId: teacher.class_id, title, body: 'x' } });
    posts.push({ title, id: publishPost.notificationId });
  }
  const report = (post, by) => by('mutation ($id: ID!) { reportNotification(notificationId: $id) { reportId } }', { id: post.id });

  const subscribers = clients('graphql', server.url.replace('http', 'ws') + '/graphql', tokens);
  await subscribers.ready;
  let cpuStart = cpu(server.pid);
  let sent = new Map();
  for (let i = 0; i < SINGLE; i++) {
    sent.set(posts[i].title, now());
    await report(posts[i], reporters[0]);
    await settle(subscribers.arrivals, [posts[i].title], CLIENTS);
  }
  console.log(`\nbench/fanout — ${CLIENTS} subscribers in a separate process, reportAdded for each report`);
  results.single = summary('Préau, one report at a time', sent, subscribers.arrivals, cpu(server.pid) - cpuStart, SINGLE);
  cpuStart = cpu(server.pid);
  sent = new Map();
  for (let b = 0; b < BURSTS; b++) {
    const burst = posts.slice(SINGLE + b * 10, SINGLE + (b + 1) * 10);
    await Promise.all(burst.map((post, k) => (sent.set(post.title, now()), report(post, reporters[k % reporters.length]))));
    await settle(subscribers.arrivals, burst.map((post) => post.title), CLIENTS);
  }
  results.burst = summary('Préau, bursts of 10 reports', sent, subscribers.arrivals, cpu(server.pid) - cpuStart, BURSTS * 10);
  subscribers.child.send('exit');
} finally {
  await server.stop();
}

// Baseline: a raw ws server broadcasting one pre-serialised message.
const raw = fork(join(here, 'raw-server.mjs'), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
const port = await new Promise((resolve) => raw.on('message', (message) => message.type === 'listening' && resolve(message.port)));
const plain = clients('raw', `ws://127.0.0.1:${port}`, Array.from({ length: CLIENTS }, () => null));
await plain.ready;
for (const [label, count, size] of [['raw ws broadcast, one at a time', SINGLE, 1], ['raw ws broadcast, bursts of 10', BURSTS, 10]]) {
  const cpuStart = cpu(raw.pid);
  const sent = new Map();
  for (let i = 0; i < count; i++) {
    const keys = Array.from({ length: size }, (_, k) => `raw-${label}-${i}-${k}`);
    await Promise.all(keys.map((key) => (sent.set(key, now()), fetch(`http://127.0.0.1:${port}/broadcast?key=${encodeURIComponent(key)}`, { method: 'POST' }))));
    await settle(plain.arrivals, keys, CLIENTS);
  }
  const p95 = summary(label, sent, plain.arrivals, cpu(raw.pid) - cpuStart, count * size);
  results[size === 1 ? 'rawSingle' : 'rawBurst'] = p95;
}
plain.child.send('exit');
raw.kill();
console.log(`  p95 ratio Préau / raw: one at a time ${(results.single / results.rawSingle).toFixed(1)}×, bursts ${(results.burst / results.rawBurst).toFixed(1)}× (goals: ≤ 2× and ≤ 100 ms)`);
await pool.query(`DELETE FROM app_user WHERE login LIKE 'bench.fanout.%'`);
await pool.query(`DELETE FROM notification WHERE text LIKE 'fanout-%' OR text LIKE 'Une notification a été signalée par%'`);
await pool.end();
process.exit(0);
