import { describe, expect, it } from 'vitest';
import { listenTo, LiveHub, MAX_PENDING_EVENTS } from './live-hub';

const take = async <T>(iterable: AsyncIterable<T>, count: number): Promise<T[]> => {
  const iterator = iterable[Symbol.asyncIterator]();
  const values: T[] = [];
  while (values.length < count) values.push((await iterator.next()).value as T);
  return values;
};

describe('LiveHub (per-user live channels of one instance)', () => {
  it('delivers to the users named only, in order, the same payload object to each of their subscriptions', async () => {
    const hub = new LiveHub<{ n: number }>();
    const annTab1 = hub.subscribe('ann');
    const annTab2 = hub.subscribe('ann');
    const bob = hub.subscribe('bob')[Symbol.asyncIterator]();
    const first = { n: 1 };
    hub.publishTo(['ann', 'nobody'], first);
    hub.publishTo(['ann'], { n: 2 });
    const [tab1, tab2] = await Promise.all([take(annTab1, 2), take(annTab2, 2)]);
    expect(tab1.map((p) => p.n)).toEqual([1, 2]);
    expect(tab1[0]).toBe(first);
    expect(tab2[0]).toBe(first);
    // bob got nothing: his next() is still waiting when something is published to him.
    const pending = bob.next();
    hub.publishTo(['bob'], { n: 3 });
    expect((await pending).value).toEqual({ n: 3 });
    expect(hub.localUserIds().sort()).toEqual(['ann', 'bob']);
  });

  it('forgets a subscription when it is returned (the user leaves localUserIds with their last one)', async () => {
    const hub = new LiveHub<number>();
    const one = hub.subscribe('ann')[Symbol.asyncIterator]();
    const two = hub.subscribe('ann')[Symbol.asyncIterator]();
    const waiting = one.next();
    await one.return!();
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(hub.localUserIds()).toEqual(['ann']);
    hub.publishTo(['ann'], 7);
    expect(await one.next()).toEqual({ done: true, value: undefined });
    expect(await two.next()).toEqual({ done: false, value: 7 });
    await two.return!();
    expect(hub.localUserIds()).toEqual([]);
  });

  it('ends with an error a subscription that stopped reading, and only that one', async () => {
    const hub = new LiveHub<number>();
    const stuck = hub.subscribe('ann')[Symbol.asyncIterator]();
    const reading = hub.subscribe('bob')[Symbol.asyncIterator]();
    for (let i = 0; i <= MAX_PENDING_EVENTS; i++) {
      hub.publishTo(['ann'], i);
      hub.publishTo(['bob'], i);
      await reading.next();
    }
    await expect(stuck.next()).rejects.toThrow(/more than 1024 events waiting/);
    expect(await stuck.next()).toEqual({ done: true, value: undefined });
    expect(hub.localUserIds()).toEqual(['bob']);
  });

  it('can hand each payload synchronously to a listener instead (until the subscription is returned)', async () => {
    const hub = new LiveHub<number>();
    const heard: number[] = [];
    const subscription = hub.subscribe('ann')[Symbol.asyncIterator]();
    expect(listenTo(subscription, (n: number) => heard.push(n))).toBe(true);
    expect(listenTo(subscription, () => undefined)).toBe(false);
    expect(listenTo({ [Symbol.asyncIterator]: () => subscription }, () => undefined)).toBe(false);
    hub.publishTo(['ann'], 1);
    hub.publishTo(['ann'], 2);
    expect(heard).toEqual([1, 2]);
    await subscription.return!();
    hub.publishTo(['ann'], 3);
    expect(heard).toEqual([1, 2]);
    expect(hub.localUserIds()).toEqual([]);
    // Not once events were queued for next().
    const queued = hub.subscribe('bob');
    hub.publishTo(['bob'], 4);
    expect(listenTo(queued, () => undefined)).toBe(false);
  });

  it('tells who waits when a user reaches a count of open subscriptions, up and down', async () => {
    const hub = new LiveHub<number>();
    const states: string[] = [];
    const two = hub.untilSubscriptions('ann', 2).then(() => states.push('two'));
    const first = hub.subscribe('ann')[Symbol.asyncIterator]();
    const none = hub.untilSubscriptions('ann', 0).then(() => states.push('none'));
    hub.subscribe('bob');
    await Promise.resolve();
    expect(states).toEqual([]);
    const second = hub.subscribe('ann')[Symbol.asyncIterator]();
    await two;
    expect(states).toEqual(['two']);
    await first.return!();
    await second.return!();
    await none;
    expect(states).toEqual(['two', 'none']);
    // Already there: at once.
    await hub.untilSubscriptions('bob', 1);
    await hub.untilSubscriptions('nobody', 0);
  });
});
