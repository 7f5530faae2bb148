import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthService } from '../../core/auth/auth.service';
import { NewsFeed } from '../../shared/news-feed/news-feed';
import { TeacherClassList } from './teacher-class-list';

/** /enseignant: the teacher's classes (each opening « Paramétrage de la classe »), the timeline. */
@Component({
  selector: 'app-teacher-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, TeacherClassList, NewsFeed],
  template: `
    <div class="page-header">
      <h1>{{ 'teacher.title' | transloco }}</h1>
    </div>
    <div class="stack stack--loose">
      <app-teacher-class-list [classes]="classes()" />
      <app-news-feed />
    </div>
  `,
})
export default class TeacherHomePage {
  private readonly user = inject(AuthService).currentUser;
  protected readonly classes = computed(() => this.user()?.classes ?? []);
}
