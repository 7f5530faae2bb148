// bench/publish: publishing an actualité to the biggest école of the million-account département,
// through the real server (HTTP → GraphQL → one INSERT … SELECT for post, notification and every
// timeline entry), side by side with the bare `INSERT … SELECT` of the same timeline rows through pg.
//
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node bench/publish/run.mjs [--runs 20]
import pg from 'pg';
import { benchDatabase, dist, fmt, graphqlCaller, option, percentile, signIn, startServer } from '../support/bench-env.mjs';

const RUNS = Number(option('runs', 20));
const db = await benchDatabase(1_000_000);
const pool = new pg.Pool({ connectionString: db.url, max: 2 });
const { DEMO_PASSWORD } = dist('demo/demo-loader.js');

// The école with the most members, and an activated teacher of it.
const { rows: [school] } = await pool.query(
  `SELECT us.structure_id AS id, count(*)::int AS members FROM user_structure us JOIN structure s ON s.id = us.structure_id AND s.kind = 'ECOLE'
    GROUP BY us.structure_id ORDER BY count(*) DESC LIMIT 1`,
);
const { rows: [teacher] } = await pool.query(
  `SELECT u.login FROM app_user u JOIN user_structure us ON us.user_id = u.id
    WHERE us.structure_id = $1 AND u.profile = 'TEACHER' AND u.password_hash IS NOT NULL AND u.blocked_at IS NULL LIMIT 1`,
  [school.id],
);
const server = await startServer(db.env);
try {
  const call = graphqlCaller(server.url, await signIn(server.url, teacher.login, DEMO_PASSWORD));
  const viaServer = [];
  const bare = [];
  for (let i = 0; i < RUNS + 2; i++) {
    let t = performance.now();
    const { publishPost } = await call(
      'mutation ($input: PublishPostInput!) { publishPost(input: $input) { recipients } }',
      { input: { audience: 'SCHOOL', audienceId: school.id, title: `Bench ${i}`, body: 'Réunion des parents jeudi à 18 h.' } },
    );
    if (i >= 2) viaServer.push(performance.now() - t);
    if (publishPost.recipients !== school.members) throw new Error(`${publishPost.recipients} recipients, expected ${school.members}`);
    // Baseline: the same rows, one bare INSERT … SELECT, committed.
    const client = await pool.connect();
    try {
      const { rows: [n] } = await client.query(`INSERT INTO notification (kind, text) VALUES ('SYSTEM', 'bench baseline') RETURNING id, created_at`);
      t = performance.now();
      await client.query(
        `INSERT INTO timeline_entry (user_id, notification_id, created_at) SELECT us.user_id, $1, $2 FROM user_structure us WHERE us.structure_id = $3`,
        [n.id, n.created_at, school.id],
      );
      if (i >= 2) bare.push(performance.now() - t);
    } finally {
      client.release();
    }
  }
  viaServer.sort((a, b) => a - b);
  bare.sort((a, b) => a - b);
  console.log(`\nbench/publish — école of ${school.members} members, ${RUNS} publications`);
  console.log(`  publishPost over HTTP (post + notification + ${school.members} timeline rows, one transaction): p50 ${fmt(percentile(viaServer, 50))}  p95 ${fmt(percentile(viaServer, 95))}`);
  console.log(`  bare INSERT … SELECT of the same ${school.members} timeline rows through pg:              p50 ${fmt(percentile(bare, 50))}  p95 ${fmt(percentile(bare, 95))}`);
  console.log(`  ratio (server / bare, p50): ${(percentile(viaServer, 50) / percentile(bare, 50)).toFixed(2)}`);
  // Notices from the département admin: a circonscription, then the whole département.
  const { rows: [cpd] } = await pool.query(
    `SELECT u.login, f.structure_id FROM admin_function f JOIN app_user u ON u.id = f.user_id WHERE f.function = 'DEPARTEMENT_ADMIN' AND u.password_hash IS NOT NULL LIMIT 1`,
  );
  const { rows: [circo] } = await pool.query(`SELECT id FROM structure WHERE kind = 'CIRCONSCRIPTION' ORDER BY code LIMIT 1`);
  const cpdCall = graphqlCaller(server.url, await signIn(server.url, cpd.login, DEMO_PASSWORD));
  const audienceSql = `SELECT DISTINCT us.user_id FROM user_structure us JOIN structure_ancestor sa ON sa.structure_id = us.structure_id WHERE sa.ancestor_id = $3`;
  for (const [label, structureId] of [['circonscription', circo.id], ['département', cpd.structure_id]]) {
    let t = performance.now();
    const { publishNotice } = await cpdCall('mutation ($input: PublishNoticeInput!) { publishNotice(input: $input) { recipients } }', {
      input: { structureId, title: `Bench notice ${label}`, body: 'Maintenance samedi.' },
    });
    const server = performance.now() - t;
    const client = await pool.connect();
    let bareMs;
    try {
      const { rows: [n] } = await client.query(`INSERT INTO notification (kind, text) VALUES ('SYSTEM', 'bench baseline') RETURNING id, created_at`);
      t = performance.now();
      await client.query(`INSERT INTO timeline_entry (user_id, notification_id, created_at) SELECT audience.user_id, $1, $2 FROM (${audienceSql}) audience`, [n.id, n.created_at, structureId]);
      bareMs = performance.now() - t;
    } finally {
      client.release();
    }
    console.log(`  notice to the ${label} (${publishNotice.recipients.toLocaleString('en')} recipients): server ${fmt(server)}, bare INSERT … SELECT ${fmt(bareMs)}, ratio ${(server / bareMs).toFixed(2)}`);
    await pool.query(`DELETE FROM notification WHERE text = 'bench baseline' OR text LIKE 'Bench notice%'`);
  }
  await pool.query(`DELETE FROM notification WHERE text = 'bench baseline' OR text LIKE 'Bench %'`);
  await pool.query(`DELETE FROM post WHERE title LIKE 'Bench %'`);
} finally {
  await server.stop();
  await pool.end();
}
