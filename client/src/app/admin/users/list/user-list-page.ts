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
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { map } from 'rxjs';
import { keysetPager } from '../../../core/data/keyset-pager';
import { UserErrorMessageService } from '../../../core/errors/user-error-message.service';
import type { UserOrder } from '../../../core/graphql/generated/graphql';
import { LanguageService } from '../../../core/i18n/language.service';
import { countKey, formatCount } from '../../../shared/format/count';
import { DateOnlyPipe } from '../../../shared/format/date.pipe';
import { AccountStateBadge } from '../../../shared/users/account-state-badge';
import { LoginCell } from '../../../shared/users/login-cell';
import { ColumnSearchCell, ColumnSearchDrafts } from '../filters/column-search';
import { UserFiltersPanel } from '../filters/user-filters-panel';
import { UserListAddress } from '../filters/user-list-address';
import { classNames } from '../data/user-row.fragment';
import { type UserListParams, toQueryParams, toUserFilter } from '../../../shared/users/user-list-params';
import { USER_LIST_QUERY } from '../data/user-list.query';

const PAGE_SIZE = 50;

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
  /** One page at a time of the accounts the address selects; back to page 1 when it changes. */
  private readonly pager = keysetPager((after) => {
    const params = this.params();
    return this.apollo
      .query({
        query: USER_LIST_QUERY,
        variables: { filter: toUserFilter(params), orderBy: params.order, first: PAGE_SIZE, after },
        fetchPolicy: 'network-only',
      })
      .pipe(
        map((result) => {
          const users = result.data?.users;
          if (!users) throw result.error ?? new Error('No page in the answer');
          return {
            items: users.edges.map((edge) => edge.node),
            hasNextPage: users.pageInfo.hasNextPage,
            endCursor: users.pageInfo.endCursor ?? null,
            totalCount: users.totalCount,
          };
        }),
      );
  });
  protected readonly pageIndex = this.pager.pageIndex;
  protected readonly page = this.pager.page;
  /** Also before the first page has answered (nothing to show yet). */
  protected readonly loading = computed(() => this.pager.loading() || (this.page() === null && !this.pager.error()));
  protected readonly failure = computed(() => {
    const error = this.pager.error();
    return error ? this.userErrors.describe(error).message : null;
  });
  protected readonly rows = computed(() => this.page()?.items ?? []);
  protected readonly range = computed(() => {
    const page = this.page();
    if (!page || page.items.length === 0) {
      return null;
    }
    const from = this.pageIndex() * PAGE_SIZE + 1;
    return { from, to: from + page.items.length - 1, total: page.totalCount };
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
      this.params();
      untracked(() => void this.pager.first());
    });
    inject(DestroyRef).onDestroy(() => this.pager.cancel());
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

  protected async nextPage(): Promise<void> {
    if (!this.page()?.hasNextPage || this.loading()) {
      return;
    }
    this.focusAfterLoad = 'pager';
    await this.pager.next();
    this.afterPageShown();
  }

  protected async previousPage(): Promise<void> {
    if (this.pageIndex() === 0 || this.loading()) {
      return;
    }
    this.focusAfterLoad = 'pager';
    await this.pager.previous();
    this.afterPageShown();
  }

  /** After a page change: the focus stays on the pager, on a button that can still be pressed. */
  private afterPageShown(): void {
    if (this.focusAfterLoad !== 'pager' || this.pager.error()) {
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
