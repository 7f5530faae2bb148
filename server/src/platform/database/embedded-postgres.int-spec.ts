import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded-postgres';
import { ensureDatabase } from './ensure-database';
import { freePort } from './free-port';

/** The README's default database: a fresh embedded cluster, as `npm start` initialises it in `.data/pg`. */
describe('embedded PostgreSQL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'preau-embedded-'));
  let stop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await stop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is initialised in UTF-8 with Unicode case mapping, whatever the machine’s locale', async () => {
    const embedded = await startEmbeddedPostgres(dir, await freePort());
    stop = embedded.stop;
    const url = embedded.url('preau_locale');
    await ensureDatabase(url); // as Préau creates its database: CREATE DATABASE from template1
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT upper('prévost françois l''hôte œ') AS upper, lower('ÉLODIE') AS lower, pg_encoding_to_char(encoding) AS encoding
           FROM pg_database WHERE datname = current_database()`,
      );
      expect(rows[0]).toEqual({ upper: "PRÉVOST FRANÇOIS L'HÔTE Œ", lower: 'élodie', encoding: 'UTF8' });
    } finally {
      await client.end();
    }
  });
});
