import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase, ensureDatabase } from './ensure-database';
import { startEmbeddedPostgres } from './embedded-postgres';
import { freePort } from './free-port';

/**
 * A fresh, empty database for one run: created on DATABASE_URL's server when it is set, otherwise in
 * a throw-away embedded PostgreSQL. `keep` leaves it in place (and returns a stop function).
 */
export async function openScratchDatabase(prefix = 'preau_scratch'): Promise<{ url: string; close: () => Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const base = process.env.DATABASE_URL;
  if (base) {
    const parsed = new URL(base);
    parsed.pathname = `/${name}`;
    const url = parsed.toString();
    await ensureDatabase(url);
    return { url, close: () => dropDatabase(url) };
  }
  const dir = mkdtempSync(join(tmpdir(), 'preau-pg-'));
  const embedded = await startEmbeddedPostgres(dir, await freePort());
  const url = embedded.url(name);
  await ensureDatabase(url);
  return {
    url,
    close: async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function withScratchDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const scratch = await openScratchDatabase();
  try {
    return await work(scratch.url);
  } finally {
    await scratch.close();
  }
}
