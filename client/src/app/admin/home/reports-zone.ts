import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language.service';
import { DateTimePipe } from '../../shared/format/date-time.pipe';
import { PendingReportsStore } from '../reports/data/pending-reports.store';

const SHOWN = 5;

/**
 * « Signalements »: the live count of pending reports of my scope and the most recent ones,
 * with the way to the moderation page (« Traiter les signalements »).
 */
@Component({
  selector: 'app-reports-zone',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, RouterLink, DateTimePipe],
  providers: [PendingReportsStore],
  styles: `
    .reports-zone__list {
      display: grid;
      gap: var(--space-2);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .reports-zone__item {
      display: grid;
      gap: var(--space-1, 0.25rem);
      padding: var(--space-2) var(--space-3);
      border: 1px solid var(--color-border);
      border-radius: var(--radius-s);
    }
    .reports-zone__text {
      margin: 0;
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .reports-zone__meta {
      margin: 0;
      font-size: 0.9375rem;
    }
  `,
  template: `
    <section class="card stack" aria-labelledby="reports-title">
      <h2 id="reports-title">{{ 'admin.reports.title' | transloco }}</h2>
      <p class="reports-zone__count" aria-live="polite" aria-atomic="true">
        @if (store.reports() !== null) {
          {{ countKey() | transloco: { count: store.count() } }}
        }
      </p>
      @if (store.failure(); as message) {
        <p class="alert alert--error" role="alert">{{ message }}</p>
      }
      @if (store.reports() === null && !store.failure()) {
        <p>{{ 'reports.loading' | transloco }}</p>
      }
      @if (recent().length > 0) {
        <ol class="reports-zone__list" [attr.aria-label]="'admin.reports.recentLabel' | transloco">
          @for (report of recent(); track report.id) {
            <li class="reports-zone__item">
              <p class="reports-zone__text">{{ report.text }}</p>
              <p class="reports-zone__meta">
                {{ 'reports.card.author' | transloco }}
                {{ report.author?.displayName ?? ('reports.systemAuthor' | transloco) }}
                @if (report.reporters[0]; as first) {
                  · {{ 'admin.reports.reportedBy' | transloco: { name: first.person.displayName } }}
                  @if (report.reporters.length > 1) {
                    {{ 'admin.reports.others' | transloco: { count: report.reporters.length - 1 } }}
                  }
                }
                · <time [attr.datetime]="report.createdAt">{{ report.createdAt | dateTime: language() }}</time>
              </p>
            </li>
          }
        </ol>
      }
      <p>
        <a routerLink="/admin/signalements">{{ 'admin.reports.handle' | transloco }}</a>
      </p>
    </section>
  `,
})
export class ReportsZone {
  protected readonly store = inject(PendingReportsStore);
  protected readonly language = inject(LanguageService).current;
  protected readonly recent = computed(() => (this.store.reports() ?? []).slice(0, SHOWN));
  protected readonly countKey = computed(() => {
    if (!this.store.complete()) {
      return 'reports.count.more';
    }
    const count = this.store.count();
    return count === 0 ? 'reports.count.none' : count === 1 ? 'reports.count.one' : 'reports.count.many';
  });
}
