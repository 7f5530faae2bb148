import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CurrentUser } from '../../core/auth/me.fragment';
import { ComingSoonNotice } from '../../shared/coming-soon/coming-soon-notice';

type Grant = CurrentUser['functions'][number];

/** The view title follows the widest function: platform, then département, then circonscription. */
const VIEW_TITLES = [
  { function: 'OPERATOR', titleKey: 'admin.supervision.platform' },
  { function: 'DEPARTEMENT_ADMIN', titleKey: 'admin.supervision.departement' },
  { function: 'CIRCONSCRIPTION_ADMIN', titleKey: 'admin.supervision.circonscription' },
] as const;

/** « Vue de la circonscription » / « Vue du département »: the supervisor's dashboard, not built yet. */
@Component({
  selector: 'app-supervision-zone',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, ComingSoonNotice],
  template: `
    <section class="card stack" aria-labelledby="supervision-title">
      <h2 id="supervision-title">{{ titleKey() | transloco }}</h2>
      <app-coming-soon-notice>{{ 'admin.supervision.comingSoon' | transloco }}</app-coming-soon-notice>
    </section>
  `,
})
export class SupervisionZone {
  readonly grants = input.required<readonly Grant[]>();

  protected readonly titleKey = computed(() => {
    const held = new Set(this.grants().map((grant) => grant.function));
    return VIEW_TITLES.find((view) => held.has(view.function))?.titleKey ?? 'admin.supervision.circonscription';
  });
}
