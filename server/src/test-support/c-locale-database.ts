import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { inject } from 'vitest';
import { dropDatabase, splitDatabaseUrl } from '../platform/database/ensure-database';

/**
 * An empty database whose case mapping is the C locale's (upper('é') = 'é'), as a managed server or
 * an embedded cluster initialised with `--locale=C` gives: created from template0 with the libc
 * provider, on the test run's server. The server migrates it when it starts.
 */
export async function createCLocaleDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const template = inject('templateDatabaseUrl');
  const { adminUrl, name: templateName } = splitDatabaseUrl(template);
  const name = `${templateName}_c_${randomBytes(4).toString('hex')}`;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER libc LC_COLLATE 'C' LC_CTYPE 'C'`);
  } finally {
    await client.end();
  }
  const url = new URL(template);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => dropDatabase(url.toString()) };
}
