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
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import type { Subscription } from 'rxjs';
import { UserErrorMessageService } from '../../../core/errors/user-error-message.service';
import type { UserListQuery, UserOrder } from '../../../core/graphql/generated/graphql';
import { LanguageService } from '../../../core/i18n/language.service';
import { countKey, formatCount } from '../../../shared/format/count';
import { DateOnlyPipe } from '../../../shared/format/date.pipe';
import { AccountStateBadge } from '../../../shared/users/account-state-badge';
import { LoginCell } from '../../../shared/users/login-cell';
import { ColumnSearchCell, ColumnSearchDrafts } from '../filters/column-search';
import { UserFiltersPanel } from '../filters/user-filters-panel';
import { UserListAddress } from '../filters/user-list-address';
import { classNames } from '../user-row.fragment';
import { type UserListParams, toQueryParams, toUserFilter } from '../../../shared/users/user-list-params';
import { USER_LIST_QUERY } from './user-list.query';

const PAGE_SIZE = 50;

type Page = UserListQuery['users'];
type Row = Page['edges'][number]['node'];

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
  imports: [RouterLink, TranslocoPipe, DateOnlyPipe, AccountStateBadge, LoginCell, UserFiltersPanel, ColumnSearchCell],
  templateUrl: './user-list-page.html',
  styleUrl: './user-list-page.css',
})
export default class UserListPage {
  private readonly apollo = inject(Apollo);
  private readonly userErrors = inject(UserErrorMessageService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly address = new UserListAddress();
  private listRequest: Subscription | null = null;
  /** Where the focus goes once a new page is shown (after « Page suivante » / « Page précédente »). */
  private focusAfterLoad: 'pager' | null = null;

  protected readonly language = inject(LanguageService).current;
  protected readonly classNames = classNames;
  /** Filters, searches and sort, read from the address. */
  protected readonly params = this.address.params;
  protected readonly columnSearch = new ColumnSearchDrafts(this.address);
  /**
   * « Publipostage de ces comptes »: the same selection on the publipostage page, which never takes
   * the pre-deleted. Not through mailing/selection-params: importing it here regroups the lazy
   * chunks so that the publipostage's query is parsed before the UserRowFields fragment it spreads.
   */
  protected readonly mailingParams = computed(() => toQueryParams({ ...this.params(), predeleted: false }));
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
    return { key: countKey('userList.total', page.totalCount), count: formatCount(page.totalCount, this.language()) };
  });

  constructor() {
    effect(() => {
      const params = this.params();
      const after = this.cursors().at(-1) ?? null;
      untracked(() => this.load(params, after));
    });
    inject(DestroyRef).onDestroy(() => this.listRequest?.unsubscribe());
  }

  protected filtersChanged(params: UserListParams): void {
    this.address.navigate(params);
  }

  // Sort

  protected sortBy(order: UserOrder): void {
    if (this.params().order !== order) {
      this.address.navigate({ ...this.params(), order });
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
}
