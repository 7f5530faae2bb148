import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { inject } from 'vitest';
import { dropDatabase, splitDatabaseUrl } from '../platform/database/ensure-database';

/**
 * A database of its own for one test file, cloned from the run's migrated template. Cloning needs
 * the template to have no open connections, so clones are made one at a time under an advisory lock.
 */
export async function cloneTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const template = inject('templateDatabaseUrl');
  const { adminUrl, name: templateName } = splitDatabaseUrl(template);
  const name = `${templateName}_${randomBytes(4).toString('hex')}`;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(4242)');
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName}"`);
  } finally {
    await client.query('SELECT pg_advisory_unlock(4242)').catch(() => undefined);
    await client.end();
  }
  const url = new URL(template);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => dropDatabase(url.toString()) };
}
