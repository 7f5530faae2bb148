import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { allPages } from '../core/data/all-pages';
import { apolloPage } from '../core/data/apollo-page';
import { keysetPaged } from '../core/data/keyset-paged';
import { UserErrorMessageService } from '../core/errors/user-error-message.service';
import type { ClassSettingsFieldsFragment } from '../core/graphql/generated/graphql';
import { ATTACH_TEACHERS_MUTATION } from './data/attach-teachers.mutation';
import { SCHOOL_TEACHERS_QUERY } from './data/school-teachers.query';

/** Teachers asked at once (the server's cost limit allows about 150) and pages at most (1,000 teachers). */
const TEACHERS_PAGE = 100;
const MAX_TEACHER_PAGES = 10;

/**
 * « Ajouter des enseignants » (guide, tutorial 2, in bulk): the teacher accounts of the class's
 * école not yet in the class, as a checklist; « Rattacher » attaches the ticked ones at once.
 */
@Component({
  selector: 'app-add-teachers-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    <div class="stack">
      <p class="add-teachers__toggle">
        <button
          type="button"
          class="button button--secondary"
          id="add-teachers-toggle"
          aria-controls="add-teachers-panel"
          [attr.aria-expanded]="open()"
          (click)="toggle()"
        >
          <span aria-hidden="true">+ </span>{{ 'classSettings.addTeachers.open' | transloco }}
        </button>
      </p>
      <div id="add-teachers-panel" class="inline-panel" [hidden]="!open()">
        @switch (state()) {
          @case ('loading') {
            <p role="status">{{ 'classSettings.addTeachers.loading' | transloco }}</p>
          }
          @case ('failed') {
            <p class="alert alert--error" role="alert">{{ failure() }}</p>
          }
          @case ('loaded') {
            @if (candidates().length === 0) {
              <p>{{ 'classSettings.addTeachers.noneLeft' | transloco }}</p>
            } @else {
              <form class="stack" (submit)="attach($event)" novalidate>
                <fieldset class="checklist">
                  <legend class="checklist__legend">
                    {{ 'classSettings.addTeachers.legend' | transloco: { school: schoolClass().school.name, name: schoolClass().name } }}
                  </legend>
                  <ul class="checklist__items">
                    @for (teacher of candidates(); track teacher.id) {
                      <li>
                        <label class="checklist__item">
                          <input type="checkbox" [checked]="selected().has(teacher.id)" (change)="toggleTeacher(teacher.id)" />
                          <span>
                            {{ teacher.displayName }}
                            <span class="checklist__hint" translate="no">{{ teacher.login }}</span>
                          </span>
                        </label>
                      </li>
                    }
                  </ul>
                </fieldset>
                @if (error(); as message) {
                  <p class="alert alert--error" role="alert">{{ message }}</p>
                }
                <p>
                  <button type="submit" class="button button--primary" [attr.aria-busy]="pending()">
                    {{ 'classSettings.addTeachers.submit' | transloco: { count: selected().size } }}
                  </button>
                </p>
              </form>
            }
          }
        }
      </div>
      <p role="status" class="add-teachers__done">{{ done() }}</p>
    </div>
  `,
})
export class AddTeachersPanel {
  private readonly apollo = inject(Apollo);
  private readonly transloco = inject(TranslocoService);
  private readonly userErrors = inject(UserErrorMessageService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);

  readonly schoolClass = input.required<ClassSettingsFieldsFragment>();
  readonly attached = output<ClassSettingsFieldsFragment>();

  /** Every teacher of the école (pages of TEACHERS_PAGE, at most MAX_TEACHER_PAGES), asked on opening. */
  private readonly teachers = keysetPaged(
    allPages(
      apolloPage(
        this.apollo,
        SCHOOL_TEACHERS_QUERY,
        (after) => ({ structureId: this.schoolClass().school.id, first: TEACHERS_PAGE, after }),
        ({ users }) => ({ items: users.edges.map((edge) => edge.node), hasNextPage: users.pageInfo.hasNextPage, endCursor: users.pageInfo.endCursor ?? null }),
      ),
      MAX_TEACHER_PAGES,
    ),
  );

  protected readonly open = signal(false);
  protected readonly state = computed<'idle' | 'loading' | 'loaded' | 'failed'>(() => {
    if (this.teachers.loading()) {
      return 'loading';
    }
    if (this.teachers.error()) {
      return 'failed';
    }
    return this.teachers.items() ? 'loaded' : 'idle';
  });
  protected readonly failure = computed(() => {
    const error = this.teachers.error();
    return error ? this.userErrors.describe(error).message : null;
  });
  /** The école's teachers who are not in the class yet. */
  protected readonly candidates = computed(() => {
    const teachers = this.teachers.items() ?? [];
    const inClass = new Set(this.schoolClass().teachers.map((teacher) => teacher.id));
    return teachers.filter((teacher) => !inClass.has(teacher.id));
  });
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly done = signal('');

  constructor() {
    inject(DestroyRef).onDestroy(() => this.teachers.reset());
  }

  protected toggle(): void {
    const open = !this.open();
    this.open.set(open);
    this.done.set('');
    if (open && this.state() !== 'loaded' && this.state() !== 'loading') {
      // A failed load is asked again, the list shown meanwhile is « Chargement… ».
      void this.teachers.reload({ clear: true });
    }
  }

  protected toggleTeacher(id: string): void {
    const selected = new Set(this.selected());
    if (!selected.delete(id)) {
      selected.add(id);
    }
    this.selected.set(selected);
    this.error.set(null);
  }

  protected async attach(event: Event): Promise<void> {
    event.preventDefault();
    if (this.pending()) {
      return;
    }
    const userIds = [...this.selected()];
    if (userIds.length === 0) {
      this.error.set(this.transloco.translate('classSettings.addTeachers.noneSelected'));
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    try {
      const result = await firstValueFrom(
        this.apollo.mutate({ mutation: ATTACH_TEACHERS_MUTATION, variables: { classId: this.schoolClass().id, userIds } }),
      );
      const schoolClass = result.data?.attachTeachersToClass;
      if (!schoolClass) {
        throw new Error('attachTeachersToClass: empty answer');
      }
      this.selected.set(new Set());
      this.open.set(false);
      this.attached.emit(schoolClass);
      this.done.set(
        this.transloco.translate(
          userIds.length === 1 ? 'classSettings.addTeachers.doneOne' : 'classSettings.addTeachers.doneMany',
          { count: userIds.length, name: schoolClass.name },
        ),
      );
      afterNextRender(() => this.document.getElementById('add-teachers-toggle')?.focus(), { injector: this.injector });
    } catch (error: unknown) {
      this.error.set(this.userErrors.describe(error).message);
    } finally {
      this.pending.set(false);
    }
  }
}
