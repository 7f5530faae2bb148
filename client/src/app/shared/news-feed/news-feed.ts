import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { UserErrorMessageService } from '../../core/errors/user-error-message.service';
import { LanguageService } from '../../core/i18n/language.service';
import { ConfirmDialog } from '../dialog/confirm-dialog';
import { DateTimePipe } from '../format/date-time.pipe';
import { REPORT_TREATED_SUBSCRIPTION } from '../reports/reports.operations';
import { PublishPostForm } from './publish-post-form';
import {
  REPORT_NOTIFICATION_MUTATION,
  TIMELINE_CHANGED_SUBSCRIPTION,
  TIMELINE_QUERY,
  type TimelineItem,
} from './timeline.operations';

const PAGE_SIZE = 20;
const SAFE_LINK = /^https?:\/\//i;

/**
 * « Fil de nouveautés »: the timeline newest first, « Voir plus » for older items, kept live while
 * the page is open (timelineChanged: new items on top, announced; removed items disappear).
 * Each item not written by me can be reported (« Signaler », once). Bodies are plain text.
 * Teachers, pupils and staff also get « Publier une actualité », folded behind its button. Admins
 * read report notices with the reported item's audience, its reporter and, live, who treated it.
 */
@Component({
  selector: 'app-news-feed',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, DateTimePipe, ConfirmDialog, PublishPostForm, RouterLink],
  styles: `
    .news-feed__list {
      display: grid;
      gap: var(--space-3);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .news-item {
      display: grid;
      gap: var(--space-2);
      padding: var(--space-3);
      border: 1px solid var(--color-border);
      border-radius: var(--radius-s);
    }
    .news-item h3 {
      margin: 0;
    }
    .news-item__meta {
      margin: 0;
      color: var(--color-text-muted, inherit);
      font-size: 0.9375rem;
    }
    .news-item__body {
      margin: 0;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .news-item__link {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .news-item__actions {
      display: flex;
      gap: var(--space-2);
    }
    .news-item__treated {
      margin: 0;
      font-weight: 600;
    }
    .news-item__report[aria-disabled='true'] {
      cursor: default;
      opacity: 1;
    }
  `,
  template: `
    <section class="card stack" aria-labelledby="news-feed-title">
      <h2 #heading id="news-feed-title" tabindex="-1">{{ 'newsFeed.title' | transloco }}</h2>
      <p class="visually-hidden" aria-live="polite" aria-atomic="true">{{ announcement() }}</p>

      @if (canPublish()) {
        <div class="news-feed__compose">
          <button
            #composeButton
            type="button"
            class="button button--primary"
            aria-controls="publish-post-panel"
            [attr.aria-expanded]="composing()"
            (click)="toggleComposer()"
          >
            {{ 'newsFeed.publish.open' | transloco }}
          </button>
        </div>
        <!-- Folded, not destroyed: what was typed stays for next time. -->
        <div id="publish-post-panel" [hidden]="!composing()">
          <app-publish-post-form (published)="onPublished($event)" (closed)="closeComposer()" />
        </div>
        @if (published(); as count) {
          <p #outcome class="alert alert--success" role="status" tabindex="-1">
            {{ (count === 1 ? 'newsFeed.publish.doneOne' : 'newsFeed.publish.doneMany') | transloco: { count } }}
          </p>
        }
      }

      @if (failure(); as message) {
        <p class="alert alert--error" role="alert">{{ message }}</p>
      }

      @if (items() === null && !failure()) {
        <p>{{ 'newsFeed.loading' | transloco }}</p>
      } @else if (items()?.length === 0) {
        <p>{{ 'newsFeed.empty' | transloco }}</p>
      }

      @if (items(); as items) {
        @if (items.length > 0) {
          <ol class="news-feed__list" [attr.aria-label]="'newsFeed.listLabel' | transloco">
            @for (item of items; track item.id) {
              <li>
                <article class="news-item" tabindex="-1" [id]="'news-item-' + item.id" [attr.aria-labelledby]="'news-item-title-' + item.id">
                  <h3 [id]="'news-item-title-' + item.id">{{ item.reportNotice ? ('newsFeed.notice.title' | transloco) : item.title }}</h3>
                  <p class="news-item__meta">
                    {{ 'newsFeed.by' | transloco: { author: item.author?.displayName ?? ('newsFeed.systemAuthor' | transloco) } }}
                    · {{ 'newsFeed.audience' | transloco: { audience: item.reportNotice?.audience ?? item.audience } }} ·
                    <time [attr.datetime]="item.createdAt">{{ item.createdAt | dateTime: language() }}</time>
                  </p>
                  @if (item.reportNotice; as notice) {
                    <p class="news-item__body">
                      @if (notice.reporter; as reporter) {
                        {{ 'newsFeed.notice.reportedBy' | transloco
                        }}<a [routerLink]="['/admin/utilisateurs', reporter.id]">{{ reporter.displayName }}</a>
                      } @else {
                        {{ 'newsFeed.notice.reportedByUnknown' | transloco }}
                      }{{ 'newsFeed.notice.toTreat' | transloco
                      }}<a routerLink="/admin/signalements">{{ 'newsFeed.notice.clickHere' | transloco }}</a>.
                    </p>
                    @if (notice.treatedAt && notice.treatedBy) {
                      <p class="news-item__treated">
                        {{ 'newsFeed.notice.treated' | transloco: { by: notice.treatedBy, at: (notice.treatedAt | dateTime: language()) } }}
                      </p>
                    }
                  } @else if (item.body) {
                    <p class="news-item__body">{{ item.body }}</p>
                  }
                  @if (safeLink(item.link); as link) {
                    <p class="news-item__link">
                      <a [href]="link" target="_blank" rel="noopener noreferrer"
                        >{{ link }}<span class="visually-hidden"> {{ 'newsFeed.newWindow' | transloco }}</span></a
                      >
                    </p>
                  }
                  @if (!isMine(item) && !item.reportId) {
                    <div class="news-item__actions">
                      <button
                        type="button"
                        class="button button--secondary button--small news-item__report"
                        [attr.aria-disabled]="item.reportedByMe ? 'true' : null"
                        (click)="askReport(item)"
                      >
                        {{ (item.reportedByMe ? 'newsFeed.report.done' : 'newsFeed.report.action') | transloco
                        }}<span class="visually-hidden">{{ 'forms.labelSeparator' | transloco }}{{ item.title }}</span>
                      </button>
                    </div>
                  }
                </article>
              </li>
            }
          </ol>
        }
      }

      @if (hasNextPage()) {
        <div>
          <button type="button" class="button button--secondary" [attr.aria-busy]="loadingMore()" (click)="loadMore()">
            {{ 'newsFeed.more' | transloco }}
          </button>
        </div>
      }
    </section>

    <app-confirm-dialog
      [heading]="'newsFeed.report.heading' | transloco"
      [confirmLabel]="'newsFeed.report.confirm' | transloco"
      [open]="reporting() !== null"
      [busy]="reportBusy()"
      [error]="reportError()"
      (confirmed)="report()"
      (closed)="closeReport()"
    >
      <p>{{ 'newsFeed.report.explanation' | transloco }}</p>
      @if (reporting(); as item) {
        <p>{{ 'newsFeed.report.which' | transloco: { title: item.title } }}</p>
      }
    </app-confirm-dialog>
  `,
})
export class NewsFeed {
  private readonly apollo = inject(Apollo);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly transloco = inject(TranslocoService);
  private readonly userErrors = inject(UserErrorMessageService);
  private readonly user = inject(AuthService).currentUser;
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');
  private readonly composeButton = viewChild<ElementRef<HTMLButtonElement>>('composeButton');
  private readonly composer = viewChild(PublishPostForm);
  private readonly outcome = viewChild<ElementRef<HTMLElement>>('outcome');
  private endCursor: string | null = null;

  protected readonly language = inject(LanguageService).current;
  protected readonly items = signal<TimelineItem[] | null>(null);
  protected readonly hasNextPage = signal(false);
  protected readonly loadingMore = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly announcement = signal('');
  protected readonly reporting = signal<TimelineItem | null>(null);
  protected readonly reportBusy = signal(false);
  protected readonly reportError = signal<string | null>(null);
  /** « Publier une actualité » is folded behind its button so the newest items stay in view. */
  protected readonly composing = signal(false);
  protected readonly published = signal<number | null>(null);
  private readonly isAdmin = computed(() => (this.user()?.functions.length ?? 0) > 0);
  protected readonly canPublish = computed(() => {
    const user = this.user();
    return (
      !!user &&
      (user.profile === 'TEACHER' || user.profile === 'STUDENT' || user.profile === 'PERSONNEL') &&
      user.classes.length + (user.profile === 'STUDENT' ? 0 : user.schools.length) > 0
    );
  });

  constructor() {
    void this.loadPage();
    const live = this.apollo.subscribe({ query: TIMELINE_CHANGED_SUBSCRIPTION }).subscribe({
      next: (result) => {
        const event = result.data?.timelineChanged;
        if (!event) {
          return;
        }
        if (event.change === 'ADDED' && event.item) {
          this.added(event.item);
        } else if (event.change === 'REMOVED') {
          this.removed(event.notificationId);
        }
      },
      // The list stays as loaded; a reload shows the latest items.
      error: () => undefined,
    });
    // An admin's report notices say « Traité par … le … » as soon as any admin treats the report.
    const treated = this.isAdmin()
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
    });
  }

  protected toggleComposer(): void {
    if (this.composing()) {
      this.closeComposer();
      return;
    }
    this.published.set(null);
    this.composing.set(true);
    afterNextRender(() => this.composer()?.focus(), { injector: this.injector });
  }

  protected closeComposer(): void {
    this.composing.set(false);
    afterNextRender(() => this.composeButton()?.nativeElement.focus(), { injector: this.injector });
  }

  protected onPublished(count: number): void {
    this.composing.set(false);
    this.published.set(count);
    afterNextRender(() => this.outcome()?.nativeElement.focus(), { injector: this.injector });
  }

  protected isMine(item: TimelineItem): boolean {
    return !!item.author && item.author.id === this.user()?.id;
  }

  protected safeLink(link: string | null | undefined): string | null {
    return link && SAFE_LINK.test(link.trim()) ? link.trim() : null;
  }

  protected async loadMore(): Promise<void> {
    if (this.loadingMore()) {
      return;
    }
    const firstNewIndex = this.items()?.length ?? 0;
    this.loadingMore.set(true);
    try {
      const added = await this.loadPage();
      const first = this.items()?.[firstNewIndex];
      if (added && first) {
        // The first older item takes the focus, so the reader carries on from there.
        afterNextRender(() => this.document.getElementById(`news-item-${first.id}`)?.focus(), { injector: this.injector });
      }
    } finally {
      this.loadingMore.set(false);
    }
  }

  protected askReport(item: TimelineItem): void {
    if (item.reportedByMe) {
      return;
    }
    this.reportError.set(null);
    this.reporting.set(item);
  }

  protected closeReport(): void {
    if (!this.reportBusy()) {
      this.reporting.set(null);
      this.reportError.set(null);
    }
  }

  protected async report(): Promise<void> {
    const item = this.reporting();
    if (!item || this.reportBusy()) {
      return;
    }
    this.reportBusy.set(true);
    this.reportError.set(null);
    try {
      await firstValueFrom(
        this.apollo.mutate({ mutation: REPORT_NOTIFICATION_MUTATION, variables: { notificationId: item.id } }),
      );
      this.markReported(item.id);
      this.reportBusy.set(false);
      this.reporting.set(null);
      this.announce(this.transloco.translate('newsFeed.report.sent', { title: item.title }));
    } catch (error: unknown) {
      const described = this.userErrors.describe(error);
      if (described.code === 'ALREADY_REPORTED') {
        this.markReported(item.id);
      }
      this.reportError.set(described.message);
      this.reportBusy.set(false);
    }
  }

  /** Loads the next page (the first one when nothing is loaded); true when items were added. */
  private async loadPage(): Promise<boolean> {
    try {
      const result = await firstValueFrom(
        this.apollo.query({
          query: TIMELINE_QUERY,
          variables: { first: PAGE_SIZE, after: this.endCursor },
          fetchPolicy: 'network-only',
        }),
      );
      const page = result.data?.timeline;
      if (!page) {
        return false;
      }
      this.failure.set(null);
      const known = new Set((this.items() ?? []).map((item) => item.id));
      const fresh = page.items.filter((item) => !known.has(item.id));
      this.items.set([...(this.items() ?? []), ...fresh]);
      this.hasNextPage.set(page.hasNextPage);
      this.endCursor = page.endCursor ?? null;
      return fresh.length > 0;
    } catch (error: unknown) {
      this.failure.set(this.userErrors.describe(error).message);
      return false;
    }
  }

  private added(item: TimelineItem): void {
    const items = this.items() ?? [];
    if (items.some((known) => known.id === item.id)) {
      return;
    }
    this.items.set([item, ...items]);
    this.announce(this.transloco.translate('newsFeed.live.added', { title: item.title }));
  }

  private removed(notificationId: string): void {
    const items = this.items();
    if (!items?.some((item) => item.id === notificationId)) {
      return;
    }
    const focusInside = this.document.getElementById(`news-item-${notificationId}`)?.contains(this.document.activeElement);
    this.items.set(items.filter((item) => item.id !== notificationId));
    if (this.reporting()?.id === notificationId) {
      this.reportBusy.set(false);
      this.reporting.set(null);
    }
    this.announce(this.transloco.translate('newsFeed.live.removed'));
    if (focusInside) {
      afterNextRender(() => this.heading().nativeElement.focus(), { injector: this.injector });
    }
  }

  private treated(reportId: string, treatedAt: string | null, treatedBy: string | null): void {
    const notice = this.items()?.find((item) => item.reportNotice?.reportId === reportId);
    if (!notice) {
      return;
    }
    this.items.update((items) =>
      items
        ? items.map((item) =>
            item.reportNotice?.reportId === reportId ? { ...item, reportNotice: { ...item.reportNotice, treatedAt, treatedBy } } : item,
          )
        : items,
    );
    if (treatedBy) {
      this.announce(this.transloco.translate('newsFeed.notice.treatedLive', { by: treatedBy }));
    }
  }

  private markReported(notificationId: string): void {
    this.items.update((items) =>
      items ? items.map((item) => (item.id === notificationId ? { ...item, reportedByMe: true } : item)) : items,
    );
  }

  /** Polite announcement; cleared first so the same text is read again. */
  private announce(text: string): void {
    this.announcement.set('');
    setTimeout(() => this.announcement.set(text), 50);
  }
}
