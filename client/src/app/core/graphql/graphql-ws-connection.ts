import { DOCUMENT } from '@angular/common';
import { Injectable, type OnDestroy, inject } from '@angular/core';
import { ApolloLink } from '@apollo/client';
import type { Client } from 'graphql-ws/client';
import { from, switchMap } from 'rxjs';
import { SessionExpired } from '../auth/session-expired';
import { graphqlWebSocketUrl } from './graphql-endpoint';

const MAX_RETRY_DELAY_MS = 30_000;
/**
 * The server closes a user's sockets with 4401 when their session ends (blocked, signed out, password
 * changed) and refuses a new one with 4403 when the cookie no longer opens a session: both are final.
 */
const SESSION_CLOSED_CODES = new Set([4401, 4403]);

/**
 * The WebSocket side of the API (subscriptions only). Nothing is downloaded or opened until the first
 * subscription: graphql-ws and its Apollo link are loaded on demand, the client is lazy (the socket
 * closes when no subscription is left) and retries with a capped, jittered exponential backoff.
 * `close()` drops the connection after sign-in or sign-out, so the next one carries the new cookie.
 */
@Injectable({ providedIn: 'root' })
export class GraphqlWsConnection implements OnDestroy {
  private readonly location = inject(DOCUMENT).location;
  private readonly sessionExpired = inject(SessionExpired);
  private connection: Promise<{ client: Client; link: ApolloLink }> | null = null;
  /** The client of `connection`: a client closed by `close()` has nothing more to report. */
  private current: Client | null = null;

  /** A terminating link for subscription operations. */
  readonly link = new ApolloLink(
    (operation, forward) => from(this.open()).pipe(switchMap(({ link }) => link.request(operation, forward))),
  );

  close(): void {
    const closing = this.connection;
    this.connection = null;
    this.current = null;
    void closing?.then(({ client }) => client.dispose());
  }

  ngOnDestroy(): void {
    this.close();
  }

  private open(): Promise<{ client: Client; link: ApolloLink }> {
    if (this.connection) return this.connection;
    // The client entry only: the package's main entry also exports its server, whose execution and
    // validation code then landed in a chunk the first page shares (docs/performance.md, « First load »).
    const connection = Promise.all([import('graphql-ws/client'), import('@apollo/client/link/subscriptions')]).then(
      ([{ createClient }, { GraphQLWsLink }]) => {
        const client = createClient({
          url: graphqlWebSocketUrl(this.location),
          lazy: true,
          keepAlive: 15_000,
          retryAttempts: Number.POSITIVE_INFINITY,
          // Network failures (server restarting, Wi-Fi dropping) are worth retrying too, not a closed session.
          shouldRetry: (event) => !closedSession(event),
          retryWait: waitBeforeRetry,
          on: {
            closed: (event) => {
              if (client === this.current && closedSession(event)) this.sessionExpired.notify();
            },
          },
        });
        if (this.connection === connection) this.current = client;
        return { client, link: new GraphQLWsLink(client) };
      },
    );
    this.connection = connection;
    return connection;
  }
}

function closedSession(event: unknown): boolean {
  return typeof event === 'object' && event !== null && 'code' in event && SESSION_CLOSED_CODES.has(Number(event.code));
}

function waitBeforeRetry(retries: number): Promise<void> {
  const exponential = Math.min(1_000 * 2 ** retries, MAX_RETRY_DELAY_MS);
  const jitter = Math.random() * 1_000;
  return new Promise((resolve) => setTimeout(resolve, exponential + jitter));
}
