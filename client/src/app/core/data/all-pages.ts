import { EMPTY, expand, reduce } from 'rxjs';
import type { KeysetPage, PageFetcher } from './keyset-paged';

/**
 * A fetcher whose « page » is up to `maxPages` pages of `fetchPage` asked one after the other, for
 * the lists a page needs whole (a checklist, a count) while the server caps each request. The
 * answer comes once all have arrived; `hasNextPage` says whether rows were left (e.g. « 200+ »).
 */
export function allPages<T extends { readonly id: string }>(fetchPage: PageFetcher<T>, maxPages: number): PageFetcher<T> {
  return (after) =>
    fetchPage(after).pipe(
      expand((page, index) => (page.hasNextPage && page.endCursor !== null && index + 1 < maxPages ? fetchPage(page.endCursor) : EMPTY)),
      reduce<KeysetPage<T>, KeysetPage<T>>(
        (all, page) => {
          // A row moved between two requests may come twice: it is kept once, where it came first.
          const known = new Set(all.items.map((item) => item.id));
          return { items: [...all.items, ...page.items.filter((item) => !known.has(item.id))], hasNextPage: page.hasNextPage, endCursor: page.endCursor };
        },
        { items: [], hasNextPage: false, endCursor: after },
      ),
    );
}
