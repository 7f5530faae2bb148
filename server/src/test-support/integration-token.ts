import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { FIXTURE_PASSWORD } from './fixtures';
import type { GraphQLResult, TestServer } from './test-server';

const CREATE = `mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { token client { id } } }`;

export interface TestApiClient {
  token: string;
  id: string;
  pseudonymKey: string;
}

/** An API client made through the console by `creator` (a département admin or the operator), valid 30 days. */
export async function createTestApiClient(server: TestServer, creator: { login: string }, structureId: string, scopes: string[], name: string): Promise<TestApiClient> {
  const person = await server.client().signIn(creator.login, FIXTURE_PASSWORD);
  const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const { createApiClient } = await person.data(CREATE, { input: { name, purpose: 'Tests', structureId, scopes, expiresAt } });
  const [row] = (await server.services.dataSource.query('SELECT pseudonym_key FROM api_client WHERE id = $1', [createApiClient.client.id])) as { pseudonym_key: string }[];
  return { token: createApiClient.token, id: createApiClient.client.id, pseudonymKey: row.pseudonym_key };
}

/** One GraphQL request over HTTP with `Authorization: Bearer <token>`. */
export async function withToken(server: TestServer, token: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult;
}

/** A graphql-ws client authenticated by a token (the caller disposes of it). */
export function tokenSocket(server: TestServer, token: string): Client {
  return createClient({
    url: server.url.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
}
