import type { EventBus } from '../platform/pubsub/event-bus';

/**
 * Resolves once `isSettled` holds for a mailing, read again at each of its `mailing.progress`
 * events (on this instance's bus, which every instance's runner reaches through NOTIFY): the test
 * waits for the runner's own signals, not a clock. Listens before the first read, so no event
 * falls between the two.
 */
export async function mailingSettled<T>(events: EventBus, mailingId: string, read: () => Promise<T>, isSettled: (state: T) => boolean): Promise<T> {
  let wake: () => void = () => undefined;
  const stop = events.on('mailing.progress', (event) => {
    if (event.mailingId === mailingId) wake();
  });
  try {
    for (;;) {
      const changed = new Promise<void>((resolve) => (wake = resolve));
      const state = await read();
      if (isSettled(state)) return state;
      await changed;
    }
  } finally {
    stop();
  }
}
