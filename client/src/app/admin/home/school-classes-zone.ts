import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CurrentUser } from '../../core/auth/me.fragment';
import { SchoolClassLinks } from './school-class-links';

type Grant = CurrentUser['functions'][number];

/**
 * « Classes »: for each école the user administers, its classes, each opening « Paramétrage de la
 * classe » (pupils' state, password renewal codes).
 */
@Component({
  selector: 'app-school-classes-zone',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, SchoolClassLinks],
  template: `
    <section class="card stack" aria-labelledby="school-classes-title">
      <h2 id="school-classes-title">{{ 'admin.classes.title' | transloco }}</h2>
      <p>{{ 'admin.classes.intro' | transloco }}</p>
      @for (school of schools(); track school.id) {
        <div class="school-classes">
          <h3 class="school-classes__school">{{ school.name }}</h3>
          <app-school-class-links [schoolId]="school.id" [schoolName]="school.name" />
        </div>
      }
    </section>
  `,
})
export class SchoolClassesZone {
  readonly grants = input.required<readonly Grant[]>();

  /** The écoles among the structures administered (each once). */
  readonly schools = computed(() => {
    const seen = new Map<string, { id: string; name: string }>();
    for (const grant of this.grants()) {
      const structure = grant.structure;
      if (structure?.kind === 'ECOLE' && !seen.has(structure.id)) {
        seen.set(structure.id, { id: structure.id, name: structure.name });
      }
    }
    return [...seen.values()];
  });
}
