import { describe, expect, it } from 'vitest';
import { type LiveEvent, type LiveListRules, applyLiveEvent, newestFirst } from './live-list';

interface Row {
  readonly id: string;
  readonly at: string;
  readonly status: string;
}

const row = (id: string, at: string, status = 'PENDING'): Row => ({ id, at, status });
const rules: LiveListRules<Row> = { order: newestFirst((r) => r.at), complete: true };
const ids = (list: readonly Row[]): string[] => list.map((r) => r.id);
const apply = (list: readonly Row[], events: LiveEvent<Row>[], with_: LiveListRules<Row> = rules): readonly Row[] =>
  events.reduce((current, event) => applyLiveEvent(current, event, with_), list);

describe('applyLiveEvent', () => {
  const loaded = [row('c', '2026-12-03'), row('b', '2026-12-02'), row('a', '2026-12-01')];

  it('puts a new item where the order puts it, whatever the order the events arrive in', () => {
    const late = row('e', '2026-12-05');
    const early = row('d', '2026-12-04');
    expect(ids(apply(loaded, [{ kind: 'upsert', item: late }, { kind: 'upsert', item: early }]))).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(ids(apply(loaded, [{ kind: 'upsert', item: early }, { kind: 'upsert', item: late }]))).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(ids(apply(loaded, [{ kind: 'upsert', item: row('ab', '2026-12-01T12:00') }]))).toEqual(['c', 'b', 'ab', 'a']);
  });

  it('never shows an item twice when its event comes again', () => {
    const event: LiveEvent<Row> = { kind: 'upsert', item: row('d', '2026-12-04') };
    const once = apply(loaded, [event]);
    const twice = apply(loaded, [event, event, event]);
    expect(ids(twice)).toEqual(['d', 'c', 'b', 'a']);
    expect(twice).toEqual(once);
    // The same event a second time changes nothing: the very same array, so a signal stays quiet.
    expect(applyLiveEvent(once, event, rules)).toBe(once);
  });

  it('replaces an item in place by id and moves it if its sort key changed', () => {
    const kept = apply(loaded, [{ kind: 'upsert', item: row('b', '2026-12-02', 'KEPT') }]);
    expect(ids(kept)).toEqual(['c', 'b', 'a']);
    expect(kept[1].status).toBe('KEPT');
    expect(ids(apply(loaded, [{ kind: 'upsert', item: row('a', '2026-12-09') }]))).toEqual(['a', 'c', 'b']);
  });

  it('removes by id, and a removal of an unknown or already removed id changes nothing', () => {
    const removed = apply(loaded, [{ kind: 'remove', id: 'b' }]);
    expect(ids(removed)).toEqual(['c', 'a']);
    expect(applyLiveEvent(removed, { kind: 'remove', id: 'b' }, rules)).toBe(removed);
    expect(applyLiveEvent(loaded, { kind: 'remove', id: 'zz' }, rules)).toBe(loaded);
  });

  it('takes out an item that no longer belongs to the list, and never adds one that does not', () => {
    const pendingOnly: LiveListRules<Row> = { ...rules, belongs: (r) => r.status === 'PENDING' };
    expect(ids(apply(loaded, [{ kind: 'upsert', item: row('b', '2026-12-02', 'KEPT') }], pendingOnly))).toEqual(['c', 'a']);
    expect(apply(loaded, [{ kind: 'upsert', item: row('d', '2026-12-04', 'KEPT') }], pendingOnly)).toBe(loaded);
  });

  it('leaves to the next page an item that sorts after the last row loaded, while there is one', () => {
    const partial: LiveListRules<Row> = { ...rules, complete: false };
    const older = row('old', '2026-11-01');
    expect(apply(loaded, [{ kind: 'upsert', item: older }], partial)).toBe(loaded);
    expect(ids(apply(loaded, [{ kind: 'upsert', item: older }], rules))).toEqual(['c', 'b', 'a', 'old']);
    expect(ids(apply(loaded, [{ kind: 'upsert', item: row('d', '2026-12-04') }], partial))).toEqual(['d', 'c', 'b', 'a']);
  });

  it('starts an empty complete list', () => {
    expect(ids(apply([], [{ kind: 'upsert', item: row('a', '2026-12-01') }]))).toEqual(['a']);
  });
});
