import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import type { Subscription } from 'rxjs';
import type { AdminFunction, Profile, SchoolClassesQuery } from '../../core/graphql/generated/graphql';
import { SCHOOL_CLASSES_QUERY } from '../home/school-classes.query';
import { ADMINISTERED_STRUCTURES_QUERY } from '../users/administered-structures.query';
import { DEFAULT_PARAMS, FUNCTIONS, PROFILES, type UserListParams, columnSearchOf } from '../users/list/user-list-params';

type SchoolClass = SchoolClassesQuery['schoolClasses'][number];

interface School {
  readonly id: string;
  readonly name: string;
}

interface Choice<T> {
  readonly value: T;
  readonly labelKey: string;
}

let nextId = 0;

/** How many groups of the panel are set (pre-deletion is not one here: those accounts never take part). */
export function selectionFilterCount(params: UserListParams): number {
  return [
    params.profiles.length > 0,
    params.activated !== null,
    params.classIds.length > 0,
    params.functions.length > 0,
    params.blocked !== null,
    params.hasEmail !== null,
    params.schoolId !== null,
  ].filter(Boolean).length;
}

/**
 * « Filtrer la liste à publiposter » (or « … à exporter »): the button that opens the user list's
 * filters — Profils, Activation (« Utilisateurs non activés »), École when several, Classe,
 * Fonctions, Bloqué, Courriel — each applied at once; the cross or Échap closes the panel and the
 * focus goes back to the button. Pre-deleted accounts are never part of a publipostage or an export.
 */
@Component({
  selector: 'app-account-filters-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  styleUrl: './account-filters-panel.css',
  template: `
    <div class="account-filters">
      <div class="account-filters__bar">
        <button
          type="button"
          class="button button--secondary"
          [id]="toggleId"
          [attr.aria-controls]="panelId"
          [attr.aria-expanded]="open()"
          (click)="toggle()"
        >
          <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="18" height="18">
            <path d="M3 5h18l-7 8.5V20l-4-2v-4.5z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
          </svg>
          {{ toggleLabelKey() | transloco }}
          @if (activeCount() > 0) {
            <span class="badge account-filters__count"
              >{{ activeCount() }}<span class="visually-hidden"> {{ 'userList.filters.active' | transloco }}</span></span
            >
          }
          <span class="account-filters__caret" aria-hidden="true">{{ open() ? '▲' : '▼' }}</span>
        </button>
        @if (activeCount() > 0) {
          <button type="button" class="button button--quiet" (click)="reset()">{{ 'userList.filters.reset' | transloco }}</button>
        }
      </div>

      <section
        class="filters-panel card"
        [id]="panelId"
        [attr.aria-labelledby]="titleId"
        [hidden]="!open()"
        (keydown.escape)="close()"
      >
        <div class="filters-panel__head">
          <h2 [id]="titleId">{{ 'userList.filters.title' | transloco }}</h2>
          <button type="button" class="icon-button" (click)="close()">
            <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
              <path d="M6 6l12 12M18 6L6 18" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
            </svg>
            <span class="visually-hidden">{{ 'userList.filters.close' | transloco }}</span>
          </button>
        </div>
        <p class="field__hint">{{ 'mailing.filters.hint' | transloco }}</p>

        <div class="filters-panel__groups">
          <fieldset class="filter-group">
            <legend>{{ 'userList.filters.activation' | transloco }}</legend>
            @for (choice of activationChoices; track $index) {
              <label class="choice">
                <input
                  type="radio"
                  [name]="panelId + '-activation'"
                  [checked]="params().activated === choice.value"
                  (change)="change({ activated: choice.value })"
                />
                {{ choice.labelKey | transloco }}
              </label>
            }
          </fieldset>

          <fieldset class="filter-group">
            <legend>{{ 'userList.filters.profiles' | transloco }}</legend>
            @for (profile of profiles; track profile) {
              <label class="choice">
                <input type="checkbox" [checked]="params().profiles.includes(profile)" (change)="toggleProfile(profile)" />
                {{ 'profiles.' + profile | transloco }}
              </label>
            }
          </fieldset>

          @if (schools().length > 1) {
            <div class="filter-group field">
              <label class="field__label" [for]="panelId + '-school'">{{ 'userList.filters.school' | transloco }}</label>
              <select class="field__input" [id]="panelId + '-school'" (change)="setSchool($event)">
                <option value="" [selected]="!params().schoolId">{{ 'userList.filters.allSchools' | transloco }}</option>
                @for (school of schools(); track school.id) {
                  <option [value]="school.id" [selected]="params().schoolId === school.id">{{ school.name }}</option>
                }
              </select>
            </div>
          }

          <fieldset class="filter-group">
            <legend>{{ 'userList.filters.class' | transloco }}</legend>
            @if (!classesSchool()) {
              <p class="field__hint">{{ 'userList.filters.chooseSchoolFirst' | transloco }}</p>
            } @else if (classOptions(); as classes) {
              @for (schoolClass of classes; track schoolClass.id) {
                <label class="choice">
                  <input type="checkbox" [checked]="params().classIds.includes(schoolClass.id)" (change)="toggleClass(schoolClass.id)" />
                  {{ schoolClass.name }}
                </label>
              } @empty {
                <p class="field__hint">{{ 'userList.filters.noClasses' | transloco }}</p>
              }
            } @else {
              <p class="field__hint">{{ 'userList.filters.loadingClasses' | transloco }}</p>
            }
          </fieldset>

          <fieldset class="filter-group">
            <legend>{{ 'userList.filters.functions' | transloco }}</legend>
            @for (fn of functions; track fn) {
              <label class="choice">
                <input type="checkbox" [checked]="params().functions.includes(fn)" (change)="toggleFunction(fn)" />
                {{ 'functionsShort.' + fn | transloco }}
              </label>
            }
          </fieldset>

          <fieldset class="filter-group">
            <legend>{{ 'userList.filters.blocked' | transloco }}</legend>
            @for (choice of yesNoChoices; track $index) {
              <label class="choice">
                <input
                  type="radio"
                  [name]="panelId + '-blocked'"
                  [checked]="params().blocked === choice.value"
                  (change)="change({ blocked: choice.value })"
                />
                {{ choice.labelKey | transloco }}
              </label>
            }
          </fieldset>

          <fieldset class="filter-group">
            <legend>{{ 'userList.filters.email' | transloco }}</legend>
            @for (choice of emailChoices; track $index) {
              <label class="choice">
                <input
                  type="radio"
                  [name]="panelId + '-email'"
                  [checked]="params().hasEmail === choice.value"
                  (change)="change({ hasEmail: choice.value })"
                />
                {{ choice.labelKey | transloco }}
              </label>
            }
          </fieldset>
        </div>
      </section>
    </div>
  `,
})
export class AccountFiltersPanel {
  private readonly apollo = inject(Apollo);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private classesRequest: Subscription | null = null;

  readonly params = input.required<UserListParams>();
  /** « Filtrer la liste à publiposter », « Filtrer la liste à exporter ». */
  readonly toggleLabelKey = input.required<string>();
  readonly paramsChange = output<UserListParams>();

  private readonly id = ++nextId;
  protected readonly toggleId = `account-filters-toggle-${this.id}`;
  protected readonly panelId = `account-filters-${this.id}`;
  protected readonly titleId = `account-filters-title-${this.id}`;
  protected readonly profiles = PROFILES;
  protected readonly functions = FUNCTIONS;
  protected readonly activationChoices: readonly Choice<boolean | null>[] = [
    { value: null, labelKey: 'userList.filters.all' },
    { value: true, labelKey: 'userList.filters.activated' },
    { value: false, labelKey: 'userList.filters.notActivated' },
  ];
  protected readonly yesNoChoices: readonly Choice<boolean | null>[] = [
    { value: null, labelKey: 'userList.filters.all' },
    { value: true, labelKey: 'userList.filters.yes' },
    { value: false, labelKey: 'userList.filters.no' },
  ];
  protected readonly emailChoices: readonly Choice<boolean | null>[] = [
    { value: null, labelKey: 'userList.filters.all' },
    { value: true, labelKey: 'userList.filters.withEmail' },
    { value: false, labelKey: 'userList.filters.withoutEmail' },
  ];

  protected readonly open = signal(false);
  protected readonly activeCount = computed(() => selectionFilterCount(this.params()));
  protected readonly schools = signal<readonly School[]>([]);
  /** The école whose classes « Classe » offers: the only one, or the one chosen. */
  protected readonly classesSchool = computed<School | null>(() => {
    const schools = this.schools();
    if (schools.length === 1) {
      return schools[0];
    }
    const chosen = this.params().schoolId;
    return schools.find((school) => school.id === chosen) ?? null;
  });
  protected readonly classOptions = signal<readonly SchoolClass[] | null>(null);

  constructor() {
    effect(() => {
      const school = this.classesSchool();
      untracked(() => this.loadClasses(school));
    });
    this.loadSchools();
    inject(DestroyRef).onDestroy(() => this.classesRequest?.unsubscribe());
  }

  protected toggle(): void {
    this.open.update((open) => !open);
  }

  /** The cross, or Échap inside the panel: the focus goes back to the button. */
  protected close(): void {
    this.open.set(false);
    afterNextRender(() => this.document.getElementById(this.toggleId)?.focus(), { injector: this.injector });
  }

  protected reset(): void {
    this.paramsChange.emit({ ...DEFAULT_PARAMS, ...columnSearchOf(this.params()) });
  }

  protected change(changes: Partial<UserListParams>): void {
    this.paramsChange.emit({ ...this.params(), ...changes });
  }

  protected toggleProfile(profile: Profile): void {
    this.change({ profiles: toggled(this.params().profiles, profile) });
  }

  protected toggleFunction(fn: AdminFunction): void {
    this.change({ functions: toggled(this.params().functions, fn) });
  }

  protected toggleClass(classId: string): void {
    this.change({ classIds: toggled(this.params().classIds, classId) });
  }

  /** Another école: its classes replace the chosen ones. */
  protected setSchool(event: Event): void {
    const value = (event.target as HTMLSelectElement).value || null;
    this.change({ schoolId: value, classIds: [] });
  }

  private loadSchools(): void {
    this.apollo.query({ query: ADMINISTERED_STRUCTURES_QUERY, fetchPolicy: 'network-only' }).subscribe({
      next: (result) =>
        this.schools.set(
          (result.data?.structures ?? [])
            .filter((structure) => structure.kind === 'ECOLE')
            .map((structure) => ({ id: structure.id, name: structure.name }))
            .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
        ),
      error: () => this.schools.set([]),
    });
  }

  private loadClasses(school: School | null): void {
    this.classesRequest?.unsubscribe();
    this.classOptions.set(null);
    if (!school) {
      return;
    }
    this.classesRequest = this.apollo
      .query({ query: SCHOOL_CLASSES_QUERY, variables: { structureId: school.id }, fetchPolicy: 'network-only' })
      .subscribe({
        next: (result) => this.classOptions.set(result.data?.schoolClasses ?? []),
        error: () => this.classOptions.set([]),
      });
  }
}

function toggled<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((item) => item !== value) : [...values, value];
}
