import { DestroyRef, Injectable, computed, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { Subject } from 'rxjs';
import { allPages } from '../../../core/data/all-pages';
import { apolloPage } from '../../../core/data/apollo-page';
import { keysetPaged } from '../../../core/data/keyset-paged';
import { type LiveEvent, applyLiveEvent, newestFirst } from '../../../core/data/live-list';
import { UserErrorMessageService } from '../../../core/errors/user-error-message.service';
import { REPORTS_QUERY, REPORT_ADDED_SUBSCRIPTION, REPORT_TREATED_SUBSCRIPTION, type ReportItem } from '../../../shared/reports/data/reports.operations';

const PAGE_SIZE = 25;
/** Pending reports are few; beyond this many the counter says « 200+ ». */
const MAX_PAGES = 8;

export interface ReportEvent {
  readonly kind: 'added' | 'treated';
  readonly report: ReportItem;
}

/**
 * The pending reports of my scope, newest first, kept live while its component lives
 * (reportAdded: new or reported again, in its place; reportTreated: leaves the list, whoever
 * treated it). Provided by the component that shows it (the admin home's zone, the moderation page).
 */
@Injectable()
export class PendingReportsStore {
  private readonly userErrors = inject(UserErrorMessageService);
  private readonly eventsSubject = new Subject<ReportEvent>();
  private readonly apollo = inject(Apollo);
  /** Every pending report (up to MAX_PAGES pages), replaced once all have arrived. */
  private readonly list = keysetPaged(
    allPages(
      apolloPage(
        this.apollo,
        REPORTS_QUERY,
        (after) => ({ status: 'PENDING' as const, first: PAGE_SIZE, after }),
        ({ reports }) => ({ items: reports.reports, hasNextPage: reports.hasNextPage, endCursor: reports.endCursor ?? null }),
      ),
      MAX_PAGES,
    ),
  );

  /** null while the first load runs. */
  readonly reports = this.list.items;
  /** False when there were more pending reports than were loaded. */
  readonly complete = computed(() => !this.list.hasNextPage());
  readonly failure = computed(() => {
    const error = this.list.error();
    return error ? this.userErrors.describe(error).message : null;
  });
  readonly count = computed(() => this.reports()?.length ?? 0);
  /** Every live change, for views that show more than the pending list (the history). */
  readonly events = this.eventsSubject.asObservable();

  constructor() {
    void this.reload();
    const added = this.apollo.subscribe({ query: REPORT_ADDED_SUBSCRIPTION }).subscribe({
      next: (result) => {
        const report = result.data?.reportAdded;
        if (report) {
          this.apply({ kind: 'upsert', item: report });
          this.eventsSubject.next({ kind: 'added', report });
        }
      },
      // The list stays as loaded; a reload shows the latest state.
      error: () => undefined,
    });
    const treated = this.apollo.subscribe({ query: REPORT_TREATED_SUBSCRIPTION }).subscribe({
      next: (result) => {
        const report = result.data?.reportTreated;
        if (report) {
          this.remove(report.id);
          this.eventsSubject.next({ kind: 'treated', report });
        }
      },
      error: () => undefined,
    });
    inject(DestroyRef).onDestroy(() => {
      added.unsubscribe();
      treated.unsubscribe();
      this.list.reset();
      this.eventsSubject.complete();
    });
  }

  /** Loads every pending report again (in pages); the list shown stays until all have arrived. */
  reload(): Promise<void> {
    return this.list.reload();
  }

  /** A report treated here: it leaves the list at once (the live event may follow). */
  remove(reportId: string): void {
    this.apply({ kind: 'remove', id: reportId });
  }

  private apply(event: LiveEvent<ReportItem>): void {
    this.list.update((reports) =>
      applyLiveEvent(reports, event, {
        order: newestFirst((report) => report.createdAt),
        belongs: (report) => report.status === 'PENDING',
        complete: !this.list.hasNextPage(),
      }),
    );
  }
}
