import type { Client } from 'graphql-ws';
import type { LiveHub } from '../platform/live/live-hub';

/**
 * What one graphql-ws subscription received. Tests wait on `until(n)` — the arrival of the n-th
 * message — never on a clock: if it never comes, the test's own timeout fails it.
 */
export interface LiveFeed<T> {
  readonly received: T[];
  readonly client: Client;
  /** Resolves once `count` messages have arrived, or once `done(received)` holds. */
  until(done: number | ((received: T[]) => boolean)): Promise<T[]>;
}

/** Subscribes `query` on `client` and collects each message's `data` (or the whole message with `whole`). */
export function liveFeed<T = unknown>(client: Client, query: string, options: { variables?: Record<string, unknown>; whole?: boolean } = {}): LiveFeed<T> {
  const received: T[] = [];
  const waiting: { done: (received: T[]) => boolean; resolve: (values: T[]) => void }[] = [];
  client.subscribe(
    { query, variables: options.variables },
    {
      next: (value) => {
        received.push((options.whole ? value : value.data) as T);
        for (const waiter of waiting.splice(0)) {
          if (waiter.done(received)) waiter.resolve(received);
          else waiting.push(waiter);
        }
      },
      error: () => undefined,
      complete: () => undefined,
    },
  );
  return {
    received,
    client,
    until: (condition) => {
      const done = typeof condition === 'number' ? (values: T[]) => values.length >= condition : condition;
      return done(received) ? Promise.resolve(received) : new Promise((resolve) => waiting.push({ done, resolve }));
    },
  };
}

/**
 * Proves without a clock that nothing more is on its way to these feeds: publishes `barrier` to
 * their users on `hub` and waits until each feed has it (a subscriber's events keep their order, so
 * whatever was sent to it before has arrived by then); then takes it out of `received`.
 */
export async function drain<P, T>(hub: LiveHub<P>, feeds: { feed: LiveFeed<T>; userId: string }[], barrier: P, isBarrier: (message: T) => boolean): Promise<void> {
  hub.publishTo(new Set(feeds.map(({ userId }) => userId)), barrier);
  await Promise.all(feeds.map(({ feed }) => feed.until((received) => received.some(isBarrier))));
  for (const { feed } of feeds) feed.received.splice(feed.received.findIndex(isBarrier), 1);
}
