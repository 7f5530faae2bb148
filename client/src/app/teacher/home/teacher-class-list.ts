import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CurrentUser } from '../../core/auth/me.fragment';

type TeacherClass = CurrentUser['classes'][number];

/** « Mes classes »: name, levels and school of each class, each opening « Paramétrage de la classe ». */
@Component({
  selector: 'app-teacher-class-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe],
  template: `
    <section class="card stack" aria-labelledby="classes-title">
      <h2 id="classes-title">{{ 'teacher.classes.title' | transloco }}</h2>
      @if (classes().length > 0) {
        <p>{{ 'teacher.classSettings.description' | transloco }}</p>
        <ul class="class-grid">
          @for (schoolClass of classes(); track schoolClass.id) {
            <li class="class-grid__item">
              <h3 class="class-grid__name">{{ schoolClass.name }}</h3>
              @if (schoolClass.levels.length > 0) {
                <p class="class-grid__levels">
                  {{ 'teacher.classes.levels' | transloco: { levels: schoolClass.levels.join(', ') } }}
                </p>
              }
              <p class="class-grid__school">{{ schoolClass.school.name }}</p>
              <p class="class-grid__link">
                <a [routerLink]="['/classes', schoolClass.id]"
                  >{{ 'teacher.classSettings.title' | transloco
                  }}<span class="visually-hidden"> {{ schoolClass.name }}</span></a
                >
              </p>
            </li>
          }
        </ul>
      } @else {
        <p>{{ 'teacher.classes.none' | transloco }}</p>
      }
    </section>
  `,
})
export class TeacherClassList {
  readonly classes = input.required<readonly TeacherClass[]>();
}
