import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { AuthService } from './core/auth/auth.service';
import { focusMainContentAfterNavigation } from './core/shell/focus-after-navigation';
import { MAIN_CONTENT_ID } from './core/shell/main-content';
import { SiteFooter } from './core/shell/site-footer';
import { SiteHeader } from './core/shell/site-header';
import { SkipLink } from './core/shell/skip-link';

/** The page frame: skip link, banner, main content, footer. */
@Component({
  selector: 'app-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, SkipLink, SiteHeader, SiteFooter],
  template: `
    <app-skip-link />
    <app-site-header />
    <main class="page" tabindex="-1" [id]="mainContentId">
      <router-outlet />
    </main>
    <app-site-footer />
  `,
})
export class App {
  protected readonly mainContentId = MAIN_CONTENT_ID;

  constructor() {
    // Pages outside the guarded area (not found, placeholders) still show who is signed in.
    void inject(AuthService).loadCurrentUser();
    focusMainContentAfterNavigation();
  }
}
