import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ComingSoonNotice } from '../../shared/coming-soon/coming-soon-notice';

/** « Rechercher un utilisateur »: the field is here, the results are not built yet. */
@Component({
  selector: 'app-user-search-zone',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, ComingSoonNotice],
  template: `
    <section class="card stack" aria-labelledby="user-search-title">
      <h2 id="user-search-title">{{ 'admin.search.title' | transloco }}</h2>
      <!-- The zone's heading labels the field, as in the guide: one visible name, no repetition. -->
      <form role="search" class="field" (submit)="ignoreSubmit($event)">
        <input
          id="user-search-input"
          class="field__input"
          type="search"
          autocomplete="off"
          spellcheck="false"
          aria-labelledby="user-search-title"
          aria-describedby="user-search-hint user-search-status"
        />
        <p id="user-search-hint" class="field__hint">{{ 'admin.search.hint' | transloco }}</p>
      </form>
      <app-coming-soon-notice id="user-search-status">{{ 'admin.search.comingSoon' | transloco }}</app-coming-soon-notice>
    </section>
  `,
})
export class UserSearchZone {
  /** Results are not built yet: pressing Enter must not reload the page. */
  protected ignoreSubmit(event: Event): void {
    event.preventDefault();
  }
}
