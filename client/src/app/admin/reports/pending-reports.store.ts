import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { Subject, firstValueFrom } from 'rxjs';
import { UserErrorMessageService } from '../../core/errors/user-error-message.service';
import type { ReportStatus } from '../../core/graphql/generated/graphql';
import { REPORTS_QUERY, REPORT_ADDED_SUBSCRIPTION, REPORT_TREATED_SUBSCRIPTION, type ReportItem } from '../../shared/reports/reports.operations';

const PAGE_SIZE = 25;
/** Pending reports are few; beyond this many the counter says « 200+ ». */
const MAX_PAGES = 8;

export interface ReportEvent {
  readonly kind: 'added' | 'treated';
  readonly report: ReportItem;
}

/**
 * The pending reports of my scope, newest first, kept live while its component lives
 * (reportAdded: new or reported again, on top; reportTreated: leaves the list, whoever treated it).
 * Provided by the component that shows it (the admin home's zone, the moderation page).
 */
@Injectable()
export class PendingReportsStore {
  private readonly apollo = inject(Apollo);
  private readonly userErrors = inject(UserErrorMessageService);
  private readonly eventsSubject = new Subject<ReportEvent>();
  private loadNumber = 0;

  /** null while the first load runs. */
  readonly reports = signal<ReportItem[] | null>(null);
  /** False when there were more pending reports than were loaded. */
  readonly complete = signal(true);
  readonly failure = signal<string | null>(null);
  readonly count = computed(() => this.reports()?.length ?? 0);
  /** Every live change, for views that show more than the pending list (the history). */
  readonly events = this.eventsSubject.asObservable();

  constructor() {
    void this.reload();
    const added = this.apollo.subscribe({ query: REPORT_ADDED_SUBSCRIPTION }).subscribe({
      next: (result) => {
        const report = result.data?.reportAdded;
        if (report) {
          this.upsert(report);
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
      this.eventsSubject.complete();
    });
  }

  /** Loads every pending report again (in pages), replacing the list once all have arrived. */
  async reload(): Promise<void> {
    const load = ++this.loadNumber;
    const all: ReportItem[] = [];
    let after: string | null = null;
    const status: ReportStatus = 'PENDING';
    let more = true;
    try {
      for (let page = 0; page < MAX_PAGES && more; page++) {
        const result: { data?: { reports: { reports: ReportItem[]; hasNextPage: boolean; endCursor?: string | null } } | null } = await firstValueFrom(
          this.apollo.query({
            query: REPORTS_QUERY,
            variables: { status, first: PAGE_SIZE, after: after as string | null },
            fetchPolicy: 'network-only',
          }),
        );
        const data: { reports: ReportItem[]; hasNextPage: boolean; endCursor?: string | null } | undefined = result.data?.reports;
        if (!data) {
          break;
        }
        const known = new Set(all.map((report) => report.id));
        all.push(...data.reports.filter((report) => !known.has(report.id)));
        more = data.hasNextPage;
        after = data.endCursor ?? null;
      }
      if (load !== this.loadNumber) {
        return;
      }
      this.failure.set(null);
      this.reports.set(all);
      this.complete.set(!more);
    } catch (error: unknown) {
      if (load === this.loadNumber) {
        this.failure.set(this.userErrors.describe(error).message);
      }
    }
  }

  /** A report treated here: it leaves the list at once (the live event may follow). */
  remove(reportId: string): void {
    this.reports.update((reports) => (reports?.some((report) => report.id === reportId) ? reports.filter((report) => report.id !== reportId) : reports));
  }

  private upsert(report: ReportItem): void {
    if (report.status !== 'PENDING') {
      this.remove(report.id);
      return;
    }
    this.reports.update((reports) => {
      const others = (reports ?? []).filter((known) => known.id !== report.id);
      return [report, ...others].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
    });
  }
}
