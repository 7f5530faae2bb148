import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ComingSoonNotice } from '../../shared/coming-soon/coming-soon-notice';

/** « Signalements »: the live feed of reported notifications, not built yet. */
@Component({
  selector: 'app-reports-zone',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, ComingSoonNotice],
  template: `
    <section class="card stack" aria-labelledby="reports-title">
      <h2 id="reports-title">{{ 'admin.reports.title' | transloco }}</h2>
      <app-coming-soon-notice>{{ 'admin.reports.comingSoon' | transloco }}</app-coming-soon-notice>
    </section>
  `,
})
export class ReportsZone {}
