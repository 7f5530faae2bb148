import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** A graphql-ws client that presents a session cookie, like a signed-in browser tab. */
export function wsClient(baseUrl: string, cookie?: string, onClosed?: (code: number) => void, lazy = true): Client {
  return createClient({
    url: baseUrl.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: class extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: cookie ? { cookie } : {} });
      }
    },
    retryAttempts: 0,
    lazy,
    on: { closed: (event) => onClosed?.((event as { code: number }).code) },
  });
}

/** Runs one operation; resolves with its result, its errors, or the close code of the socket. */
export function runOnce(client: Client, query: string, variables?: Record<string, unknown>): Promise<{ data?: unknown; errors?: unknown[]; closed?: number }> {
  return new Promise((resolve) => {
    let result: { data?: unknown; errors?: unknown[] } = {};
    client.subscribe(
      { query, variables },
      {
        next: (value) => (result = value as typeof result),
        error: (error) => {
          if (Array.isArray(error)) resolve({ errors: error });
          else resolve({ closed: (error as { code?: number }).code ?? -1 });
        },
        complete: () => resolve(result),
      },
    );
  });
}

/** Connects and keeps the socket open (for tests about being disconnected). Resolves once connected. */
export async function openSocket(baseUrl: string, cookie: string): Promise<{ client: Client; closedWith: Promise<number> }> {
  let resolveClosed!: (code: number) => void;
  const closedWith = new Promise<number>((resolve) => (resolveClosed = resolve));
  // Not lazy: the socket stays open with no operation running, like an idle browser tab.
  const client = wsClient(baseUrl, cookie, (code) => resolveClosed(code), false);
  const first = await runOnce(client, '{ me { id } }');
  if (!first.data) throw new Error(`socket did not connect: ${JSON.stringify(first)}`);
  return { client, closedWith };
}
