import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthService } from '../../core/auth/auth.service';
import { NewsFeed } from '../../shared/news-feed/news-feed';

/** /accueil: a greeting and the « Fil de nouveautés ». */
@Component({
  selector: 'app-user-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, NewsFeed],
  template: `
    <div class="page-header">
      <h1>{{ 'userSpace.greeting' | transloco: { firstName: user()?.firstName ?? '' } }}</h1>
      <p class="page-header__lead">{{ 'userSpace.lead' | transloco }}</p>
    </div>
    <app-news-feed />
  `,
})
export default class UserHomePage {
  protected readonly user = inject(AuthService).currentUser;
}
