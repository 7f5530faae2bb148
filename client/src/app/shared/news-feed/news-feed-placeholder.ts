import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ComingSoonNotice } from '../coming-soon/coming-soon-notice';

/** « Fil de nouveautés »: every signed-in user's timeline, not built yet. */
@Component({
  selector: 'app-news-feed-placeholder',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, ComingSoonNotice],
  template: `
    <section class="card" aria-labelledby="news-feed-title">
      <h2 id="news-feed-title">{{ 'newsFeed.title' | transloco }}</h2>
      <app-coming-soon-notice>{{ 'newsFeed.comingSoon' | transloco }}</app-coming-soon-notice>
    </section>
  `,
})
export class NewsFeedPlaceholder {}
