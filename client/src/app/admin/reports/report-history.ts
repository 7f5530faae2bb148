import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import type { Observable } from 'rxjs';
import { apolloPage } from '../../core/data/apollo-page';
import { keysetPaged } from '../../core/data/keyset-paged';
import { applyLiveEvent, newestFirst } from '../../core/data/live-list';
import { UserErrorMessageService } from '../../core/errors/user-error-message.service';
import type { ReportStatus } from '../../core/graphql/generated/graphql';
import { LanguageService } from '../../core/i18n/language.service';
import { DateTimePipe } from '../../shared/format/date-time.pipe';
import type { ReportEvent } from './data/pending-reports.store';
import { REPORTS_QUERY, type ReportItem } from '../../shared/reports/data/reports.operations';

const PAGE_SIZE = 20;
type Filter = 'ALL' | ReportStatus;

/**
 * « Historique des signalements » (« Suivre les signalements de votre école »): every report of my
 * scope, newest first, filtered by state, « Voir plus » for older ones; rows follow live changes.
 */
@Component({
  selector: 'app-report-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, RouterLink, DateTimePipe],
  styles: `
    .report-history__filter {
      max-width: 20rem;
    }
    .report-history__text {
      min-width: 12rem;
      overflow-wrap: anywhere;
    }
    .report-history__reporters {
      margin: 0;
      padding: 0;
      list-style: none;
    }
  `,
  template: `
    <section class="card stack" aria-labelledby="report-history-title">
      <h2 id="report-history-title">{{ 'reports.history.title' | transloco }}</h2>
      <p>{{ 'reports.history.lead' | transloco }}</p>
      <div class="field report-history__filter">
        <label class="field__label" for="report-history-status">{{ 'reports.history.filter' | transloco }}</label>
        <select id="report-history-status" class="field__input" [value]="filter()" (change)="changeFilter($event)">
          @for (option of filters; track option) {
            <option [value]="option" [selected]="option === filter()">{{ 'reports.history.filters.' + option | transloco }}</option>
          }
        </select>
      </div>

      @if (failure(); as message) {
        <p class="alert alert--error" role="alert">{{ message }}</p>
      }
      <p class="visually-hidden" aria-live="polite" aria-atomic="true">{{ announcement() }}</p>

      @if (rows() === null && !failure()) {
        <p>{{ 'reports.loading' | transloco }}</p>
      } @else if (rows()?.length === 0) {
        <p>{{ 'reports.history.empty' | transloco }}</p>
      }

      @if (rows(); as rows) {
        @if (rows.length > 0) {
          <div class="table-scroll" tabindex="0" role="region" aria-labelledby="report-history-caption">
            <table class="data-table">
              <caption id="report-history-caption" class="visually-hidden">
                {{ 'reports.history.caption' | transloco: { filter: ('reports.history.filters.' + filter() | transloco) } }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'reports.history.columns.date' | transloco }}</th>
                  <th scope="col">{{ 'reports.history.columns.notification' | transloco }}</th>
                  <th scope="col">{{ 'reports.history.columns.author' | transloco }}</th>
                  <th scope="col">{{ 'reports.history.columns.reporters' | transloco }}</th>
                  <th scope="col">{{ 'reports.history.columns.status' | transloco }}</th>
                  <th scope="col">{{ 'reports.history.columns.treatedBy' | transloco }}</th>
                  <th scope="col">{{ 'reports.history.columns.treatedAt' | transloco }}</th>
                </tr>
              </thead>
              <tbody>
                @for (report of rows; track report.id) {
                  <tr [id]="'report-row-' + report.id" tabindex="-1">
                    <td><time [attr.datetime]="report.createdAt">{{ report.createdAt | dateTime: language() }}</time></td>
                    <td class="report-history__text">{{ report.text }}</td>
                    <td>
                      @if (report.author; as author) {
                        <a [routerLink]="['/admin/utilisateurs', author.id]">{{ author.displayName }}</a>
                      } @else {
                        {{ 'reports.systemAuthor' | transloco }}
                      }
                    </td>
                    <td>
                      <ul class="report-history__reporters">
                        @for (reporter of report.reporters; track reporter.person.id) {
                          <li>
                            <a [routerLink]="['/admin/utilisateurs', reporter.person.id]">{{ reporter.person.displayName }}</a>
                          </li>
                        }
                      </ul>
                    </td>
                    <td>{{ 'reports.status.' + report.status | transloco }}</td>
                    <td>{{ report.treatedBy ?? '' }}</td>
                    <td>
                      @if (report.treatedAt) {
                        <time [attr.datetime]="report.treatedAt">{{ report.treatedAt | dateTime: language() }}</time>
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      }

      @if (hasNextPage()) {
        <div>
          <button type="button" class="button button--secondary" [attr.aria-busy]="loadingMore()" (click)="loadMore()">
            {{ 'reports.history.more' | transloco }}
          </button>
        </div>
      }
    </section>
  `,
})
export class ReportHistory {
  private readonly userErrors = inject(UserErrorMessageService);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly transloco = inject(TranslocoService);
  private readonly history = keysetPaged(
    apolloPage(
      inject(Apollo),
      REPORTS_QUERY,
      (after) => {
        const filter = this.filter();
        return { status: filter === 'ALL' ? null : filter, first: PAGE_SIZE, after };
      },
      ({ reports }) => ({ items: reports.reports, hasNextPage: reports.hasNextPage, endCursor: reports.endCursor ?? null }),
    ),
  );

  /** The pending list's live changes (the page's store). */
  readonly events = input.required<Observable<ReportEvent>>();

  protected readonly filters: readonly Filter[] = ['ALL', 'PENDING', 'KEPT', 'DELETED'];
  protected readonly language = inject(LanguageService).current;
  protected readonly filter = signal<Filter>('ALL');
  protected readonly rows = this.history.items;
  protected readonly hasNextPage = this.history.hasNextPage;
  protected readonly loadingMore = signal(false);
  protected readonly failure = computed(() => {
    const error = this.history.error();
    return error ? this.userErrors.describe(error).message : null;
  });
  protected readonly announcement = signal('');

  constructor() {
    void this.loadFirstPage();
    effect((onCleanup) => {
      const subscription = this.events().subscribe((event) => this.follow(event));
      onCleanup(() => subscription.unsubscribe());
    });
    inject(DestroyRef).onDestroy(() => this.history.reset());
  }

  protected changeFilter(event: Event): void {
    const value = (event.target as HTMLSelectElement).value as Filter;
    if (value === this.filter()) {
      return;
    }
    this.filter.set(value);
    void this.loadFirstPage();
  }

  protected async loadMore(): Promise<void> {
    if (this.loadingMore()) {
      return;
    }
    this.loadingMore.set(true);
    try {
      const [first] = await this.history.loadMore();
      if (first) {
        // The first older row takes the focus, so the reader carries on from there.
        afterNextRender(() => this.document.getElementById(`report-row-${first.id}`)?.focus(), { injector: this.injector });
      }
    } finally {
      this.loadingMore.set(false);
    }
  }

  private async loadFirstPage(): Promise<void> {
    const filter = this.filter();
    await this.history.reload({ clear: true });
    const rows = this.rows();
    if (rows && filter === this.filter() && !this.history.loading()) {
      this.announce(this.transloco.translate('reports.history.shown', { count: rows.length }));
    }
  }

  /** A live change: the row follows (or leaves the filtered list); a new report shows in its place. */
  private follow(event: ReportEvent): void {
    const filter = this.filter();
    this.history.update((rows) =>
      applyLiveEvent(
        rows,
        { kind: 'upsert', item: event.report },
        {
          order: newestFirst((report) => report.createdAt),
          belongs: (report) => filter === 'ALL' || report.status === filter,
          complete: !this.history.hasNextPage(),
        },
      ),
    );
  }

  private announce(text: string): void {
    this.announcement.set('');
    setTimeout(() => this.announcement.set(text), 50);
  }
}
