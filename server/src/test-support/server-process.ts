import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../platform/config/config';
import { freePort } from '../platform/database/free-port';

export const PROCESS_SECRET_KEY = 'b'.repeat(64);
const main = join(projectRoot(), 'dist/server/main.js');

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** SIGTERM and wait (a clean stop), then remove its data folder. */
  stop(): Promise<void>;
  /** SIGKILL: no shutdown at all, as in a crash. */
  kill(): Promise<void>;
}

/** The built server as its own OS process, as in production (`npm test` builds before the integration tests). */
export async function startServerProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  if (!existsSync(main)) throw new Error(`${main} is missing: build the server first (npm test does).`);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'preau-proc-'));
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      PREAU_DATA_DIR: dataDir,
      PREAU_SECRET_KEY: PROCESS_SECRET_KEY,
      DEMO_DATA: 'false',
      LOG_LEVEL: 'error',
      ...env,
    },
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
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, child, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}
