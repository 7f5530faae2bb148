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
