import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language.service';
import { DateTimePipe } from '../format/date-time.pipe';
import type { TimelineItem } from './data/timeline.operations';

const SAFE_LINK = /^https?:\/\//i;

/**
 * One item of the « Fil de nouveautés »: a post (plain text, its link opened in a new window only
 * when it is http(s)) or, for admins, a report notice with its reporter and who treated it.
 * « Signaler » on the items of others, once.
 */
@Component({
  selector: 'app-news-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, DateTimePipe, RouterLink],
  styles: `
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
    @let post = item();
    <article class="news-item" tabindex="-1" [id]="'news-item-' + post.id" [attr.aria-labelledby]="'news-item-title-' + post.id">
      <h3 [id]="'news-item-title-' + post.id">{{ post.reportNotice ? ('newsFeed.notice.title' | transloco) : post.title }}</h3>
      <p class="news-item__meta">
        {{ 'newsFeed.by' | transloco: { author: post.author?.displayName ?? ('newsFeed.systemAuthor' | transloco) } }}
        · {{ 'newsFeed.audience' | transloco: { audience: post.reportNotice?.audience ?? post.audience } }} ·
        <time [attr.datetime]="post.createdAt">{{ post.createdAt | dateTime: language() }}</time>
      </p>
      @if (post.reportNotice; as notice) {
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
      } @else if (post.body) {
        <p class="news-item__body">{{ post.body }}</p>
      }
      @if (link(); as link) {
        <p class="news-item__link">
          <a [href]="link" target="_blank" rel="noopener noreferrer"
            >{{ link }}<span class="visually-hidden"> {{ 'newsFeed.newWindow' | transloco }}</span></a
          >
        </p>
      }
      @if (!mine() && !post.reportId) {
        <div class="news-item__actions">
          <button
            type="button"
            class="button button--secondary button--small news-item__report"
            [attr.aria-disabled]="post.reportedByMe ? 'true' : null"
            (click)="askReport()"
          >
            {{ (post.reportedByMe ? 'newsFeed.report.done' : 'newsFeed.report.action') | transloco
            }}<span class="visually-hidden">{{ 'forms.labelSeparator' | transloco }}{{ post.title }}</span>
          </button>
        </div>
      }
    </article>
  `,
})
export class NewsItem {
  readonly item = input.required<TimelineItem>();
  /** Written by the reader: nothing to report. */
  readonly mine = input(false);
  /** « Signaler » pressed on an item not reported yet. */
  readonly report = output<TimelineItem>();

  protected readonly language = inject(LanguageService).current;
  protected readonly link = computed(() => {
    const link = this.item().link?.trim();
    return link && SAFE_LINK.test(link) ? link : null;
  });

  protected askReport(): void {
    if (!this.item().reportedByMe) {
      this.report.emit(this.item());
    }
  }
}
