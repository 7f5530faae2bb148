import type { Actor } from '../../platform/auth/actor';
import type { EventBus } from '../../platform/pubsub/event-bus';
import { encodeCursor } from './event-cursor';
import { EventLogService, JOURNALED_TYPES } from './event-log.service';
import type { EventRow } from './event-log.types';

/** Re-read after this long while a row waits for an older transaction to end (nothing notifies that). */
const HELD_BACK_RETRY_MS = 100;
const BATCH = 100;

/**
 * `eventsSince`: the log read from the cursor, then again each time a logged event is notified.
 * Replay and live are the same query on the same cursor, so the hand-over has no gap and no
 * duplicate by construction; a NOTIFY only says "read again" (a missed one, while the listening
 * connection was down, is made up by reading again when it is back). Not an async generator: its
 * `return()` must end a wait at once when the client unsubscribes.
 */
export class EventStream implements AsyncIterableIterator<EventRow> {
  private cursor: string | null;
  private buffer: EventRow[] = [];
  private dirty = true;
  private done = false;
  private wake?: () => void;
  private timer?: NodeJS.Timeout;
  private readonly unsubscribe: (() => void)[];

  constructor(
    private readonly log: EventLogService,
    bus: EventBus,
    private readonly actor: Actor,
    after: string | null,
    private readonly types: readonly string[] | null,
  ) {
    this.cursor = after;
    const poke = () => this.poke();
    this.unsubscribe = [...JOURNALED_TYPES.map((type) => bus.on(type, poke)), bus.onReconnect(poke)];
  }

  private poke(): void {
    this.dirty = true;
    this.wake?.();
  }

  async next(): Promise<IteratorResult<EventRow>> {
    while (!this.done) {
      const row = this.buffer.shift();
      if (row) {
        this.cursor = encodeCursor(row);
        return { value: row, done: false };
      }
      if (this.dirty) {
        this.dirty = false;
        const { rows, heldBack } = await this.log.page(this.actor, { after: this.cursor, first: BATCH, types: this.types });
        this.buffer = rows;
        // A full batch may have more behind it; held-back rows appear once older transactions end.
        if (rows.length === BATCH) this.dirty = true;
        else if (heldBack) this.timer = setTimeout(() => this.poke(), HELD_BACK_RETRY_MS);
        continue;
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
    return { value: undefined, done: true };
  }

  async return(): Promise<IteratorResult<EventRow>> {
    this.done = true;
    clearTimeout(this.timer);
    for (const off of this.unsubscribe) off();
    this.wake?.();
    return { value: undefined, done: true };
  }

  async throw(error: unknown): Promise<IteratorResult<EventRow>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
