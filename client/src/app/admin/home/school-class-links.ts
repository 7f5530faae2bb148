import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import type { Subscription } from 'rxjs';
import { UserErrorMessageService } from '../../core/errors/user-error-message.service';
import type { SchoolClassesQuery } from '../../core/graphql/generated/graphql';
import { SCHOOL_CLASSES_QUERY } from './data/school-classes.query';

type ClassesState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly classes: SchoolClassesQuery['schoolClasses'] }
  | { readonly kind: 'failed'; readonly message: string };

/** The classes of one école, as links to /classes/:id. */
@Component({
  selector: 'app-school-class-links',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe],
  template: `
    @switch (state().kind) {
      @case ('loading') {
        <p class="school-classes__status">{{ 'admin.classes.loading' | transloco }}</p>
      }
      @case ('failed') {
        <p class="field__error">{{ failure() }}</p>
      }
      @default {
        @if (classes().length > 0) {
          <ul class="school-classes__list" [attr.aria-label]="'admin.classes.listLabel' | transloco: { school: schoolName() }">
            @for (schoolClass of classes(); track schoolClass.id) {
              <li>
                <a class="school-classes__link" [routerLink]="['/classes', schoolClass.id]">{{ schoolClass.name }}</a>
                @if (schoolClass.levels.length > 0) {
                  <span class="school-classes__levels">{{ 'admin.classes.levels' | transloco: { levels: schoolClass.levels.join(', ') } }}</span>
                }
              </li>
            }
          </ul>
        } @else {
          <p>{{ 'admin.classes.none' | transloco }}</p>
        }
      }
    }
  `,
})
export class SchoolClassLinks {
  private readonly apollo = inject(Apollo);
  private readonly userErrors = inject(UserErrorMessageService);
  private request: Subscription | null = null;

  readonly schoolId = input.required<string>();
  readonly schoolName = input.required<string>();

  protected readonly state = signal<ClassesState>({ kind: 'loading' });
  protected readonly classes = computed(() => {
    const state = this.state();
    return state.kind === 'loaded' ? state.classes : [];
  });
  protected readonly failure = computed(() => {
    const state = this.state();
    return state.kind === 'failed' ? state.message : null;
  });

  constructor() {
    effect(() => {
      const schoolId = this.schoolId();
      untracked(() => this.load(schoolId));
    });
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  private load(structureId: string): void {
    this.request?.unsubscribe();
    this.state.set({ kind: 'loading' });
    this.request = this.apollo
      .query({ query: SCHOOL_CLASSES_QUERY, variables: { structureId }, fetchPolicy: 'network-only' })
      .subscribe({
        next: (result) => this.state.set({ kind: 'loaded', classes: result.data?.schoolClasses ?? [] }),
        error: (error: unknown) => this.state.set({ kind: 'failed', message: this.userErrors.describe(error).message }),
      });
  }
}
