import { Subject, of, throwError } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { KeysetPage } from './keyset-paged';
import { keysetPager } from './keyset-pager';

interface Page extends KeysetPage<{ readonly id: string }> {
  readonly total: number;
}
const page = (ids: string[], endCursor: string | null): Page => ({
  items: ids.map((id) => ({ id })),
  hasNextPage: endCursor !== null,
  endCursor,
  total: 5,
});
/** Pages of two: a,b | c,d | e. */
const pages: Record<string, Page> = { start: page(['a', 'b'], 'c2'), c2: page(['c', 'd'], 'c3'), c3: page(['e'], null) };
const ids = (shown: Page | null) => shown?.items.map((item) => item.id);

function manualServer() {
  const requests: { after: string | null; answer: Subject<Page> }[] = [];
  return {
    requests,
    fetch: (after: string | null) => {
      const answer = new Subject<Page>();
      requests.push({ after, answer });
      return answer;
    },
    answer(index: number) {
      const { after, answer } = requests[index];
      answer.next(pages[after ?? 'start']);
      answer.complete();
    },
  };
}

describe('keysetPager', () => {
  it('goes forward from each end cursor and back from the cursors seen, one page at a time', async () => {
    const asked: (string | null)[] = [];
    const pager = keysetPager((after) => {
      asked.push(after);
      return of(pages[after ?? 'start']);
    });
    expect(pager.page()).toBeNull();
    await pager.first();
    expect(ids(pager.page())).toEqual(['a', 'b']);
    expect(pager.page()?.total).toBe(5);
    await pager.next();
    await pager.next();
    expect(ids(pager.page())).toEqual(['e']);
    expect(pager.pageIndex()).toBe(2);
    await pager.next();
    await pager.previous();
    expect(ids(pager.page())).toEqual(['c', 'd']);
    expect(pager.pageIndex()).toBe(1);
    await pager.previous();
    await pager.previous();
    expect(pager.pageIndex()).toBe(0);
    expect(asked).toEqual([null, 'c2', 'c3', 'c2', null]);
  });

  it('keeps the page shown while the next is on its way, and ignores a second press meanwhile', async () => {
    const server = manualServer();
    const pager = keysetPager(server.fetch);
    const first = pager.first();
    server.answer(0);
    await first;
    const next = pager.next();
    expect(pager.loading()).toBe(true);
    expect(ids(pager.page())).toEqual(['a', 'b']);
    expect(pager.pageIndex()).toBe(0);
    await pager.next();
    await pager.previous();
    expect(server.requests).toHaveLength(2);
    server.answer(1);
    await next;
    expect(ids(pager.page())).toEqual(['c', 'd']);
    expect(pager.loading()).toBe(false);
  });

  it('lets a new first page (a new filter) overtake a page on its way: the older answer is dropped', async () => {
    const server = manualServer();
    const pager = keysetPager(server.fetch);
    const first = pager.first();
    server.answer(0);
    await first;
    const next = pager.next();
    const again = pager.first();
    server.answer(2);
    server.answer(1);
    await Promise.all([next, again]);
    expect(ids(pager.page())).toEqual(['a', 'b']);
    expect(pager.pageIndex()).toBe(0);
    expect(server.requests[1].answer.observed).toBe(false);
  });

  it('leaves the page and its position as they were when « Page suivante » fails, and can try again', async () => {
    let fail = false;
    const pager = keysetPager((after) => (fail ? throwError(() => new Error('réseau')) : of(pages[after ?? 'start'])));
    await pager.first();
    fail = true;
    await pager.next();
    expect((pager.error() as Error).message).toBe('réseau');
    expect(ids(pager.page())).toEqual(['a', 'b']);
    expect(pager.pageIndex()).toBe(0);
    fail = false;
    await pager.next();
    expect(pager.error()).toBeNull();
    expect(ids(pager.page())).toEqual(['c', 'd']);
    expect(pager.pageIndex()).toBe(1);
  });
});
