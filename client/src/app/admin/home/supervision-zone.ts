import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CurrentUser } from '../../core/auth/me.fragment';

type Grant = CurrentUser['functions'][number];

/** The view title follows the widest function: platform, then département, then circonscription, then école. */
const VIEW_TITLES = [
  { function: 'OPERATOR', titleKey: 'admin.supervision.platform' },
  { function: 'DEPARTEMENT_ADMIN', titleKey: 'admin.supervision.departement' },
  { function: 'CIRCONSCRIPTION_ADMIN', titleKey: 'admin.supervision.circonscription' },
] as const;

/** « Vue de la circonscription » / « Vue du département » / « Tableau de bord de l'école »: the way to the dashboard. */
@Component({
  selector: 'app-supervision-zone',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe],
  template: `
    <section class="card stack" aria-labelledby="supervision-title">
      <h2 id="supervision-title">{{ titleKey() | transloco }}</h2>
      <p>{{ 'admin.supervision.lead' | transloco }}</p>
      <p><a routerLink="/admin/tableau-de-bord">{{ 'admin.supervision.open' | transloco }}</a></p>
    </section>
  `,
})
export class SupervisionZone {
  readonly grants = input.required<readonly Grant[]>();

  protected readonly titleKey = computed(() => {
    const held = new Set(this.grants().map((grant) => grant.function));
    return VIEW_TITLES.find((view) => held.has(view.function))?.titleKey ?? 'admin.supervision.school';
  });
}
