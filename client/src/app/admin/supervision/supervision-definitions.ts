import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** Each term of the table, in the order of its columns, then how the rows and links are built. */
const TERMS = ['accounts', 'activated', 'covered', 'withoutGuardian', 'withoutEmail', 'blocked', 'predeleted', 'reports', 'absent', 'renewals', 'lastImport', 'active', 'circonscription', 'links', 'updated'] as const;

/**
 * « Définitions »: exactly what each number counts (the server's definitions, see the schema's
 * descriptions of SupervisionRow), so that an ERUN and a director read the same figure the same way.
 */
@Component({
  selector: 'app-supervision-definitions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    <details class="definitions card">
      <summary class="definitions__summary">{{ 'supervision.definitions.title' | transloco }}</summary>
      <dl class="definitions__list">
        @for (term of terms; track term) {
          <div class="definitions__item">
            <dt>{{ 'supervision.definitions.' + term + '.term' | transloco }}</dt>
            <dd>{{ 'supervision.definitions.' + term + '.text' | transloco }}</dd>
          </div>
        }
      </dl>
    </details>
  `,
  styles: `
    .definitions__summary {
      font-weight: 700;
      cursor: pointer;
    }

    .definitions__list {
      display: grid;
      gap: var(--space-3);
      margin: var(--space-3) 0 0;
    }

    .definitions__item dt {
      font-weight: 700;
    }

    .definitions__item dd {
      margin: 0;
    }
  `,
})
export class SupervisionDefinitions {
  protected readonly terms = TERMS;
}
