import { createPubSub } from '@graphql-yoga/subscription';

/**
 * Per-user live channels of this instance (graphql-ws subscriptions). Events arrive from the
 * EventBus (every instance hears every event); each instance then delivers only to the users
 * subscribed here, so the per-subscriber work is a map lookup.
 */
export class LiveHub<T> {
  private readonly pubsub = createPubSub<Record<string, [T]>>();
  private readonly counts = new Map<string, number>();

  subscribe(userId: string): AsyncIterable<T> {
    // graphql-yoga types payloads as possibly null; ours never are.
    const iterator = this.pubsub.subscribe(`user:${userId}`)[Symbol.asyncIterator]() as AsyncIterator<T>;
    this.counts.set(userId, (this.counts.get(userId) ?? 0) + 1);
    let done = false;
    const release = () => {
      if (done) return;
      done = true;
      const left = (this.counts.get(userId) ?? 1) - 1;
      if (left <= 0) this.counts.delete(userId);
      else this.counts.set(userId, left);
    };
    return {
      [Symbol.asyncIterator]: () => ({
        next: () => iterator.next(),
        return: async (value?: unknown) => {
          release();
          return (await iterator.return?.(value)) ?? { done: true, value: undefined };
        },
        throw: async (error?: unknown) => {
          release();
          return (await iterator.throw?.(error)) ?? { done: true, value: undefined };
        },
      }),
    };
  }

  /** Users with at least one open subscription on this instance. */
  localUserIds(): string[] {
    return [...this.counts.keys()];
  }

  publishTo(userIds: Iterable<string>, payload: T): void {
    for (const userId of userIds) this.pubsub.publish(`user:${userId}`, payload);
  }
}
