import { type Signal, signal } from '@angular/core';
import type { Observable, Subscription } from 'rxjs';

/** One page of a keyset (cursor) list, as every paged query of the API answers it. */
export interface KeysetPage<T> {
  readonly items: readonly T[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

/** Fetches the page after `after` (the first page when null). */
export type PageFetcher<T> = (after: string | null) => Observable<KeysetPage<T>>;

export interface KeysetPaged<T extends { readonly id: string }> {
  /** The rows loaded so far, in the server's order; null until the first page has answered. */
  readonly items: Signal<readonly T[] | null>;
  /** A page is on its way (first page, reload or « Voir plus »). */
  readonly loading: Signal<boolean>;
  /** What the last request failed with (raw: the page words it), cleared when a request starts. */
  readonly error: Signal<unknown>;
  readonly hasNextPage: Signal<boolean>;
  readonly endCursor: Signal<string | null>;
  /** Asks for the first page again. `clear` empties the list meanwhile (a new filter), otherwise
   * the rows stay shown until the answer replaces them (a refresh). A request still on its way is
   * dropped: only the newest answer lands. */
  reload(options?: { clear?: boolean }): Promise<void>;
  /** Appends the next page (rows already shown, e.g. arrived live, are not repeated); resolves to
   * the rows added. Does nothing while a page is on its way or when there is no next page. */
  loadMore(): Promise<readonly T[]>;
  /** Replaces the loaded rows (a live change), leaving the cursor where it is. */
  update(change: (items: readonly T[]) => readonly T[]): void;
  /** Drops the rows and any request on its way (nothing to show, e.g. no record selected). */
  reset(): void;
}

/**
 * The « load a page, append, loading, failure, end cursor » loader that pages of keyset lists all
 * need, as signals. The fetcher is any observable of pages (see `apolloPage` for Apollo), so the
 * rules here are tested without a server.
 */
export function keysetPaged<T extends { readonly id: string }>(fetchPage: PageFetcher<T>): KeysetPaged<T> {
  const items = signal<readonly T[] | null>(null);
  const loading = signal(false);
  const error = signal<unknown>(null);
  const hasNextPage = signal(false);
  const endCursor = signal<string | null>(null);
  let request: Subscription | null = null;
  let generation = 0;

  function cancel(): void {
    request?.unsubscribe();
    request = null;
    generation += 1;
    loading.set(false);
  }

  function fetch(after: string | null): Promise<readonly T[]> {
    cancel();
    const mine = generation;
    loading.set(true);
    error.set(null);
    return new Promise<readonly T[]>((resolve) => {
      let settled = false;
      const settle = (added: readonly T[]): void => {
        if (settled) return;
        settled = true;
        if (mine === generation) {
          loading.set(false);
          request = null;
        }
        resolve(added);
      };
      request = fetchPage(after).subscribe({
        next: (page) => {
          if (mine !== generation) return settle([]);
          const before = after === null ? [] : (items() ?? []);
          const known = new Set(before.map((item) => item.id));
          const fresh = page.items.filter((item) => !known.has(item.id));
          items.set([...before, ...fresh]);
          hasNextPage.set(page.hasNextPage);
          endCursor.set(page.endCursor);
          settle(fresh);
        },
        error: (failure: unknown) => {
          if (mine === generation) error.set(failure);
          settle([]);
        },
        complete: () => settle([]),
      });
      // A cancelled request settles too, so a caller awaiting it is never left hanging.
      request?.add(() => settle([]));
    });
  }

  return {
    items: items.asReadonly(),
    loading: loading.asReadonly(),
    error: error.asReadonly(),
    hasNextPage: hasNextPage.asReadonly(),
    endCursor: endCursor.asReadonly(),
    async reload(options) {
      if (options?.clear) {
        items.set(null);
        hasNextPage.set(false);
        endCursor.set(null);
      }
      await fetch(null);
    },
    loadMore() {
      if (loading() || !hasNextPage() || endCursor() === null) return Promise.resolve([]);
      return fetch(endCursor());
    },
    update(change) {
      const current = items();
      if (current !== null) items.set(change(current));
    },
    reset() {
      cancel();
      items.set(null);
      hasNextPage.set(false);
      endCursor.set(null);
      error.set(null);
    },
  };
}
