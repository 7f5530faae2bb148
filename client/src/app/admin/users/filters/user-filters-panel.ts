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
import type { AdminFunction, Profile, SchoolClassesQuery } from '../../../core/graphql/generated/graphql';
import { SCHOOL_CLASSES_QUERY } from '../../home/data/school-classes.query';
import { ADMINISTERED_STRUCTURES_QUERY } from '../data/administered-structures.query';
import { DEFAULT_PARAMS, FUNCTIONS, PROFILES, type UserListParams, activeFilterCount, withoutFilters } from '../../../shared/users/user-list-params';

type SchoolClass = SchoolClassesQuery['schoolClasses'][number];

interface School {
  readonly id: string;
  readonly name: string;
}

/** An answer of a radio group: Tous / Oui / Non, Avec / Sans… */
interface Choice {
  readonly value: boolean | string | null;
  readonly labelKey: string;
}

/** The yes/no filters, each a group of radio buttons. */
type ChoiceKey = 'activated' | 'blocked' | 'predeleted' | 'hasEmail' | 'guardians' | 'absentFromFile' | 'renewalCodeExpired';

type FilterGroup =
  | { readonly kind: 'profiles' | 'school' | 'class' | 'functions' }
  | { readonly kind: 'choice'; readonly key: ChoiceKey; readonly legendKey: string; readonly choices: readonly Choice[] };

const PROFILES_GROUP: FilterGroup = { kind: 'profiles' };
const SCHOOL_GROUP: FilterGroup = { kind: 'school' };
const CLASS_GROUP: FilterGroup = { kind: 'class' };
const FUNCTIONS_GROUP: FilterGroup = { kind: 'functions' };
const ACTIVATION_GROUP: FilterGroup = {
  kind: 'choice',
  key: 'activated',
  legendKey: 'userList.filters.activation',
  choices: [
    { value: null, labelKey: 'userList.filters.all' },
    { value: true, labelKey: 'userList.filters.activated' },
    { value: false, labelKey: 'userList.filters.notActivated' },
  ],
};
const BLOCKED_GROUP: FilterGroup = {
  kind: 'choice',
  key: 'blocked',
  legendKey: 'userList.filters.blocked',
  choices: [
    { value: null, labelKey: 'userList.filters.all' },
    { value: true, labelKey: 'userList.filters.yes' },
    { value: false, labelKey: 'userList.filters.no' },
  ],
};
/** « Pré-supprimé »: Non (the default) or Oui, never Tous. */
const PREDELETED_GROUP: FilterGroup = {
  kind: 'choice',
  key: 'predeleted',
  legendKey: 'userList.filters.predeleted',
  choices: [
    { value: false, labelKey: 'userList.filters.no' },
    { value: true, labelKey: 'userList.filters.yes' },
  ],
};
const EMAIL_GROUP: FilterGroup = {
  kind: 'choice',
  key: 'hasEmail',
  legendKey: 'userList.filters.email',
  choices: [
    { value: null, labelKey: 'userList.filters.all' },
    { value: true, labelKey: 'userList.filters.withEmail' },
    { value: false, labelKey: 'userList.filters.withoutEmail' },
  ],
};
/** « Responsables »: the « Tableau de bord »'s « Familles couvertes » and « Élèves sans responsable ». */
const GUARDIANS_GROUP: FilterGroup = {
  kind: 'choice',
  key: 'guardians',
  legendKey: 'userList.filters.guardians',
  choices: [
    { value: null, labelKey: 'userList.filters.all' },
    { value: 'ACTIVATED', labelKey: 'userList.filters.guardiansActivated' },
    { value: 'NONE', labelKey: 'userList.filters.guardiansNone' },
  ],
};
const yesNo = (key: ChoiceKey, legendKey: string): FilterGroup => ({
  kind: 'choice',
  key,
  legendKey,
  choices: [
    { value: null, labelKey: 'userList.filters.all' },
    { value: true, labelKey: 'userList.filters.yes' },
    { value: false, labelKey: 'userList.filters.no' },
  ],
});
/** « Absent du fichier » (the last import's leavers, waiting for pre-deletion), as on the « Tableau de bord ». */
const ABSENT_GROUP = yesNo('absentFromFile', 'userList.filters.absentFromFile');
/** « Code de renouvellement expiré »: a code handed out and never used, as on the « Tableau de bord ». */
const RENEWAL_GROUP = yesNo('renewalCodeExpired', 'userList.filters.renewalCodeExpired');

/** The user list's groups, in order. */
const LIST_GROUPS: readonly FilterGroup[] = [
  PROFILES_GROUP,
  ACTIVATION_GROUP,
  SCHOOL_GROUP,
  CLASS_GROUP,
  FUNCTIONS_GROUP,
  BLOCKED_GROUP,
  PREDELETED_GROUP,
  EMAIL_GROUP,
  GUARDIANS_GROUP,
  ABSENT_GROUP,
  RENEWAL_GROUP,
];
/** A selection's: Activation first (the guide's tutorial 3), no Pré-supprimé. */
const SELECTION_GROUPS: readonly FilterGroup[] = [
  ACTIVATION_GROUP,
  PROFILES_GROUP,
  SCHOOL_GROUP,
  CLASS_GROUP,
  FUNCTIONS_GROUP,
  BLOCKED_GROUP,
  EMAIL_GROUP,
  GUARDIANS_GROUP,
  ABSENT_GROUP,
  RENEWAL_GROUP,
];

let nextId = 0;

/**
 * The user list's filters: a button that opens a panel — Profils, Activation, École (when several
 * are administered), Classe, Fonctions, Bloqué, Pré-supprimé, Courriel, Responsables, Absent du fichier, Code de renouvellement expiré — each choice applied at
 * once through `paramsChange`; the cross or Échap closes the panel and the focus goes back to the
 * button; « Effacer les filtres » once a group is set. The panel follows the button for the keyboard
 * and takes the whole row below it.
 *
 * `mode="list"` (« Utilisateurs »): « Filtres », then « Effacer les filtres » and what the page
 * projects (its total) on the same row.
 * `mode="selection"` (« Publipostage des comptes », « Exporter des comptes », as the guide's
 * tutorial 3 shows it): a drop-down button (« Filtrer la liste à publiposter ▼ ») with « Effacer les
 * filtres » beside it, Activation first; no « Pré-supprimé »: those accounts never take part.
 */
@Component({
  selector: 'app-user-filters-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  templateUrl: './user-filters-panel.html',
  styleUrl: './user-filters-panel.css',
})
export class UserFiltersPanel {
  private readonly apollo = inject(Apollo);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private classesRequest: Subscription | null = null;

  readonly params = input.required<UserListParams>();
  readonly mode = input<'list' | 'selection'>('list');
  /** « Filtres », « Filtrer la liste à publiposter », « Filtrer la liste à exporter ». */
  readonly toggleLabelKey = input('userList.filters.button');
  readonly paramsChange = output<UserListParams>();

  private readonly id = ++nextId;
  protected readonly toggleId = `user-filters-toggle-${this.id}`;
  protected readonly panelId = `user-filters-${this.id}`;
  protected readonly titleId = `user-filters-title-${this.id}`;
  protected readonly profiles = PROFILES;
  protected readonly functions = FUNCTIONS;

  protected readonly selection = computed(() => this.mode() === 'selection');
  protected readonly groups = computed(() => (this.selection() ? SELECTION_GROUPS : LIST_GROUPS));
  protected readonly hintKey = computed(() => (this.selection() ? 'mailing.filters.hint' : 'userList.filters.hint'));
  protected readonly open = signal(false);
  /** How many groups are set (shown on the button); a selection has no « Pré-supprimé » group. */
  protected readonly activeCount = computed(() =>
    activeFilterCount(this.selection() ? { ...this.params(), predeleted: false } : this.params()),
  );
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
    const params = withoutFilters(this.params());
    // A selection is never sorted by the list's « tri » (« Par … Puis par … » orders a publipostage).
    this.paramsChange.emit(this.selection() ? { ...params, order: DEFAULT_PARAMS.order } : params);
  }

  protected change(changes: Partial<UserListParams>): void {
    this.paramsChange.emit({ ...this.params(), ...changes });
  }

  protected choose(key: ChoiceKey, value: boolean | string | null): void {
    // Pré-supprimé offers no « Tous »: its value is never null.
    this.change({ [key]: value } as Partial<UserListParams>);
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
      // The list still works without the École and Classe filters.
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
