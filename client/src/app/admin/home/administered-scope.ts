import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CurrentUser } from '../../core/auth/me.fragment';

type Grant = CurrentUser['functions'][number];

/** « Votre périmètre »: each admin function of the user and the structure it applies to. */
@Component({
  selector: 'app-administered-scope',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    <section class="card stack" aria-labelledby="scope-title">
      <h2 id="scope-title">{{ 'admin.scope.title' | transloco }}</h2>
      @if (grants().length > 0) {
        <ul class="scope-list">
          @for (grant of grants(); track $index) {
            <li class="scope-list__item">
              <span class="scope-list__structure">
                @if (grant.structure; as structure) {
                  {{ structure.name }}
                  @if (structure.code) {
                    <span class="scope-list__code">{{ structure.code }}</span>
                  }
                } @else {
                  {{ 'admin.scope.wholePlatform' | transloco }}
                }
              </span>
              <span class="badge">{{ 'functions.' + grant.function | transloco }}</span>
            </li>
          }
        </ul>
      } @else {
        <p>{{ 'admin.scope.none' | transloco }}</p>
      }
    </section>
  `,
})
export class AdministeredScope {
  readonly grants = input.required<readonly Grant[]>();
}
