import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, inject, linkedSignal, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { Subject, catchError, debounceTime, map, of, switchMap } from 'rxjs';
import { UserErrorMessageService } from '../../../core/errors/user-error-message.service';
import type { SearchUsersQuery } from '../../../core/graphql/generated/graphql';
import { ConfirmDialog } from '../../../shared/dialog/confirm-dialog';
import { AccountStateBadge } from '../../../shared/users/account-state-badge';
import { SEARCH_USERS_QUERY } from '../data/search-users.query';
import type { UserRecord } from '../data/user-record.fragment';
import { RECORD_ACTION, UserRecordStore } from '../data/user-record.store';

type Relative = UserRecord['relatives'][number];
type Hit = SearchUsersQuery['searchUsers'][number];

type ParentSearch =
  | { readonly kind: 'idle' }
  | { readonly kind: 'results'; readonly hits: readonly Hit[] }
  | { readonly kind: 'failed'; readonly message: string };

/** The most the server gives; only the Parent accounts among them are offered. */
const SEARCHED = 50;

/**
 * « Responsable(s) » of a pupil (guide, tutorial 5): each parent links to their own record;
 * « Retirer » asks first; « Ajouter un responsable » searches the Parent accounts by name.
 * « Enfant(s) » of a parent: links to the children's records.
 */
@Component({
  selector: 'app-record-relatives-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The sections are cards of the page's stack, not one block.
  host: { style: 'display: contents' },
  imports: [RouterLink, TranslocoPipe, ConfirmDialog, AccountStateBadge],
  templateUrl: './record-relatives-section.html',
})
export class RecordRelativesSection {
  private readonly apollo = inject(Apollo);
  private readonly userErrors = inject(UserErrorMessageService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly queries = new Subject<string>();

  protected readonly store = inject(UserRecordStore);
  protected readonly user = this.store.user;
  /** Changes only when another record is opened. */
  private readonly userId = computed(() => this.user()?.id);
  protected readonly addOpen = linkedSignal<string | undefined, boolean>({ source: this.userId, computation: () => false });
  protected readonly searchText = signal('');
  protected readonly search = signal<ParentSearch>({ kind: 'idle' });
  /** Parent accounts found, without those already linked. */
  protected readonly parents = computed(() => {
    const search = this.search();
    if (search.kind !== 'results') {
      return [];
    }
    const linked = new Set((this.user()?.relatives ?? []).map((relative) => relative.id));
    return search.hits.filter((hit) => hit.profile === 'RELATIVE' && !linked.has(hit.id));
  });
  protected readonly searchFailure = computed(() => {
    const search = this.search();
    return search.kind === 'failed' ? search.message : null;
  });
  protected readonly searchAnnouncement = computed(() => {
    if (this.search().kind !== 'results') {
      return null;
    }
    const count = this.parents().length;
    const key =
      count === 0 ? 'userRecord.relatives.foundNone' : count === 1 ? 'userRecord.relatives.foundOne' : 'userRecord.relatives.foundMany';
    return { key, count };
  });
  protected readonly removing = signal<Relative | null>(null);
  protected readonly removeKey = RECORD_ACTION.removeRelative;
  protected readonly addKey = RECORD_ACTION.addRelative;

  constructor() {
    this.queries
      .pipe(
        map((query) => query.trim()),
        debounceTime(250),
        switchMap((query) =>
          query
            ? this.apollo
                .query({ query: SEARCH_USERS_QUERY, variables: { query, first: SEARCHED }, fetchPolicy: 'network-only' })
                .pipe(
                  map((result): ParentSearch => ({ kind: 'results', hits: result.data?.searchUsers ?? [] })),
                  catchError((error: unknown) => of<ParentSearch>({ kind: 'failed', message: this.userErrors.describe(error).message })),
                )
            : of<ParentSearch>({ kind: 'idle' }),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((search) => this.search.set(search));
  }

  protected toggleAdd(): void {
    const open = !this.addOpen();
    this.addOpen.set(open);
    if (open) {
      afterNextRender(() => this.document.getElementById('record-relative-search')?.focus(), { injector: this.injector });
    }
  }

  protected onSearch(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.searchText.set(value);
    if (!value.trim()) {
      this.search.set({ kind: 'idle' });
    }
    this.queries.next(value);
  }

  protected async add(parent: Hit): Promise<void> {
    const user = this.user();
    if (!user) {
      return;
    }
    const done = await this.store.addRelative(parent);
    if (done) {
      this.addOpen.set(false);
      this.searchText.set('');
      this.search.set({ kind: 'idle' });
      afterNextRender(() => this.document.getElementById('record-relatives-outcome')?.focus(), { injector: this.injector });
    }
  }

  protected askRemove(relative: Relative): void {
    this.store.clearFeedback();
    this.removing.set(relative);
  }

  protected async remove(): Promise<void> {
    const user = this.user();
    const relative = this.removing();
    if (!user || !relative) {
      return;
    }
    const done = await this.store.removeRelative(relative);
    if (done) {
      this.removing.set(null);
      afterNextRender(() => this.document.getElementById('record-relatives-outcome')?.focus(), { injector: this.injector });
    }
  }
}
