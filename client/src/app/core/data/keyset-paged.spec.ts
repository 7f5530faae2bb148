import { Subject, of, throwError } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { type KeysetPage, keysetPaged } from './keyset-paged';

interface Row {
  readonly id: string;
}
const rows = (...ids: string[]): Row[] => ids.map((id) => ({ id }));
const page = (ids: string[], hasNextPage: boolean, endCursor: string | null = null): KeysetPage<Row> => ({
  items: rows(...ids),
  hasNextPage,
  endCursor,
});

/** A fetcher whose answers the test gives by hand, in the order it likes. */
function manualServer() {
  const requests: { after: string | null; answer: Subject<KeysetPage<Row>> }[] = [];
  return {
    requests,
    fetch: (after: string | null) => {
      const answer = new Subject<KeysetPage<Row>>();
      requests.push({ after, answer });
      return answer;
    },
    answer(index: number, value: KeysetPage<Row>) {
      requests[index].answer.next(value);
      requests[index].answer.complete();
    },
  };
}

describe('keysetPaged', () => {
  it('loads the first page, then appends the next from the end cursor until there is none', async () => {
    const server = manualServer();
    const list = keysetPaged(server.fetch);
    expect(list.items()).toBeNull();

    const first = list.reload();
    expect(list.loading()).toBe(true);
    server.answer(0, page(['a', 'b'], true, 'c1'));
    await first;
    expect(list.items()).toEqual(rows('a', 'b'));
    expect(list.loading()).toBe(false);
    expect(list.hasNextPage()).toBe(true);
    expect(list.endCursor()).toBe('c1');

    const more = list.loadMore();
    expect(server.requests[1].after).toBe('c1');
    server.answer(1, page(['c'], false));
    expect(await more).toEqual(rows('c'));
    expect(list.items()).toEqual(rows('a', 'b', 'c'));
    expect(list.hasNextPage()).toBe(false);

    expect(await list.loadMore()).toEqual([]);
    expect(server.requests).toHaveLength(2);
  });

  it('does not repeat a row already shown (arrived live) when the next page brings it', async () => {
    const list = keysetPaged((after) => of(after ? page(['new', 'b', 'c'], false) : page(['a', 'b'], true, 'c1')));
    await list.reload();
    list.update((items) => [{ id: 'new' }, ...items]);
    expect(await list.loadMore()).toEqual(rows('c'));
    expect(list.items()).toEqual(rows('new', 'a', 'b', 'c'));
  });

  it('asks only once while « Voir plus » is on its way', async () => {
    const server = manualServer();
    const list = keysetPaged(server.fetch);
    const first = list.reload();
    server.answer(0, page(['a'], true, 'c1'));
    await first;
    const more = list.loadMore();
    await list.loadMore();
    expect(server.requests).toHaveLength(2);
    server.answer(1, page(['b'], false));
    await more;
    expect(list.items()).toEqual(rows('a', 'b'));
  });

  it('keeps only the newest answer when a reload overtakes a request still on its way', async () => {
    const server = manualServer();
    const list = keysetPaged(server.fetch);
    const stale = list.reload();
    const fresh = list.reload({ clear: true });
    server.answer(1, page(['new'], false));
    server.answer(0, page(['old'], true, 'x'));
    await Promise.all([stale, fresh]);
    expect(list.items()).toEqual(rows('new'));
    expect(list.hasNextPage()).toBe(false);
  });

  it('keeps the rows shown during a refresh, and empties them for a new filter', async () => {
    const server = manualServer();
    const list = keysetPaged(server.fetch);
    const first = list.reload();
    server.answer(0, page(['a'], true, 'c1'));
    await first;
    void list.reload();
    expect(list.items()).toEqual(rows('a'));
    void list.reload({ clear: true });
    expect(list.items()).toBeNull();
    expect(list.hasNextPage()).toBe(false);
  });

  it('keeps the failure, leaves the rows loaded, and clears the failure on the next request', async () => {
    let fail = false;
    const list = keysetPaged((after) => (fail ? throwError(() => new Error('réseau')) : of(page([after ?? 'a'], true, 'b'))));
    await list.reload();
    fail = true;
    expect(await list.loadMore()).toEqual([]);
    expect((list.error() as Error).message).toBe('réseau');
    expect(list.items()).toEqual(rows('a'));
    expect(list.loading()).toBe(false);
    expect(list.hasNextPage()).toBe(true);
    fail = false;
    const retry = list.loadMore();
    expect(list.error()).toBeNull();
    await retry;
    expect(list.items()).toEqual(rows('a', 'b'));
  });

  it('drops a failure of a request that a newer one replaced', async () => {
    const server = manualServer();
    const list = keysetPaged(server.fetch);
    const stale = list.reload();
    const fresh = list.reload();
    server.requests[0].answer.error(new Error('old'));
    server.answer(1, page(['a'], false));
    await Promise.all([stale, fresh]);
    expect(list.error()).toBeNull();
    expect(list.items()).toEqual(rows('a'));
  });

  it('reset drops the rows and the request on its way', async () => {
    const server = manualServer();
    const list = keysetPaged(server.fetch);
    const pending = list.reload();
    list.reset();
    expect(await pending).toBeUndefined();
    expect(server.requests[0].answer.observed).toBe(false);
    expect(list.items()).toBeNull();
    expect(list.loading()).toBe(false);
  });
});
