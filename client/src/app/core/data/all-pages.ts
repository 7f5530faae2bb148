import { type Observable, of, switchMap } from 'rxjs';
import type { KeysetPage, PageFetcher } from './keyset-paged';

/**
 * A fetcher whose « page » is up to `maxPages` pages of `fetchPage` asked one after the other, for
 * the lists a page needs whole (a checklist, a count) while the server caps each request. The
 * answer comes once all have arrived; `hasNextPage` says whether rows were left (e.g. « 200+ »).
 */
export function allPages<T extends { readonly id: string }>(fetchPage: PageFetcher<T>, maxPages: number): PageFetcher<T> {
  const walk = (after: string | null, pagesLeft: number, before: readonly T[]): Observable<KeysetPage<T>> =>
    fetchPage(after).pipe(
      switchMap((page) => {
        // A row moved between two requests may come twice: it is kept once, where it came first.
        const known = new Set(before.map((item) => item.id));
        const items = [...before, ...page.items.filter((item) => !known.has(item.id))];
        return page.hasNextPage && page.endCursor !== null && pagesLeft > 1
          ? walk(page.endCursor, pagesLeft - 1, items)
          : of({ items, hasNextPage: page.hasNextPage, endCursor: page.endCursor });
      }),
    );
  return (after) => walk(after, maxPages, []);
}
