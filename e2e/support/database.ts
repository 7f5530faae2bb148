import { Client } from 'pg';
import { e2eState } from './state';

/** Direct SQL on the e2e database, for arranging a situation a test needs (never for checking UI). */
export async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: e2eState().databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}
