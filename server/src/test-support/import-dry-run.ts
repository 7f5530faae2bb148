import { expect } from 'vitest';
import type { GraphQLTestClient } from './test-server';

/** « Simuler l'import » of these files for an école (POST /imports/dry-run): the session's id, once accepted. */
export async function dryRunImport(client: GraphQLTestClient, ecole: string, files: [name: string, bytes: Buffer][]): Promise<string> {
  const form = new FormData();
  for (const [name, bytes] of files) form.append('fichiers', new Blob([bytes]), name);
  const response = await fetch(`${client.baseUrl}/imports/dry-run?ecole=${ecole}`, { method: 'POST', headers: { cookie: client.cookie! }, body: form });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** The tables an import writes the directory to: their row counts show whether it wrote anything. */
export const IMPORTED_TABLES = ['app_user', 'account_name', 'user_structure', 'class_member', 'relative_link', 'school_class', 'import_class', 'import_address', 'import_absence'];

/** Row counts of `IMPORTED_TABLES`, in that order. */
export async function importedTableCounts(db: { query(sql: string): Promise<{ n: string }[]> }): Promise<number[]> {
  return Promise.all(IMPORTED_TABLES.map(async (table) => Number((await db.query(`SELECT count(*) AS n FROM ${table}`))[0].n)));
}
