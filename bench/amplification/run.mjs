// bench/amplification: what one signed-in teacher can do to everybody else on an instance. A
// bystander (the école's director) asks `{ me { id } }` at a fixed rate; its p95 alone is measured
// against its p95 while the teacher loops, one after the other, the most expensive operation the
// limits still accept, in alternating slices of the same run. Prints the ratio (goal ≤ 2).
//
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/amplification/run.mjs \
//     [--users 20000] [--seconds 30] [--rounds 3] [--rate 50]
//
// "Most expensive accepted": for each shape a teacher may ask for, the largest size the server
// accepts is found by asking it (a refusal costs nothing but parsing), then the shape that buys the
// most server time per second under the per-person cost budget is the attack.
import { benchDatabase, dist, fmt, graphqlCaller, openLoop, option, post, signIn, startServer } from '../support/bench-env.mjs';
import pg from 'pg';

const USERS = Number(option('users', 20_000));
const SECONDS = Number(option('seconds', 30));
const ROUNDS = Number(option('rounds', 3));
const RATE = Number(option('rate', 50));

const db = await benchDatabase(USERS);
dist('../../node_modules/reflect-metadata/Reflect.js');
const { SecretBox } = dist('platform/crypto/secret-box.js');
const { findDemoAccounts } = dist('demo/demo-accounts.js');
const { DEMO_PASSWORD } = dist('demo/demo-loader.js');

const pool = new pg.Pool({ connectionString: db.url, max: 2 });
const demo = await findDemoAccounts((sql, params) => pool.query(sql, params).then((r) => r.rows), SecretBox.fromConfig(undefined, db.dataDir));
await pool.end();

// The default per-person cost budget: part of what keeps a looping teacher from the bystander.
const COST_PER_SECOND = Number(process.env.GRAPHQL_COST_PER_SECOND ?? 2000);
const server = await startServer({ ...db.env, LOG_LEVEL: 'error', GRAPHQL_COST_PER_SECOND: String(COST_PER_SECOND) });
// A second instance on the same database without that budget, to find and time the shapes alone.
const probe = await startServer({ ...db.env, LOG_LEVEL: 'error' });
try {
  const teacherCookie = await signIn(server.url, demo.byRole.TEACHER.login, DEMO_PASSWORD);
  const bystanderCookie = await signIn(server.url, demo.byRole.SCHOOL_ADMIN.login, DEMO_PASSWORD);
  const asTeacher = graphqlCaller(server.url, teacherCookie);
  const { me } = await asTeacher('{ me { classes { id } } }');
  const classId = me.classes[0].id;

  const aliases = (n, field) => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');
  /** Shapes a teacher may ask for, each growing with n (aliases or a page size). */
  const shapes = {
    'class members ×n aliases': (n) =>
      `query ($id: ID!) { ${aliases(n, 'schoolClass(id: $id) { pupils { id displayName login status activated activationCode classes { id name levels } relatives { id displayName } } teachers { id displayName } }')} }`,
    'my classes → pupils(first: n) → parents': (n) =>
      `{ me { classes { id name pupils(first: ${n}) { id displayName relatives { id displayName login } classes { name } } } } }`,
    'class → pupils(first: n) → classes → pupils': (n) =>
      `query ($id: ID!) { schoolClass(id: $id) { pupils(first: ${n}) { id classes { id pupils(first: ${n}) { id displayName } } } } }`,
    'fil de nouveautés ×n aliases': (n) => `{ ${aliases(n, 'timeline(first: 100) { items { id title body link audience createdAt reportedByMe author { id displayName } } }')} }`,
    'contacts ×n aliases': (n) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: contacts(first: 50, query: "${'abcdefghijklmnopqrstuvwxyz'[i % 26]}") { id displayName }`).join(' ')} }`,
  };

  /** { ok, limited, ms }: whether the server ran it, refused it for the caller's pace, and how long it took. */
  const attempt = async (query, on = probe) => {
    const started = performance.now();
    const body = JSON.parse(await post(`${on.url}/graphql`, JSON.stringify({ query, variables: { id: classId } }), { cookie: teacherCookie }));
    const codes = (body.errors ?? []).map((error) => error.extensions?.code);
    const refused = codes.some((code) => ['QUERY_TOO_COSTLY', 'QUERY_TOO_COMPLEX', 'GRAPHQL_VALIDATION_FAILED'].includes(code));
    const limited = codes.includes('RATE_LIMITED');
    if (body.errors && !refused && !limited) throw new Error(JSON.stringify(body.errors).slice(0, 300));
    return { ok: !refused && !limited, limited, ms: performance.now() - started };
  };
  const largestAccepted = async (shape) => {
    let n = 1;
    if (!(await attempt(shape(1))).ok) return 0;
    while (n < 128 && (await attempt(shape(n * 2))).ok) n *= 2;
    let low = n;
    let high = n * 2;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if ((await attempt(shape(middle))).ok) low = middle;
      else high = middle;
    }
    return low;
  };

  console.log(`Teacher ${demo.byRole.TEACHER.login}, bystander ${demo.byRole.SCHOOL_ADMIN.login}, ${USERS} accounts`);
  let attack;
  for (const [name, shape] of Object.entries(shapes)) {
    const n = await largestAccepted(shape);
    if (n === 0) {
      console.log(`  ${name}: refused at its smallest`);
      continue;
    }
    const query = shape(n);
    for (let i = 0; i < 5; i++) await attempt(query);
    const times = [];
    for (let i = 0; i < 15; i++) times.push((await attempt(query)).ms);
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    const answer = await post(`${probe.url}/graphql`, JSON.stringify({ query, variables: { id: classId } }), { cookie: teacherCookie });
    const cost = JSON.parse(answer).extensions?.cost?.requested ?? 1;
    // What a looping teacher can make the server do per second with this shape: as many calls as
    // the budget pays for (or as fit one after the other), each taking `median`.
    const load = median * Math.min(COST_PER_SECOND / cost, 1000 / median);
    console.log(`  ${name}: largest accepted n = ${n}, cost ${cost}, ${fmt(median)} per call alone, ${(Buffer.byteLength(answer) / 1024).toFixed(0)} kB answered: ${load.toFixed(0)} ms of work a second under the budget`);
    if (!attack || load > attack.load) attack = { name, query, median, load };
  }
  console.log(`Attack: « ${attack.name} », looped by the teacher one call after the other.\n`);

  const bystander = () =>
    post(`${server.url}/graphql`, '{"query":"{ me { id } }"}', { cookie: bystanderCookie }).then((text) => {
      if (!text.includes('"me"')) throw new Error(text.slice(0, 200));
    });
  const slice = SECONDS / ROUNDS / 2;
  const quiet = [];
  const attacked = [];
  let attackCalls = 0;
  const burstMs = [];
  let attackLimited = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const alone = await openLoop(slice, RATE, bystander);
    quiet.push(alone.p95);
    let stop = false;
    let drained;
    const burstSpent = new Promise((resolve) => (drained = resolve));
    const loop = (async () => {
      // Refused for its pace, it asks again at once: an attacker does not wait for Retry-After.
      while (!stop) {
        const { limited } = await attempt(attack.query, server);
        if (limited) {
          attackLimited++;
          drained();
        } else attackCalls++;
      }
    })();
    // Measured once the teacher has spent the bucket the quiet slice filled again: a script that
    // loops for minutes spends its first burst once; what lasts is the pace the budget allows.
    const burstStarted = performance.now();
    await burstSpent;
    burstMs.push(performance.now() - burstStarted);
    const during = await openLoop(slice, RATE, bystander);
    stop = true;
    await loop;
    attacked.push(during.p95);
    console.log(`round ${round + 1}: bystander p95 alone ${fmt(alone.p95)}, during the attack ${fmt(during.p95)} (p50 ${fmt(alone.p50)} → ${fmt(during.p50)})`);
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(`\nAttack calls answered: ${attackCalls} (the first burst of each slice included, ${burstMs.map((ms) => fmt(ms)).join(', ')} to spend it); refused for their pace (RATE_LIMITED): ${attackLimited}`);
  console.log(`Bystander { me { id } } p95 at ${RATE}/s: alone ${fmt(median(quiet))}, during the attack ${fmt(median(attacked))}`);
  console.log(`ratio ${(median(attacked) / median(quiet)).toFixed(2)}× (goal ≤ 2×)`);
} finally {
  await Promise.all([server.stop(), probe.stop()]);
}
