import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ComingSoonNotice } from '../../shared/coming-soon/coming-soon-notice';

/** « Paramétrage de la classe »: pupils' photos and password renewal, not built yet. */
@Component({
  selector: 'app-class-settings-placeholder',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, ComingSoonNotice],
  template: `
    <section class="card stack" aria-labelledby="class-settings-title">
      <h2 id="class-settings-title">{{ 'teacher.classSettings.title' | transloco }}</h2>
      <p>{{ 'teacher.classSettings.description' | transloco }}</p>
      <app-coming-soon-notice>{{ 'teacher.classSettings.comingSoon' | transloco }}</app-coming-soon-notice>
    </section>
  `,
})
export class ClassSettingsPlaceholder {}
