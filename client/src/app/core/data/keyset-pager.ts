import { type Signal, signal } from '@angular/core';
import type { Observable, Subscription } from 'rxjs';
import type { KeysetPage } from './keyset-paged';

export interface KeysetPager<P extends KeysetPage<unknown>> {
  /** The page shown (the whole answer, e.g. with its total); null until the first has answered.
   * It stays shown while another is on its way. */
  readonly page: Signal<P | null>;
  readonly loading: Signal<boolean>;
  /** What the last request failed with (raw: the page words it), cleared when a request starts. */
  readonly error: Signal<unknown>;
  /** The position of the page shown: 0 for the first. */
  readonly pageIndex: Signal<number>;
  /** Shows the first page (again), e.g. for a new filter; a request on its way is dropped. */
  first(): Promise<void>;
  /** « Page suivante »: nothing while a page is on its way or when there is none. */
  next(): Promise<void>;
  /** « Page précédente »: nothing while a page is on its way or on the first page. */
  previous(): Promise<void>;
  /** Drops the request on its way. */
  cancel(): void;
}

/**
 * « Page suivante / Page précédente » over a keyset list, one page shown at a time: the cursors of
 * the pages seen are kept, so going back asks the page from the same cursor. Only the newest
 * request lands, and the position moves only when its page has arrived (a failed « Page suivante »
 * leaves the page and its numbers as they were).
 */
export function keysetPager<P extends KeysetPage<unknown>>(fetchPage: (after: string | null) => Observable<P>): KeysetPager<P> {
  const page = signal<P | null>(null);
  const loading = signal(false);
  const error = signal<unknown>(null);
  const pageIndex = signal(0);
  /** The cursor each page seen was asked from (null: the first page). */
  let cursors: readonly (string | null)[] = [null];
  let request: Subscription | null = null;
  let generation = 0;

  function cancel(): void {
    request?.unsubscribe();
    request = null;
    generation += 1;
    loading.set(false);
  }

  function show(stack: readonly (string | null)[]): Promise<void> {
    cancel();
    const mine = generation;
    loading.set(true);
    error.set(null);
    return new Promise<void>((resolve) => {
      let settled = false;
      const settle = (): void => {
        if (settled) return;
        settled = true;
        if (mine === generation) {
          loading.set(false);
          request = null;
        }
        resolve();
      };
      request = fetchPage(stack[stack.length - 1]).subscribe({
        next: (answer) => {
          if (mine === generation) {
            cursors = stack;
            pageIndex.set(stack.length - 1);
            page.set(answer);
          }
          settle();
        },
        error: (failure: unknown) => {
          if (mine === generation) error.set(failure);
          settle();
        },
        complete: settle,
      });
      // A cancelled request settles too, so a caller awaiting it is never left hanging.
      request?.add(settle);
    });
  }

  return {
    page: page.asReadonly(),
    loading: loading.asReadonly(),
    error: error.asReadonly(),
    pageIndex: pageIndex.asReadonly(),
    first: () => show([null]),
    next() {
      const shown = page();
      if (loading() || !shown?.hasNextPage || shown.endCursor === null) return Promise.resolve();
      return show([...cursors, shown.endCursor]);
    },
    previous() {
      if (loading() || cursors.length < 2) return Promise.resolve();
      return show(cursors.slice(0, -1));
    },
    cancel,
  };
}
