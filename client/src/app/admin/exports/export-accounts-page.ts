import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { UserFilter } from '../../core/graphql/generated/graphql';
import { accountsCsvUrl } from '../../shared/download/download-file';
import { SelectionCounters, SelectionCounts } from '../mailing/selection-counts';
import { SelectionParams, selectionFilter, selectionQueryParams } from '../mailing/selection-params';
import { UserFiltersPanel } from '../users/filters/user-filters-panel';
import type { UserListParams } from '../../shared/users/user-list-params';

/**
 * /admin/exporter-des-comptes « Exporter des comptes »: the same filters as the publipostage, the
 * count, and « Télécharger le fichier CSV » (a plain link: the browser saves the file; UTF-8 with
 * BOM, `;`, one line per account). The selection lives in the address and is shared with
 * « Publipostage des comptes ».
 */
@Component({
  selector: 'app-export-accounts-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, UserFiltersPanel, SelectionCounters],
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
      <app-user-filters-panel
        mode="selection"
        toggleLabelKey="accountExport.filtersToggle"
        [params]="params()"
        (paramsChange)="paramsChanged($event)"
      />

      <app-selection-counters [source]="selectionCounts" />
      @if (selectionCounts.failure(); as message) {
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
})
export default class ExportAccountsPage {
  private readonly selection = new SelectionParams();

  protected readonly params = this.selection.params;
  protected readonly filter = computed<UserFilter>(() => selectionFilter(this.params()));
  protected readonly csvUrl = computed(() => accountsCsvUrl(this.filter()));
  protected readonly queryParams = computed(() => selectionQueryParams(this.params()));
  protected readonly selectionCounts = new SelectionCounts(this.filter);

  protected paramsChanged(params: UserListParams): void {
    this.selection.navigate(params);
  }
}
