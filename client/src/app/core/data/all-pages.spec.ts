import { Subject, firstValueFrom, of, throwError } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { allPages } from './all-pages';
import type { KeysetPage } from './keyset-paged';

interface Row {
  readonly id: string;
}
const rows = (...ids: string[]): Row[] => ids.map((id) => ({ id }));

/** A server of three pages: a,b | c,d | e. */
function threePages() {
  const asked: (string | null)[] = [];
  const pages: Record<string, KeysetPage<Row>> = {
    start: { items: rows('a', 'b'), hasNextPage: true, endCursor: 'p2' },
    p2: { items: rows('c', 'd'), hasNextPage: true, endCursor: 'p3' },
    p3: { items: rows('e'), hasNextPage: false, endCursor: null },
  };
  return {
    asked,
    fetch: (after: string | null) => {
      asked.push(after);
      return of(pages[after ?? 'start']);
    },
  };
}

describe('allPages', () => {
  it('asks page after page from each end cursor and answers once with every row', async () => {
    const server = threePages();
    const page = await firstValueFrom(allPages(server.fetch, 10)(null));
    expect(server.asked).toEqual([null, 'p2', 'p3']);
    expect(page).toEqual({ items: rows('a', 'b', 'c', 'd', 'e'), hasNextPage: false, endCursor: null });
  });

  it('stops at the most pages allowed and says rows were left', async () => {
    const server = threePages();
    const page = await firstValueFrom(allPages(server.fetch, 2)(null));
    expect(server.asked).toEqual([null, 'p2']);
    expect(page).toEqual({ items: rows('a', 'b', 'c', 'd'), hasNextPage: true, endCursor: 'p3' });
  });

  it('keeps once a row that two pages bring', async () => {
    const fetch = (after: string | null) =>
      of(after ? { items: rows('b', 'c'), hasNextPage: false, endCursor: null } : { items: rows('a', 'b'), hasNextPage: true, endCursor: 'x' });
    expect((await firstValueFrom(allPages(fetch, 5)(null))).items).toEqual(rows('a', 'b', 'c'));
  });

  it('emits nothing before the last page and fails when any page fails', async () => {
    const second = new Subject<KeysetPage<Row>>();
    const fetch = (after: string | null) => (after ? second : of({ items: rows('a'), hasNextPage: true, endCursor: 'x' }));
    const seen: KeysetPage<Row>[] = [];
    let failure: unknown = null;
    allPages(fetch, 5)(null).subscribe({ next: (page) => seen.push(page), error: (error: unknown) => (failure = error) });
    expect(seen).toEqual([]);
    second.error(new Error('réseau'));
    expect((failure as Error).message).toBe('réseau');
    expect(seen).toEqual([]);
    await expect(firstValueFrom(allPages(() => throwError(() => new Error('refusé')), 5)(null))).rejects.toThrow('refusé');
  });
});
