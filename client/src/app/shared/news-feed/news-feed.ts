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
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { AuthService } from '../../core/auth/auth.service';
import { UserErrorMessageService } from '../../core/errors/user-error-message.service';
import { ConfirmDialog } from '../dialog/confirm-dialog';
import { type TimelineChange, TimelineStore } from './data/timeline.store';
import { NewsItem } from './news-item';
import { PublishPostForm } from './publish-post-form';
import type { TimelineItem } from './data/timeline.operations';

/**
 * « Fil de nouveautés », shown in the teacher's and the pupil's spaces: the timeline newest first
 * (TimelineStore: pages, live changes, « Signaler »), « Voir plus » for older items, live changes
 * announced. Each item (NewsItem) not written by me can be reported, once, after a ConfirmDialog.
 * Teachers, pupils and staff also get « Publier une actualité », folded behind its button.
 */
@Component({
  selector: 'app-news-feed',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, ConfirmDialog, PublishPostForm, NewsItem],
  providers: [TimelineStore],
  styles: `
    .news-feed__list {
      display: grid;
      gap: var(--space-3);
      margin: 0;
      padding: 0;
      list-style: none;
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
              <li><app-news-item [item]="item" [mine]="isMine(item)" (report)="askReport($event)" /></li>
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
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly transloco = inject(TranslocoService);
  private readonly userErrors = inject(UserErrorMessageService);
  private readonly user = inject(AuthService).currentUser;
  private readonly timeline = inject(TimelineStore);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');
  private readonly composeButton = viewChild<ElementRef<HTMLButtonElement>>('composeButton');
  private readonly composer = viewChild(PublishPostForm);
  private readonly outcome = viewChild<ElementRef<HTMLElement>>('outcome');

  protected readonly items = this.timeline.items;
  protected readonly hasNextPage = this.timeline.hasNextPage;
  protected readonly failure = this.timeline.failure;
  protected readonly loadingMore = signal(false);
  protected readonly announcement = signal('');
  protected readonly reporting = signal<TimelineItem | null>(null);
  protected readonly reportBusy = signal(false);
  protected readonly reportError = signal<string | null>(null);
  /** « Publier une actualité » is folded behind its button so the newest items stay in view. */
  protected readonly composing = signal(false);
  protected readonly published = signal<number | null>(null);
  protected readonly canPublish = computed(() => {
    const user = this.user();
    return (
      !!user &&
      (user.profile === 'TEACHER' || user.profile === 'STUDENT' || user.profile === 'PERSONNEL') &&
      user.classes.length + (user.profile === 'STUDENT' ? 0 : user.schools.length) > 0
    );
  });

  constructor() {
    const changes = this.timeline.changes.subscribe((change) => this.changed(change));
    inject(DestroyRef).onDestroy(() => changes.unsubscribe());
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

  protected async loadMore(): Promise<void> {
    if (this.loadingMore()) {
      return;
    }
    this.loadingMore.set(true);
    try {
      const [first] = await this.timeline.loadMore();
      if (first) {
        // The first older item takes the focus, so the reader carries on from there.
        afterNextRender(() => this.document.getElementById(`news-item-${first.id}`)?.focus(), { injector: this.injector });
      }
    } finally {
      this.loadingMore.set(false);
    }
  }

  protected askReport(item: TimelineItem): void {
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
      await this.timeline.report(item.id);
      this.reportBusy.set(false);
      this.reporting.set(null);
      this.announce(this.transloco.translate('newsFeed.report.sent', { title: item.title }));
    } catch (error: unknown) {
      this.reportError.set(this.userErrors.describe(error).message);
      this.reportBusy.set(false);
    }
  }

  /** A live change of the list: announced; a removed item closes its « Signaler » dialog, and the
   * focus it held goes to the heading. */
  private changed(change: TimelineChange): void {
    if (change.kind === 'added') {
      this.announce(this.transloco.translate('newsFeed.live.added', { title: change.item.title }));
    } else if (change.kind === 'removed') {
      // The item is still in the page until the next render.
      const focusInside = this.document.getElementById(`news-item-${change.id}`)?.contains(this.document.activeElement);
      if (this.reporting()?.id === change.id) {
        this.reportBusy.set(false);
        this.reporting.set(null);
      }
      this.announce(this.transloco.translate('newsFeed.live.removed'));
      if (focusInside) {
        afterNextRender(() => this.heading().nativeElement.focus(), { injector: this.injector });
      }
    } else if (change.by) {
      this.announce(this.transloco.translate('newsFeed.notice.treatedLive', { by: change.by }));
    }
  }

  /** Polite announcement; cleared first so the same text is read again. */
  private announce(text: string): void {
    this.announcement.set('');
    setTimeout(() => this.announcement.set(text), 50);
  }
}
