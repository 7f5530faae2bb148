import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import type { Subscription } from 'rxjs';
import { UserErrorMessageService } from '../../core/errors/user-error-message.service';
import type { MailingSelectionQuery, UserFilter } from '../../core/graphql/generated/graphql';

type MailingSelectionCounts = MailingSelectionQuery['mailingSelection'];
import { LanguageService } from '../../core/i18n/language.service';
import { accountsCsvUrl } from '../../shared/download/download-file';
import { AccountFiltersPanel } from '../mailing/account-filters-panel';
import { MAILING_SELECTION_QUERY } from '../mailing/mailing-page.operations';
import type { UserListParams } from '../users/list/user-list-params';
import { SelectionParams, selectionFilter, selectionQueryParams } from '../mailing/selection-params';

/**
 * /admin/exporter-des-comptes « Exporter des comptes »: the same filters as the publipostage, the
 * count, and « Télécharger le fichier CSV » (a plain link: the browser saves the file; UTF-8 with
 * BOM, `;`, one line per account). The selection lives in the address and is shared with
 * « Publipostage des comptes ».
 */
@Component({
  selector: 'app-export-accounts-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, AccountFiltersPanel],
  template: `
    <div class="page-header">
      <p class="back-link">
        <a routerLink="/admin"><span aria-hidden="true">← </span>{{ 'mailing.backToAdmin' | transloco }}</a>
      </p>
      <h1>{{ 'accountExport.title' | transloco }}</h1>
      <p class="page-header__lead">{{ 'accountExport.columns' | transloco }}</p>
    </div>

    <section class="card stack" aria-labelledby="export-title">
      <h2 id="export-title" class="visually-hidden">{{ 'accountExport.selection' | transloco }}</h2>
      <app-account-filters-panel toggleLabelKey="accountExport.filtersToggle" [params]="params()" (paramsChange)="paramsChanged($event)" />

      <div role="status" class="export-counts">
        @if (counts(); as counts) {
          <p class="export-counts__total">
            {{ countKey('mailing.counts.selected', counts.total) | transloco: { count: formatCount(counts.total) } }}
          </p>
        } @else if (!failure()) {
          <p class="field__hint">{{ 'mailing.counts.loading' | transloco }}</p>
        }
      </div>
      @if (failure(); as message) {
        <p class="alert alert--error" role="alert">{{ message }}</p>
      }

      <p>
        <a class="button button--primary" [href]="csvUrl()" download>{{ 'accountExport.download' | transloco }}</a>
      </p>
      <p class="field__hint">{{ 'accountExport.spreadsheetHint' | transloco }}</p>
      <p>
        <a routerLink="/admin/publipostage-des-comptes" [queryParams]="queryParams()">{{ 'accountExport.toMailing' | transloco }}</a>
      </p>
    </section>
  `,
  styles: `
    .export-counts p {
      margin: 0;
    }
    .export-counts__total {
      font-size: 1.0625rem;
      font-weight: 700;
      color: var(--color-primary);
    }
  `,
})
export default class ExportAccountsPage {
  private readonly apollo = inject(Apollo);
  private readonly userErrors = inject(UserErrorMessageService);
  private readonly selection = new SelectionParams();
  private request: Subscription | null = null;

  protected readonly language = inject(LanguageService).current;
  protected readonly params = this.selection.params;
  protected readonly filter = computed<UserFilter>(() => selectionFilter(this.params()));
  protected readonly csvUrl = computed(() => accountsCsvUrl(this.filter()));
  protected readonly queryParams = computed(() => selectionQueryParams(this.params()));
  protected readonly counts = signal<MailingSelectionCounts | null>(null);
  protected readonly failure = signal<string | null>(null);

  constructor() {
    effect(() => {
      const filter = this.filter();
      untracked(() => this.load(filter));
    });
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  protected paramsChanged(params: UserListParams): void {
    this.selection.navigate(params);
  }

  protected formatCount(count: number): string {
    return count.toLocaleString(this.language() === 'fr' ? 'fr-FR' : 'en-GB');
  }

  protected countKey(base: string, count: number): string {
    return `${base}${count === 0 ? 'None' : count === 1 ? 'One' : 'Many'}`;
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
