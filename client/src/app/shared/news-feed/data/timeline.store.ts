import { DestroyRef, Injectable, computed, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { Subject, firstValueFrom } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { apolloPage } from '../../../core/data/apollo-page';
import { keysetPaged } from '../../../core/data/keyset-paged';
import { type LiveEvent, applyLiveEvent, newestFirst } from '../../../core/data/live-list';
import { UserErrorMessageService } from '../../../core/errors/user-error-message.service';
import { REPORT_TREATED_SUBSCRIPTION } from '../../reports/data/reports.operations';
import { REPORT_NOTIFICATION_MUTATION, TIMELINE_CHANGED_SUBSCRIPTION, TIMELINE_QUERY, type TimelineItem } from './timeline.operations';

const PAGE_SIZE = 20;

/** What changed live, once it has changed the list (for the page to announce). */
export type TimelineChange =
  | { readonly kind: 'added'; readonly item: TimelineItem }
  | { readonly kind: 'removed'; readonly id: string }
  | { readonly kind: 'treated'; readonly by: string | null };

/**
 * The « Fil de nouveautés » data: the timeline newest first, a page at a time, kept live while its
 * component lives (timelineChanged: new items in their place, removed ones leave; for admins,
 * reportTreated: a report notice says who treated it), and « Signaler ». Provided by the feed.
 */
@Injectable()
export class TimelineStore {
  private readonly apollo = inject(Apollo);
  private readonly userErrors = inject(UserErrorMessageService);
  private readonly changesSubject = new Subject<TimelineChange>();
  private readonly pages = keysetPaged(
    apolloPage(
      this.apollo,
      TIMELINE_QUERY,
      (after) => ({ first: PAGE_SIZE, after }),
      ({ timeline }) => ({ items: timeline.items, hasNextPage: timeline.hasNextPage, endCursor: timeline.endCursor ?? null }),
    ),
  );

  /** null until the first page has answered. */
  readonly items = this.pages.items;
  readonly hasNextPage = this.pages.hasNextPage;
  readonly failure = computed(() => {
    const error = this.pages.error();
    return error ? this.userErrors.describe(error).message : null;
  });
  /** Live changes that changed the list. */
  readonly changes = this.changesSubject.asObservable();

  /** Live events heard before the first page answered, applied once it has. */
  private readonly early: LiveEvent<TimelineItem>[] = [];
  /** Settles once the first page has answered (or failed) and the live events heard meanwhile are applied. */
  readonly ready: Promise<void> = this.pages.reload().then(() => {
    if (this.items()) this.early.splice(0).forEach((event) => this.receive(event));
  });

  constructor() {
    const live = this.apollo.subscribe({ query: TIMELINE_CHANGED_SUBSCRIPTION }).subscribe({
      next: (result) => {
        const event = result.data?.timelineChanged;
        if (event?.change === 'ADDED' && event.item) {
          this.receive({ kind: 'upsert', item: event.item });
        } else if (event?.change === 'REMOVED') {
          this.receive({ kind: 'remove', id: event.notificationId });
        }
      },
      // The list stays as loaded; a reload shows the latest items.
      error: () => undefined,
    });
    // An admin's report notices say « Traité par … le … » as soon as any admin treats the report.
    const isAdmin = (inject(AuthService).currentUser()?.functions.length ?? 0) > 0;
    const treated = isAdmin
      ? this.apollo.subscribe({ query: REPORT_TREATED_SUBSCRIPTION }).subscribe({
          next: (result) => {
            const report = result.data?.reportTreated;
            if (report) {
              this.treated(report.id, report.treatedAt ?? null, report.treatedBy ?? null);
            }
          },
          error: () => undefined,
        })
      : null;
    inject(DestroyRef).onDestroy(() => {
      live.unsubscribe();
      treated?.unsubscribe();
      this.pages.reset();
      this.changesSubject.complete();
    });
  }

  /** « Voir plus »: the older items added (none on failure, see `failure`). */
  loadMore(): Promise<readonly TimelineItem[]> {
    return this.pages.loadMore();
  }

  /**
   * « Signaler » an item (once): marks it reported, also when the server says it already was.
   * Rejects with the server's error for the page to word.
   */
  async report(notificationId: string): Promise<void> {
    try {
      await firstValueFrom(this.apollo.mutate({ mutation: REPORT_NOTIFICATION_MUTATION, variables: { notificationId } }));
      this.markReported(notificationId);
    } catch (error: unknown) {
      if (this.userErrors.describe(error).code === 'ALREADY_REPORTED') {
        this.markReported(notificationId);
      }
      throw error;
    }
  }

  /** A live event: applied to the list (an item already shown is not added again) and told to the
   * page when it changed the list. */
  private receive(event: LiveEvent<TimelineItem>): void {
    const before = this.items();
    if (!before) {
      this.early.push(event);
      return;
    }
    if (event.kind === 'upsert' && before.some((item) => item.id === event.item.id)) {
      return;
    }
    this.pages.update((items) => applyLiveEvent(items, event, { order: newestFirst((item) => item.createdAt), complete: !this.hasNextPage() }));
    if (this.items() !== before) {
      this.changesSubject.next(event.kind === 'upsert' ? { kind: 'added', item: event.item } : { kind: 'removed', id: event.id });
    }
  }

  private treated(reportId: string, treatedAt: string | null, treatedBy: string | null): void {
    if (!this.items()?.some((item) => item.reportNotice?.reportId === reportId)) {
      return;
    }
    this.pages.update((items) =>
      items.map((item) => (item.reportNotice?.reportId === reportId ? { ...item, reportNotice: { ...item.reportNotice, treatedAt, treatedBy } } : item)),
    );
    this.changesSubject.next({ kind: 'treated', by: treatedBy });
  }

  private markReported(notificationId: string): void {
    this.pages.update((items) => items.map((item) => (item.id === notificationId ? { ...item, reportedByMe: true } : item)));
  }
}
