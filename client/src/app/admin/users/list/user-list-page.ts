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
  linkedSignal,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { type Subscription, distinctUntilChanged, map } from 'rxjs';
import { UserErrorMessageService } from '../../../core/errors/user-error-message.service';
import type { AdminFunction, Profile, SchoolClassesQuery, UserListQuery, UserOrder } from '../../../core/graphql/generated/graphql';
import { LanguageService } from '../../../core/i18n/language.service';
import { DateOnlyPipe } from '../../../shared/format/date.pipe';
import { AccountStateBadge } from '../../../shared/users/account-state-badge';
import { SCHOOL_CLASSES_QUERY } from '../../home/school-classes.query';
import { ADMINISTERED_STRUCTURES_QUERY } from '../administered-structures.query';
import {
  type ColumnSearch,
  type ColumnSearchName,
  DEFAULT_PARAMS,
  FUNCTIONS,
  PROFILES,
  type UserListParams,
  activeFilterCount,
  columnSearchOf,
  parseUserListParams,
  sameColumnSearch,
  sameParams,
  toQueryParams,
  toUserFilter,
} from './user-list-params';
import { USER_LIST_QUERY } from './user-list.query';

const PAGE_SIZE = 50;
const COLUMN_SEARCH_DEBOUNCE_MS = 300;

type Page = UserListQuery['users'];
type Row = Page['edges'][number]['node'];
type SchoolClass = SchoolClassesQuery['schoolClasses'][number];

interface School {
  readonly id: string;
  readonly name: string;
}

/** A three-way choice of the panel (Tous / Oui / Non), as radio buttons. */
interface Choice<T> {
  readonly value: T;
  readonly labelKey: string;
}

/**
 * /admin/utilisateurs « Utilisateurs » (guide, tutorial 2): every account the admin administers.
 * « Filtres » opens a panel (Profils, Activation, École, Classe, Fonctions, Bloqué, Pré-supprimé,
 * Courriel) that applies at once and closes with its cross or Échap; « Rechercher » under the Nom,
 * Prénom, Login and Classe headers; four sorts; « N comptes »; keyset pages (« Page suivante » /
 * « Page précédente », a stack of cursors). Filters, searches and sort live in the address.
 */
@Component({
  selector: 'app-user-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, DateOnlyPipe, AccountStateBadge],
  templateUrl: './user-list-page.html',
  styleUrl: './user-list-page.css',
})
export default class UserListPage {
  private readonly apollo = inject(Apollo);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly userErrors = inject(UserErrorMessageService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private listRequest: Subscription | null = null;
  private classesRequest: Subscription | null = null;
  private columnSearchTimer: ReturnType<typeof setTimeout> | null = null;
  /** The column search last written to the address by this page (not by back/forward). */
  private pushedColumnSearch: ColumnSearch | null = null;
  /** Where the focus goes once a new page is shown (after « Page suivante » / « Page précédente »). */
  private focusAfterLoad: 'pager' | null = null;

  protected readonly language = inject(LanguageService).current;
  protected readonly profiles = PROFILES;
  protected readonly functions = FUNCTIONS;
  protected readonly activationChoices: readonly Choice<boolean | null>[] = [
    { value: null, labelKey: 'userList.filters.all' },
    { value: true, labelKey: 'userList.filters.activated' },
    { value: false, labelKey: 'userList.filters.notActivated' },
  ];
  protected readonly blockedChoices: readonly Choice<boolean | null>[] = [
    { value: null, labelKey: 'userList.filters.all' },
    { value: true, labelKey: 'userList.filters.yes' },
    { value: false, labelKey: 'userList.filters.no' },
  ];
  protected readonly predeletedChoices: readonly Choice<boolean>[] = [
    { value: false, labelKey: 'userList.filters.no' },
    { value: true, labelKey: 'userList.filters.yes' },
  ];
  protected readonly emailChoices: readonly Choice<boolean | null>[] = [
    { value: null, labelKey: 'userList.filters.all' },
    { value: true, labelKey: 'userList.filters.withEmail' },
    { value: false, labelKey: 'userList.filters.withoutEmail' },
  ];

  /** Filters, searches and sort, read from the address. */
  protected readonly params = toSignal(
    this.route.queryParamMap.pipe(
      map(parseUserListParams),
      distinctUntilChanged(sameParams),
    ),
    { requireSync: true },
  );
  protected readonly activeFilters = computed(() => activeFilterCount(this.params()));
  /** The cursors of the pages seen so far (null: the first page); back to page 1 when the filters change. */
  protected readonly cursors = linkedSignal<UserListParams, readonly (string | null)[]>({
    source: this.params,
    computation: () => [null],
  });
  protected readonly pageIndex = computed(() => this.cursors().length - 1);
  protected readonly page = signal<Page | null>(null);
  protected readonly loading = signal(true);
  protected readonly failure = signal<string | null>(null);
  protected readonly rows = computed<readonly Row[]>(() => this.page()?.edges.map((edge) => edge.node) ?? []);
  protected readonly range = computed(() => {
    const page = this.page();
    if (!page || page.edges.length === 0) {
      return null;
    }
    const from = this.pageIndex() * PAGE_SIZE + 1;
    return { from, to: from + page.edges.length - 1, total: page.totalCount };
  });
  /** « 399 comptes »: the key and the count, translated in the template so it follows the language. */
  protected readonly total = computed(() => {
    const page = this.page();
    if (!page) {
      return null;
    }
    const count = page.totalCount;
    const key = count === 0 ? 'userList.totalNone' : count === 1 ? 'userList.totalOne' : 'userList.totalMany';
    return { key, count: count.toLocaleString(this.language() === 'fr' ? 'fr-FR' : 'en-GB') };
  });

  protected readonly filtersOpen = signal(false);
  /** What is typed in the column searches, sent to the address after a pause. */
  protected readonly columnDrafts = signal<ColumnSearch>(columnSearchOf(DEFAULT_PARAMS));

  protected readonly schools = signal<readonly School[]>([]);
  /** The école whose classes the « Classe » filter offers: the only one, or the one chosen. */
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
      const params = this.params();
      const after = this.cursors().at(-1) ?? null;
      untracked(() => this.load(params, after));
    });
    // Back/forward (or a shared link) change the column searches: show them in the fields, unless
    // the address only caught up with what is being typed.
    effect(() => {
      const fromAddress = columnSearchOf(this.params());
      untracked(() => {
        if (this.columnSearchTimer) {
          // Still typing: what is typed wins and is sent after the pause.
          return;
        }
        if (!this.pushedColumnSearch || !sameColumnSearch(fromAddress, this.pushedColumnSearch)) {
          this.columnDrafts.set(fromAddress);
        }
        this.pushedColumnSearch = null;
      });
    });
    effect(() => {
      const school = this.classesSchool();
      untracked(() => this.loadClasses(school));
    });
    this.loadSchools();
    inject(DestroyRef).onDestroy(() => {
      this.listRequest?.unsubscribe();
      this.classesRequest?.unsubscribe();
      if (this.columnSearchTimer) {
        clearTimeout(this.columnSearchTimer);
      }
    });
  }

  // « Filtres »

  protected toggleFilters(): void {
    this.filtersOpen.update((open) => !open);
  }

  /** The cross, or Échap inside the panel: the focus goes back to « Filtres ». */
  protected closeFilters(): void {
    this.filtersOpen.set(false);
    afterNextRender(() => this.document.getElementById('user-list-filters-toggle')?.focus(), { injector: this.injector });
  }

  protected resetFilters(): void {
    const params = this.params();
    this.navigate({ ...DEFAULT_PARAMS, ...columnSearchOf(params), order: params.order });
  }

  protected toggleProfile(profile: Profile): void {
    const params = this.params();
    this.navigate({ ...params, profiles: toggled(params.profiles, profile) });
  }

  protected toggleFunction(fn: AdminFunction): void {
    const params = this.params();
    this.navigate({ ...params, functions: toggled(params.functions, fn) });
  }

  protected toggleClass(classId: string): void {
    const params = this.params();
    this.navigate({ ...params, classIds: toggled(params.classIds, classId) });
  }

  protected setActivated(value: boolean | null): void {
    this.navigate({ ...this.params(), activated: value });
  }

  protected setBlocked(value: boolean | null): void {
    this.navigate({ ...this.params(), blocked: value });
  }

  protected setPredeleted(value: boolean): void {
    this.navigate({ ...this.params(), predeleted: value });
  }

  protected setHasEmail(value: boolean | null): void {
    this.navigate({ ...this.params(), hasEmail: value });
  }

  /** Another école: its classes replace the chosen ones. */
  protected setSchool(event: Event): void {
    const value = (event.target as HTMLSelectElement).value || null;
    this.navigate({ ...this.params(), schoolId: value, classIds: [] });
  }

  // Column search and sort

  protected columnSearchChanged(name: ColumnSearchName, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.columnDrafts.update((drafts) => ({ ...drafts, [name]: value }));
    if (this.columnSearchTimer) {
      clearTimeout(this.columnSearchTimer);
    }
    this.columnSearchTimer = setTimeout(() => this.pushColumnSearch(), COLUMN_SEARCH_DEBOUNCE_MS);
  }

  /** Entrée in a column search: no need to wait. */
  protected columnSearchNow(event: Event): void {
    event.preventDefault();
    if (this.columnSearchTimer) {
      clearTimeout(this.columnSearchTimer);
    }
    this.pushColumnSearch();
  }

  protected sortBy(order: UserOrder): void {
    if (this.params().order !== order) {
      this.navigate({ ...this.params(), order });
    }
  }

  /** aria-sort of a sortable header: the server sorts names and classes A→Z, creation dates newest first. */
  protected sortState(order: UserOrder): 'ascending' | 'descending' | null {
    if (this.params().order !== order) {
      return null;
    }
    return order === 'CREATED_AT' ? 'descending' : 'ascending';
  }

  // Pages

  protected nextPage(): void {
    const cursor = this.page()?.pageInfo.endCursor;
    if (!cursor || !this.page()?.pageInfo.hasNextPage || this.loading()) {
      return;
    }
    this.focusAfterLoad = 'pager';
    this.cursors.update((cursors) => [...cursors, cursor]);
  }

  protected previousPage(): void {
    if (this.pageIndex() === 0 || this.loading()) {
      return;
    }
    this.focusAfterLoad = 'pager';
    this.cursors.update((cursors) => cursors.slice(0, -1));
  }

  protected classNames(row: Row): string {
    return row.classes.map((item) => item.name).join(', ');
  }

  protected isChecked<T>(values: readonly T[], value: T): boolean {
    return values.includes(value);
  }

  private pushColumnSearch(): void {
    this.columnSearchTimer = null;
    const drafts = this.columnDrafts();
    const params = this.params();
    if (sameColumnSearch(drafts, columnSearchOf(params))) {
      return;
    }
    this.pushedColumnSearch = drafts;
    // Typing is not a step of the history: the address is replaced, not pushed.
    this.navigate({ ...params, ...drafts }, true);
  }

  private navigate(params: UserListParams, replaceUrl = false): void {
    // Same page: no scrolling to the top, the person stays where they are working.
    void this.router.navigate([], { relativeTo: this.route, queryParams: toQueryParams(params), replaceUrl, scroll: 'manual' });
  }

  private load(params: UserListParams, after: string | null): void {
    this.listRequest?.unsubscribe();
    this.loading.set(true);
    this.failure.set(null);
    this.listRequest = this.apollo
      .query({
        query: USER_LIST_QUERY,
        variables: { filter: toUserFilter(params), orderBy: params.order, first: PAGE_SIZE, after },
        fetchPolicy: 'network-only',
      })
      .subscribe({
        next: (result) => {
          this.loading.set(false);
          if (result.data) {
            this.page.set(result.data.users);
            this.afterPageShown();
          } else {
            this.failure.set(this.userErrors.describe(result.error).message);
          }
        },
        error: (error: unknown) => {
          this.loading.set(false);
          this.failure.set(this.userErrors.describe(error).message);
        },
      });
  }

  /** After a page change: the focus stays on the pager, on a button that can still be pressed. */
  private afterPageShown(): void {
    if (this.focusAfterLoad !== 'pager') {
      return;
    }
    this.focusAfterLoad = null;
    afterNextRender(
      () => {
        const active = this.document.activeElement;
        if (active instanceof HTMLButtonElement && !active.disabled) {
          return;
        }
        const fallback = ['user-list-next', 'user-list-previous']
          .map((id) => this.document.getElementById(id))
          .find((button): button is HTMLButtonElement => button instanceof HTMLButtonElement && !button.disabled);
        (fallback ?? this.document.getElementById('user-list-table'))?.focus();
      },
      { injector: this.injector },
    );
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

