import { DOCUMENT } from '@angular/common';
import { Injector, afterNextRender, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router } from '@angular/router';
import { filter, skip } from 'rxjs';
import { MAIN_CONTENT_ID } from './main-content';

/**
 * After each in-app navigation (not the first page load), moves focus to <main> so keyboard and
 * screen-reader users start at the new page's content rather than wherever they clicked.
 * Call from an injection context (the root component's constructor).
 */
export function focusMainContentAfterNavigation(): void {
  const document = inject(DOCUMENT);
  const injector = inject(Injector);
  inject(Router)
    .events.pipe(
      filter((event) => event instanceof NavigationEnd),
      skip(1),
      takeUntilDestroyed(),
    )
    .subscribe(() =>
      afterNextRender(() => document.getElementById(MAIN_CONTENT_ID)?.focus({ preventScroll: true }), { injector }),
    );
}
