import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
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
  /**
   * Resolves with the first structured log line (stdout, JSON) that `matches`, past or to come: how a
   * test learns what happened inside the process (start it with LOG_LEVEL=debug to see debug lines).
   * Rejects if the process exits first.
   */
  logged(matches: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
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
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: Record<string, unknown>[] = [];
  const watchers: { matches: (line: Record<string, unknown>) => boolean; resolve: (line: Record<string, unknown>) => void; reject: (error: Error) => void }[] = [];
  createInterface({ input: child.stdout! }).on('line', (text) => {
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return; // the banner, not a log line
    }
    lines.push(line);
    for (const watcher of watchers.splice(0)) {
      if (watcher.matches(line)) watcher.resolve(line);
      else watchers.push(watcher);
    }
  });
  child.once('exit', () => {
    for (const watcher of watchers.splice(0)) watcher.reject(new Error('server process exited before logging what was awaited'));
  });
  const logged = (matches: (line: Record<string, unknown>) => boolean) => {
    const seen = lines.find(matches);
    if (seen) return Promise.resolve(seen);
    if (child.exitCode !== null || child.signalCode !== null) return Promise.reject(new Error('server process has exited'));
    return new Promise<Record<string, unknown>>((resolve, reject) => watchers.push({ matches, resolve, reject }));
  };
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
  return { url, child, stop: () => end('SIGTERM'), kill: () => end('SIGKILL'), logged };
}
