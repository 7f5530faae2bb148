import { DOCUMENT } from '@angular/common';
import { Injectable, type OnDestroy, inject } from '@angular/core';
import { ApolloLink } from '@apollo/client';
import type { Client } from 'graphql-ws';
import { from, switchMap } from 'rxjs';
import { graphqlWebSocketUrl } from './graphql-endpoint';

const MAX_RETRY_DELAY_MS = 30_000;

/**
 * The WebSocket side of the API (subscriptions only). Nothing is downloaded or opened until the first
 * subscription: graphql-ws and its Apollo link are loaded on demand, the client is lazy (the socket
 * closes when no subscription is left) and retries with a capped, jittered exponential backoff.
 * `close()` drops the connection after sign-in or sign-out, so the next one carries the new cookie.
 */
@Injectable({ providedIn: 'root' })
export class GraphqlWsConnection implements OnDestroy {
  private readonly location = inject(DOCUMENT).location;
  private connection: Promise<{ client: Client; link: ApolloLink }> | null = null;

  /** A terminating link for subscription operations. */
  readonly link = new ApolloLink(
    (operation, forward) => from(this.open()).pipe(switchMap(({ link }) => link.request(operation, forward))),
  );

  close(): void {
    const closing = this.connection;
    this.connection = null;
    void closing?.then(({ client }) => client.dispose());
  }

  ngOnDestroy(): void {
    this.close();
  }

  private open(): Promise<{ client: Client; link: ApolloLink }> {
    this.connection ??= Promise.all([import('graphql-ws'), import('@apollo/client/link/subscriptions')]).then(
      ([{ createClient }, { GraphQLWsLink }]) => {
        const client = createClient({
          url: graphqlWebSocketUrl(this.location),
          lazy: true,
          keepAlive: 15_000,
          retryAttempts: Number.POSITIVE_INFINITY,
          // Network failures (server restarting, Wi-Fi dropping) are worth retrying too, not only close events.
          shouldRetry: () => true,
          retryWait: waitBeforeRetry,
        });
        return { client, link: new GraphQLWsLink(client) };
      },
    );
    return this.connection;
  }
}

function waitBeforeRetry(retries: number): Promise<void> {
  const exponential = Math.min(1_000 * 2 ** retries, MAX_RETRY_DELAY_MS);
  const jitter = Math.random() * 1_000;
  return new Promise((resolve) => setTimeout(resolve, exponential + jitter));
}
