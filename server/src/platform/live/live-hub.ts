import { logger } from '../logging/logger';

/** Events a subscriber may have waiting before its subscription is ended with an error. */
export const MAX_PENDING_EVENTS = 1024;

const LISTEN = Symbol('LiveHub listen');

/**
 * One subscription's queue: an async iterator fed by `push`. Plain arrays and one promise per wait,
 * because a fan-out pushes to thousands of them per event (this replaced @graphql-yoga/subscription's
 * createPubSub: one CustomEvent dispatch and one Repeater push per recipient were a sixth of the
 * server's time in bench/fanout). Or, once `listenTo` was called, a synchronous callback.
 */
class Channel<T> implements AsyncIterableIterator<T> {
  private readonly queue: T[] = [];
  private readonly waiting: { resolve: (step: IteratorResult<T>) => void; reject: (error: Error) => void }[] = [];
  private failure: Error | undefined;
  private closed = false;
  private listener: ((value: T) => void) | undefined;

  constructor(private readonly onClose: (channel: Channel<T>) => void) {}

  push(value: T): void {
    if (this.closed) return;
    if (this.listener) return this.listener(value);
    const waiter = this.waiting.shift();
    if (waiter) return waiter.resolve({ done: false, value });
    if (this.queue.length < MAX_PENDING_EVENTS) {
      this.queue.push(value);
      return;
    }
    // A subscriber that stopped reading (a stuck socket) must not hold events without limit: its
    // subscription ends with an error (graphql-ws sends it an `error` message, logged as INTERNAL).
    this.failure = new Error(`live subscription dropped: more than ${MAX_PENDING_EVENTS} events waiting`);
    this.queue.length = 0;
    this.close();
  }

  next(): Promise<IteratorResult<T>> {
    if (this.queue.length > 0) return Promise.resolve({ done: false, value: this.queue.shift()! });
    if (this.failure) {
      const failure = this.failure;
      this.failure = undefined;
      return Promise.reject(failure);
    }
    if (this.closed) return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  return(): Promise<IteratorResult<T>> {
    this.queue.length = 0;
    this.close();
    return Promise.resolve({ done: true, value: undefined });
  }

  throw(error?: unknown): Promise<IteratorResult<T>> {
    this.queue.length = 0;
    this.close();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  [LISTEN](listener: (value: T) => void): boolean {
    if (this.closed || this.queue.length > 0 || this.waiting.length > 0 || this.listener) return false;
    this.listener = listener;
    return true;
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.listener = undefined;
    this.onClose(this);
    for (const waiter of this.waiting.splice(0)) {
      if (this.failure) {
        waiter.reject(this.failure);
        this.failure = undefined;
      } else waiter.resolve({ done: true, value: undefined });
    }
  }
}

/**
 * Per-user live channels of this instance (graphql-ws subscriptions). Events arrive from the
 * EventBus (every instance hears every event); each instance then delivers only to the users
 * subscribed here, so the per-subscriber work is a map lookup and a queue push. Every recipient of one
 * `publishTo` gets the same payload object (what @SharedPayload subscriptions memoise on).
 */
export class LiveHub<T> {
  private readonly channels = new Map<string, Set<Channel<T>>>();
  /** Who awaits a user's count of open subscriptions (see untilSubscriptions); empty outside tests. */
  private readonly watchers = new Map<string, { count: number; resolve: () => void }[]>();

  subscribe(userId: string): AsyncIterable<T> {
    const channel = new Channel<T>((closed) => {
      const ofUser = this.channels.get(userId);
      if (!ofUser) return;
      ofUser.delete(closed);
      if (ofUser.size === 0) this.channels.delete(userId);
      this.changed(userId, ofUser.size);
    });
    const ofUser = this.channels.get(userId);
    if (ofUser) ofUser.add(channel);
    else this.channels.set(userId, new Set([channel]));
    const open = ofUser ? ofUser.size : 1;
    // Also the one sign another process gives that a subscription is registered (cross-process tests read it).
    logger.debug('live subscription opened', { userId, open });
    this.changed(userId, open);
    return channel;
  }

  /**
   * Resolves once `userId` has exactly `count` open subscriptions on this instance (at once if so
   * already). What tests await between subscribing over a socket and publishing, instead of a sleep.
   */
  untilSubscriptions(userId: string, count: number): Promise<void> {
    if ((this.channels.get(userId)?.size ?? 0) === count) return Promise.resolve();
    return new Promise((resolve) => {
      const ofUser = this.watchers.get(userId);
      if (ofUser) ofUser.push({ count, resolve });
      else this.watchers.set(userId, [{ count, resolve }]);
    });
  }

  private changed(userId: string, open: number): void {
    const ofUser = this.watchers.get(userId);
    if (!ofUser) return;
    const waiting = ofUser.filter((watcher) => watcher.count !== open);
    for (const watcher of ofUser) if (watcher.count === open) watcher.resolve();
    if (waiting.length > 0) this.watchers.set(userId, waiting);
    else this.watchers.delete(userId);
  }

  /** Users with at least one open subscription on this instance. */
  localUserIds(): string[] {
    return [...this.channels.keys()];
  }

  publishTo(userIds: Iterable<string>, payload: T): void {
    for (const userId of userIds) {
      const ofUser = this.channels.get(userId);
      if (ofUser) for (const channel of ofUser) channel.push(payload);
    }
  }
}

/**
 * Switches a LiveHub subscription to synchronous delivery: from now on `publishTo` calls `listener`
 * with each payload instead of queuing it for `next()` (a fan-out then sends to thousands of sockets
 * without a promise per subscriber; see app/live-subscribe.ts). Closing the subscription (`return()`)
 * stops it. False when `stream` is not a LiveHub subscription, or already has events queued or read.
 */
export function listenTo<T>(stream: unknown, listener: (value: T) => void): boolean {
  return stream instanceof Channel && (stream as Channel<T>)[LISTEN](listener);
}
