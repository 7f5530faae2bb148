import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entities } from '../../app/entities';
import { migrations } from '../../migrations';
import { projectRoot } from '../../platform/config/config';
import { SecretBox } from '../../platform/crypto/secret-box';
import { createDataSource } from '../../platform/database/data-source';
import { freePort } from '../../platform/database/free-port';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { cloneTestDatabase } from '../../test-support/test-database';
import { GraphQLTestClient } from '../../test-support/test-server';
import { wsClient } from '../../test-support/ws-client';

const KEY = 'b'.repeat(64);
const main = join(projectRoot(), 'dist/server/main.js');

/** The built server as its own OS process, as in production (`npm test` builds before this runs). */
async function serverProcess(databaseUrl: string): Promise<{ url: string; child: ChildProcess; dataDir: string }> {
  if (!existsSync(main)) throw new Error(`${main} is missing: build the server first (npm test does).`);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'preau-proc-'));
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), PREAU_DATA_DIR: dataDir, PREAU_SECRET_KEY: KEY, DEMO_DATA: 'false', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not yet
    }
    if (tries > 300 || child.exitCode !== null) throw new Error('server process did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, child, dataDir };
}

describe('two server processes on one database', () => {
  const processes: { url: string; child: ChildProcess; dataDir: string }[] = [];
  let drop: () => Promise<void>;
  let world: Awaited<ReturnType<Fixtures['departement']>>;

  beforeAll(async () => {
    const database = await cloneTestDatabase();
    drop = database.drop;
    const dataSource = createDataSource({ url: database.url, entities, migrations, poolSize: 2 });
    await dataSource.initialize();
    world = await new Fixtures(dataSource, new SecretBox(Buffer.from(KEY, 'hex'))).departement();
    await dataSource.destroy();
    processes.push(await serverProcess(database.url), await serverProcess(database.url));
  });
  afterAll(async () => {
    for (const proc of processes) {
      const exited = new Promise((resolve) => proc.child.once('exit', resolve));
      proc.child.kill('SIGTERM');
      await exited;
      rmSync(proc.dataDir, { recursive: true, force: true });
    }
    await drop?.();
  });

  it('delivers a report made through the first process to a subscriber on the second', async () => {
    const [first, second] = processes;
    const director = await new GraphQLTestClient(second.url).signIn(world.directorA.login, FIXTURE_PASSWORD);
    const received: unknown[] = [];
    const socket = wsClient(second.url, director.cookie);
    socket.subscribe({ query: 'subscription { reportAdded { text } }' }, { next: (value) => void received.push(value.data), error: () => undefined, complete: () => undefined });
    await new Promise((resolve) => setTimeout(resolve, 400));

    const teacher = await new GraphQLTestClient(first.url).signIn(world.teacherA.login, FIXTURE_PASSWORD);
    const { notificationId } = (
      await teacher.data('mutation { publishPost(input: { audience: CLASS, audienceId: "' + world.classA1 + '", title: "Entre deux processus", body: "x" }) { notificationId } }')
    ).publishPost;
    const pupil = await new GraphQLTestClient(first.url).signIn(world.pupilA.login, FIXTURE_PASSWORD);
    await pupil.data('mutation ($id: ID!) { reportNotification(notificationId: $id) { reportId } }', { id: notificationId });
    for (let waited = 0; received.length === 0 && waited < 3000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received).toEqual([{ reportAdded: { text: 'Entre deux processus' } }]);
    await socket.dispose();
  });
});
