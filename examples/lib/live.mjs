// @ts-check
/**
 * graphql-ws with an integration token (`npm install graphql-ws ws`): the token goes in the
 * connection_init payload; a socket closed with 4401 (token revoked or expired, or its creator lost
 * the right) is not retried, since trying again will not help.
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { PreauError } from './preau.mjs';

/** @param {{ url: string, token: string }} config */
export function liveClient(config) {
  return createClient({
    url: `${config.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${config.token}`, lang: 'fr' },
    shouldRetry: (event) => !(event && typeof event === 'object' && 'code' in event && event.code === 4401),
  });
}

/**
 * Follows one subscription: `onData` gets each event's data; resolves when the subscription ends,
 * rejects with the server's errors (a missing scope: FORBIDDEN naming it). Returns a stop function too.
 * @param {import('graphql-ws').Client} client
 * @param {string} query
 * @param {(data: any) => void} onData
 * @returns {{ done: Promise<void>, stop: () => void }}
 */
export function follow(client, query, onData) {
  /** @type {() => void} */
  let stop = () => undefined;
  const done = new Promise((resolve, reject) => {
    stop = client.subscribe(
      { query },
      {
        next: (result) => {
          if (result.errors?.length) reject(new PreauError(/** @type {any} */ (result.errors)));
          else onData(result.data);
        },
        error: (error) => reject(Array.isArray(error) ? new PreauError(error) : error),
        complete: () => resolve(undefined),
      },
    );
  });
  return { done: /** @type {Promise<void>} */ (done), stop };
}
