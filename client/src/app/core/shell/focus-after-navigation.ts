import { DOCUMENT } from '@angular/common';
import { Injector, afterNextRender, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router } from '@angular/router';
import { filter, map, pairwise } from 'rxjs';
import { MAIN_CONTENT_ID } from './main-content';

/**
 * After each in-app navigation to another page (not the first page load), moves focus to the new
 * page's headline (its <h1>, made focusable for the purpose), or to <main> when the page has none,
 * so keyboard and screen-reader users start at the new page rather than wherever they clicked.
 * A navigation that only changes the query (a list's filters, searches, sort) stays on the same
 * page: the focus stays on the control being used.
 * Call from an injection context (the root component's constructor).
 */
export function focusMainContentAfterNavigation(): void {
  const document = inject(DOCUMENT);
  const injector = inject(Injector);
  inject(Router)
    .events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map((event) => pathOf(event.urlAfterRedirects)),
      pairwise(),
      filter(([previous, current]) => previous !== current),
      takeUntilDestroyed(),
    )
    .subscribe(() => afterNextRender(() => focusHeadline(document), { injector }));
}

/** The path of a router URL, without its query and fragment. */
function pathOf(url: string): string {
  return url.split(/[?#]/)[0];
}

function focusHeadline(document: Document): void {
  const main = document.getElementById(MAIN_CONTENT_ID);
  const headline = main?.querySelector<HTMLElement>('h1');
  if (headline) {
    if (!headline.hasAttribute('tabindex')) {
      headline.setAttribute('tabindex', '-1');
    }
    headline.focus({ preventScroll: true });
    return;
  }
  main?.focus({ preventScroll: true });
}
