import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { Subject, catchError, map, of } from 'rxjs';
import { UserErrorMessageService } from '../../core/errors/user-error-message.service';
import type { SearchUsersQuery } from '../../core/graphql/generated/graphql';
import { PadlockIcon } from '../../shared/users/padlock-icon';
import { SilhouetteIcon } from '../../shared/users/silhouette-icon';
import { SEARCH_USERS_QUERY } from '../users/data/search-users.query';
import { searchAsYouType } from './search-as-you-type';

type Hit = SearchUsersQuery['searchUsers'][number];

/** How many results are shown; more letters narrow the search. */
const SHOWN_RESULTS = 20;
/** Keys closer than this are one burst of typing, searched once it pauses (see searchAsYouType). */
const BURST_MS = 150;

/** A result as the row shows it, worked out once per answer rather than by bindings in each row. */
interface ResultRow {
  readonly id: string;
  readonly href: string;
  readonly name: string;
  readonly activated: boolean;
  readonly profile: string;
  readonly classes: string;
  readonly schools: string;
}

type SearchOutcome =
  | { readonly kind: 'empty' }
  | { readonly kind: 'results'; readonly query: string; readonly hits: readonly Hit[] }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * « Rechercher un utilisateur » (guide, tutorials 2, 4 and 5): results while typing, from the first
 * letter of a first or last name; each result opens the user's record. ↓ moves from the field into
 * the results, ↑/↓ through them, Entrée opens one, Échap comes back to the field. A polite live
 * region announces the number of results. « Tous les utilisateurs » (the silhouette) opens the list.
 */
@Component({
  selector: 'app-user-search-zone',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, PadlockIcon, SilhouetteIcon],
  template: `
    <section class="card stack" aria-labelledby="user-search-title">
      <div class="user-search__head">
        <h2 id="user-search-title">{{ 'admin.search.title' | transloco }}</h2>
        <a class="user-search__all" routerLink="/admin/utilisateurs">
          <app-silhouette-icon />{{ 'admin.search.allUsers' | transloco }}
        </a>
      </div>
      <!-- The zone's heading labels the field, as in the guide: one visible name, no repetition. -->
      <form role="search" class="field" (submit)="searchNow($event)">
        <input
          #field
          id="user-search-input"
          class="field__input"
          type="search"
          autocomplete="off"
          spellcheck="false"
          aria-labelledby="user-search-title"
          aria-describedby="user-search-hint user-search-keys"
          aria-controls="user-search-results"
          [value]="text()"
          (input)="onInput($event)"
          (keydown)="onFieldKeydown($event)"
        />
        <p id="user-search-hint" class="field__hint">{{ 'admin.search.hint' | transloco }}</p>
        <p id="user-search-keys" class="visually-hidden">{{ 'admin.search.keys' | transloco }}</p>
      </form>

      <p class="visually-hidden" role="status">
        @if (announcement(); as announcement) {
          {{ announcement.key | transloco: { count: announcement.count } }}
        }
      </p>

      @if (failure(); as message) {
        <p class="alert alert--error" role="alert">{{ message }}</p>
      }
      <!-- The rows' links open the record through the router, one listener for the list (onListClick). -->
      <ul
        #list
        id="user-search-results"
        class="search-results"
        [attr.aria-label]="'admin.search.resultsLabel' | transloco"
        [hidden]="rows().length === 0"
        (keydown)="onListKeydown($event)"
        (click)="onListClick($event)"
      >
        @for (row of rows(); track row.id) {
          <li>
            <a class="search-result" [href]="row.href">
              <span class="search-result__name">
                @if (!row.activated) {
                  <app-padlock-icon /><span class="visually-hidden">{{ notActivatedLabel() }} : </span>
                }
                {{ row.name }}
              </span>
              <span class="search-result__meta">
                <span class="badge">{{ row.profile }}</span>
                @if (row.classes) {
                  <span>{{ row.classes }}</span>
                }
                @if (row.schools) {
                  <span>{{ row.schools }}</span>
                }
              </span>
            </a>
          </li>
        }
      </ul>
      @if (noMatch(); as query) {
        <p>{{ 'admin.search.noMatch' | transloco: { query } }}</p>
      }
      @if (hits().length >= shownResults) {
        <p class="field__hint">{{ 'admin.search.limited' | transloco: { count: shownResults } }}</p>
      }
    </section>
  `,
})
export class UserSearchZone {
  private readonly apollo = inject(Apollo);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  private readonly userErrors = inject(UserErrorMessageService);
  private readonly document = inject(DOCUMENT);
  private readonly field = viewChild.required<ElementRef<HTMLInputElement>>('field');
  private readonly list = viewChild.required<ElementRef<HTMLUListElement>>('list');
  private readonly queries = new Subject<string>();

  protected readonly shownResults = SHOWN_RESULTS;
  protected readonly text = signal('');
  protected readonly outcome = signal<SearchOutcome>({ kind: 'empty' });
  protected readonly hits = computed(() => {
    const outcome = this.outcome();
    return outcome.kind === 'results' ? outcome.hits : [];
  });
  /** The profiles' names and « Non activé » in the interface's language, followed by one
   * subscription for the zone rather than by a translation pipe (and its own subscription to the
   * language) created with each row. */
  private readonly profileLabels = signal<Record<string, string>>({});
  protected readonly notActivatedLabel = signal('');
  protected readonly rows = computed(() => {
    const labels = this.profileLabels();
    return this.hits().map(
      (hit): ResultRow => ({
        id: hit.id,
        href: `/admin/utilisateurs/${encodeURIComponent(hit.id)}`,
        name: hit.displayName,
        activated: hit.activated,
        profile: labels[hit.profile] ?? hit.profile,
        classes: hit.classes.join(', '),
        schools: hit.schools.join(', '),
      }),
    );
  });
  protected readonly failure = computed(() => {
    const outcome = this.outcome();
    return outcome.kind === 'failed' ? outcome.message : null;
  });
  protected readonly noMatch = computed(() => {
    const outcome = this.outcome();
    return outcome.kind === 'results' && outcome.hits.length === 0 ? outcome.query : null;
  });
  /** « 12 résultats », said by screen readers once the results are there. */
  protected readonly announcement = computed(() => {
    const outcome = this.outcome();
    if (outcome.kind !== 'results') {
      return null;
    }
    const count = outcome.hits.length;
    const key = count === 0 ? 'admin.search.countNone' : count === 1 ? 'admin.search.countOne' : 'admin.search.countMany';
    return { key, count };
  });

  constructor() {
    this.transloco
      .selectTranslateObject<Record<string, string>>('profiles')
      .pipe(takeUntilDestroyed())
      .subscribe((labels) => this.profileLabels.set(labels));
    this.transloco
      .selectTranslate<string>('accountState.notActivated')
      .pipe(takeUntilDestroyed())
      .subscribe((label) => this.notActivatedLabel.set(label));
    this.queries
      .pipe(
        map((query) => query.trim()),
        searchAsYouType((query) => this.search(query), BURST_MS),
        takeUntilDestroyed(),
      )
      .subscribe((outcome) => this.outcome.set(outcome));
  }

  /** `no-cache`: the results are shown here only, and writing 20 accounts into Apollo's normalized
   * cache then reading them back was most of the work between the answer and the rows. */
  private search(query: string) {
    if (!query) {
      return of<SearchOutcome>({ kind: 'empty' });
    }
    return this.apollo.query({ query: SEARCH_USERS_QUERY, variables: { query, first: SHOWN_RESULTS }, fetchPolicy: 'no-cache' }).pipe(
      map((result): SearchOutcome => ({ kind: 'results', query, hits: result.data?.searchUsers ?? [] })),
      catchError((error: unknown) => of<SearchOutcome>({ kind: 'failed', message: this.userErrors.describe(error).message })),
    );
  }

  protected onInput(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.text.set(value);
    if (!value.trim()) {
      // Emptied: nothing to wait for.
      this.outcome.set({ kind: 'empty' });
    }
    this.queries.next(value);
  }

  /** Entrée in the field: the results are already there; the form must not reload the page. */
  protected searchNow(event: Event): void {
    event.preventDefault();
  }

  protected onFieldKeydown(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' && this.hits().length > 0) {
      event.preventDefault();
      this.focusResult(0);
    }
  }

  /** A plain click (or Entrée) on a result opens the record in the app; a click with a modifier key
   * or another button is left to the browser (new tab, new window), as RouterLink does. */
  protected onListClick(event: MouseEvent): void {
    const href = (event.target as Element).closest('a.search-result')?.getAttribute('href');
    if (!href || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    void this.router.navigateByUrl(href);
  }

  protected onListKeydown(event: KeyboardEvent): void {
    const links = this.resultLinks();
    const index = links.indexOf(this.document.activeElement as HTMLAnchorElement);
    if (index < 0) {
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        this.focusResult(Math.min(index + 1, links.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (index === 0) {
          this.field().nativeElement.focus();
        } else {
          this.focusResult(index - 1);
        }
        break;
      case 'Home':
        event.preventDefault();
        this.focusResult(0);
        break;
      case 'End':
        event.preventDefault();
        this.focusResult(links.length - 1);
        break;
      case 'Escape':
        event.preventDefault();
        this.field().nativeElement.focus();
        break;
      default:
        // Typing again while on a result goes on in the field.
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
          this.field().nativeElement.focus();
        }
    }
  }

  private resultLinks(): HTMLAnchorElement[] {
    return [...this.list().nativeElement.querySelectorAll<HTMLAnchorElement>('a.search-result')];
  }

  private focusResult(index: number): void {
    this.resultLinks()[index]?.focus();
  }
}
