import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startMailSink } from './mail-sink';
import { DemoAccount, STATE_FILE } from './state';

const root = join(__dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Le serveur s'est arrêté (code ${child.exitCode}) :\n${output()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Le serveur n'a pas répondu à temps :\n${output()}`);
}

/**
 * Starts the built server (`node dist/server/main.js`, what `npm start` runs) on a fresh database —
 * created on DATABASE_URL's server, or in a throw-away embedded PostgreSQL — with the demo data,
 * and reads the demo accounts through the operator CLI. Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  // The compiled helper, so that Playwright's transpiler never sees decorators.
  const { openScratchDatabase } = require(join(root, 'dist/server/platform/database/scratch-database.js')) as {
    openScratchDatabase: (prefix: string) => Promise<{ url: string; close: () => Promise<void> }>;
  };
  const database = await openScratchDatabase('preau_e2e');
  const mail = await startMailSink();
  const dataDir = mkdtempSync(join(tmpdir(), 'preau-e2e-'));
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    PORT: String(port),
    PREAU_DATA_DIR: dataDir,
    DEMO_DATA: 'true',
    LOG_LEVEL: 'warn',
    SMTP_URL: mail.url,
  };
  let output = '';
  const server = spawn(process.execPath, [join(root, 'dist/server/main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://localhost:${port}`;
  try {
    await waitForHealth(url, server, () => output);
    // The demo loads right after the server listens: the CLI waits for it.
    const accounts = JSON.parse(
      execFileSync(process.execPath, [join(root, 'dist/server/cli/admin.js'), 'demo-accounts', '--json', '--wait'], { env, encoding: 'utf8' }),
    ) as DemoAccount[];
    mkdirSync(dirname(STATE_FILE), { recursive: true });
    writeFileSync(STATE_FILE, JSON.stringify({ url, databaseUrl: database.url, dataDir, accounts }, null, 2));
  } catch (error) {
    server.kill('SIGKILL');
    await database.close();
    await mail.stop();
    throw error;
  }
  process.env.PREAU_E2E_URL = url;
  return async () => {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    if (server.exitCode === null) server.kill('SIGKILL');
    await database.close();
    await mail.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
