import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ComingSoonNotice } from '../coming-soon/coming-soon-notice';

/**
 * A routed page for a function that is not built yet. Configured from the route's data
 * (bound to inputs): `{ titleKey, detailKey?, backLink, backLabelKey }`.
 */
@Component({
  selector: 'app-not-available-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, ComingSoonNotice],
  template: `
    <div class="page-header">
      <h1>{{ titleKey() | transloco }}</h1>
    </div>
    <div class="card stack">
      <app-coming-soon-notice>{{ 'notAvailable.message' | transloco }}</app-coming-soon-notice>
      @if (detailKey(); as detailKey) {
        <p>{{ detailKey | transloco }}</p>
      }
      <p>
        <a [routerLink]="backLink()"><span aria-hidden="true">← </span>{{ backLabelKey() | transloco }}</a>
      </p>
    </div>
  `,
})
export class NotAvailablePage {
  readonly titleKey = input.required<string>();
  readonly detailKey = input<string>();
  readonly backLink = input('/');
  readonly backLabelKey = input('notAvailable.backHome');
}
