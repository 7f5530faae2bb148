import { ChangeDetectionStrategy, Component, DestroyRef, type Signal, effect, inject, input, signal, untracked } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import type { Subscription } from 'rxjs';
import { UserErrorMessageService } from '../../core/errors/user-error-message.service';
import type { MailingSelectionQuery, UserFilter } from '../../core/graphql/generated/graphql';
import { LanguageService } from '../../core/i18n/language.service';
import { countKey, formatCount } from '../../shared/format/count';
import { MAILING_SELECTION_QUERY } from './data/mailing-page.operations';

type MailingSelectionCounts = MailingSelectionQuery['mailingSelection'];

/**
 * « N comptes sélectionnés au total » and « N comptes sans adresse courriel » of a publipostage or an
 * export, asked again whenever the selection changes. Create it in a field initializer.
 */
export class SelectionCounts {
  private readonly apollo = inject(Apollo);
  private readonly userErrors = inject(UserErrorMessageService);
  private request: Subscription | null = null;

  /** Null until the first answer, and after a failure. */
  readonly counts = signal<MailingSelectionCounts | null>(null);
  readonly failure = signal<string | null>(null);

  constructor(filter: Signal<UserFilter>) {
    effect(() => {
      const current = filter();
      untracked(() => this.load(current));
    });
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  private load(filter: UserFilter): void {
    this.request?.unsubscribe();
    this.failure.set(null);
    this.request = this.apollo.query({ query: MAILING_SELECTION_QUERY, variables: { filter }, fetchPolicy: 'network-only' }).subscribe({
      next: (result) => {
        if (result.data) {
          this.counts.set(result.data.mailingSelection);
        } else {
          this.counts.set(null);
          this.failure.set(this.userErrors.describe(result.error).message);
        }
      },
      error: (error: unknown) => {
        this.counts.set(null);
        this.failure.set(this.userErrors.describe(error).message);
      },
    });
  }
}

/**
 * The counters of a selection, read aloud when they change: « 385 comptes sélectionnés au total »,
 * and with `withoutEmail` « 104 comptes sans adresse courriel »; « Chargement… » until the first
 * answer, nothing after a failure (the page shows `failure` in an alert).
 */
@Component({
  selector: 'app-selection-counters',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    <div class="selection-counters" role="status">
      @if (source().counts(); as counts) {
        <p class="selection-counters__total">
          {{ countKey('mailing.counts.selected', counts.total) | transloco: { count: format(counts.total) } }}
        </p>
        @if (withoutEmail()) {
          <p class="selection-counters__no-email">
            {{ countKey('mailing.counts.withoutEmail', counts.withoutEmail) | transloco: { count: format(counts.withoutEmail) } }}
          </p>
        }
      } @else if (!source().failure()) {
        <p class="field__hint">{{ 'mailing.counts.loading' | transloco }}</p>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .selection-counters p {
      margin: 0;
    }
    .selection-counters__total {
      font-size: 1.0625rem;
      font-weight: 700;
      color: var(--color-primary);
    }
    .selection-counters__no-email {
      font-weight: 600;
      color: var(--color-notice-text);
    }
  `,
})
export class SelectionCounters {
  private readonly language = inject(LanguageService).current;

  readonly source = input.required<SelectionCounts>();
  /** « N comptes sans adresse courriel » too (a publipostage by mail). */
  readonly withoutEmail = input(false);

  protected readonly countKey = countKey;

  protected format(count: number): string {
    return formatCount(count, this.language());
  }
}
