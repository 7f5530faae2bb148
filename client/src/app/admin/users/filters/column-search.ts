import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type WritableSignal,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { type ColumnSearch, type ColumnSearchName, columnSearchOf, sameColumnSearch } from '../../../shared/users/user-list-params';
import type { UserListAddress } from './user-list-address';

const COLUMN_SEARCH_DEBOUNCE_MS = 300;

/**
 * What is typed in the « Rechercher » fields under the headers (Nom, Prénom, Login, Classe), sent
 * to the address after a pause (or at once with Entrée), replacing the address rather than
 * pushing a step of the history. Back/forward (or a shared link) change the fields, unless the
 * address only caught up with what is being typed. Create it in a field initializer.
 */
export class ColumnSearchDrafts {
  private readonly address: UserListAddress;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The column search last written to the address from here (not by back/forward). */
  private pushed: ColumnSearch | null = null;

  readonly drafts: WritableSignal<ColumnSearch>;

  constructor(address: UserListAddress) {
    this.address = address;
    this.drafts = signal(columnSearchOf(address.params()));
    effect(() => {
      const fromAddress = columnSearchOf(address.params());
      untracked(() => {
        if (this.timer) {
          // Still typing: what is typed wins and is sent after the pause.
          return;
        }
        if (!this.pushed || !sameColumnSearch(fromAddress, this.pushed)) {
          this.drafts.set(fromAddress);
        }
        this.pushed = null;
      });
    });
    inject(DestroyRef).onDestroy(() => this.clearTimer());
  }

  changed(name: ColumnSearchName, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.drafts.update((drafts) => ({ ...drafts, [name]: value }));
    this.clearTimer();
    this.timer = setTimeout(() => this.push(), COLUMN_SEARCH_DEBOUNCE_MS);
  }

  /** Entrée in a column search: no need to wait. */
  now(event: Event): void {
    event.preventDefault();
    this.clearTimer();
    this.push();
  }

  private push(): void {
    this.timer = null;
    const drafts = this.drafts();
    const params = this.address.params();
    if (sameColumnSearch(drafts, columnSearchOf(params))) {
      return;
    }
    this.pushed = drafts;
    this.address.navigate({ ...params, ...drafts }, true);
  }

  private clearTimer(): void {
    if (this.timer) {
      clearTimeout(this.timer);
    }
  }
}

interface ColumnSearchField {
  /** The field's id, after the page's prefix. */
  readonly id: string;
  readonly labelKey: string;
  /** Logins are typed in lower case: no capital letter on phones. */
  readonly autocapitalize: 'none' | null;
}

const FIELDS: Record<ColumnSearchName, ColumnSearchField> = {
  lastName: { id: 'search-last-name', labelKey: 'userList.search.lastName', autocapitalize: null },
  firstName: { id: 'search-first-name', labelKey: 'userList.search.firstName', autocapitalize: null },
  login: { id: 'search-login', labelKey: 'userList.search.login', autocapitalize: 'none' },
  className: { id: 'search-class', labelKey: 'userList.search.class', autocapitalize: null },
};

/**
 * A « Rechercher » cell of the row under the headers: `<td appColumnSearch="login" [drafts]="…">`,
 * a search field labelled for screen readers (« Rechercher par login »).
 */
@Component({
  selector: 'td[appColumnSearch]',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    <form (submit)="drafts().now($event)">
      <label class="visually-hidden" [for]="inputId()">{{ field().labelKey | transloco }}</label>
      <input
        class="field__input field__input--compact column-search__input"
        type="search"
        autocomplete="off"
        spellcheck="false"
        [id]="inputId()"
        [attr.autocapitalize]="field().autocapitalize"
        [placeholder]="'userList.search.placeholder' | transloco"
        [value]="drafts().drafts()[name()]"
        (input)="drafts().changed(name(), $event)"
      />
    </form>
  `,
})
export class ColumnSearchCell {
  readonly name = input.required<ColumnSearchName>({ alias: 'appColumnSearch' });
  readonly drafts = input.required<ColumnSearchDrafts>();
  /** Keeps the ids apart when two pages' tables could meet (« mailing- »). */
  readonly idPrefix = input('');

  protected readonly field = computed(() => FIELDS[this.name()]);
  protected readonly inputId = computed(() => `${this.idPrefix()}${this.field().id}`);
}
