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
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import type { Subscription } from 'rxjs';
import { UserErrorMessageService } from '../../core/errors/user-error-message.service';
import type { MailingAccountsQuery, MailingSortKey, SheetLayout, UserFilter } from '../../core/graphql/generated/graphql';
import { LanguageService } from '../../core/i18n/language.service';
import { ModalDialog } from '../../shared/dialog/modal-dialog';
import { accountsCsvUrl } from '../../shared/download/download-file';
import { countKey, formatCount } from '../../shared/format/count';
import { DateOnlyPipe } from '../../shared/format/date.pipe';
import { MailingProgress } from '../../shared/mailing/mailing-progress';
import { MailingTracker } from '../../shared/mailing/mailing-tracker';
import { LoginCell } from '../../shared/users/login-cell';
import { PadlockIcon } from '../../shared/users/padlock-icon';
import { ColumnSearchCell, ColumnSearchDrafts } from '../users/filters/column-search';
import { UserFiltersPanel } from '../users/filters/user-filters-panel';
import type { UserListParams } from '../../shared/users/user-list-params';
import { classNames } from '../users/data/user-row.fragment';
import { MAILING_ACCOUNTS_QUERY } from './data/mailing-page.operations';
import { MailingHistory } from './mailing-history';
import { SelectionCounters, SelectionCounts } from './selection-counts';
import { SelectionParams, selectionFilter, selectionQueryParams } from './selection-params';

const PAGE_SIZE = 50;

type Row = MailingAccountsQuery['users']['edges'][number]['node'];

interface Option<T> {
  readonly value: T;
  readonly labelKey: string;
}

/** « Par … Puis par … »: Aucun, Profil, Classe. */
const SORT_OPTIONS: readonly Option<MailingSortKey | ''>[] = [
  { value: '', labelKey: 'mailing.sort.none' },
  { value: 'PROFILE', labelKey: 'mailing.sort.profile' },
  { value: 'CLASS', labelKey: 'mailing.sort.class' },
];

export const LAYOUT_OPTIONS: readonly Option<SheetLayout>[] = [
  { value: 'ONE_PER_PAGE', labelKey: 'mailing.layout.ONE_PER_PAGE' },
  { value: 'TWO_PER_PAGE', labelKey: 'mailing.layout.TWO_PER_PAGE' },
  { value: 'EIGHT_PER_PAGE', labelKey: 'mailing.layout.EIGHT_PER_PAGE' },
];

/**
 * /admin/publipostage-des-comptes « Publipostage des comptes » (guide, tutorial 3): all the accounts
 * of the admin's scope, narrowed with « Filtrer la liste à publiposter » and the column searches;
 * « Triez votre publipostage PDF : Par … Puis par … », « Modèle de publipostage PDF », then
 * « Générer en PDF » (progress, then the download) or « Envoyer par mail » (after a confirmation:
 * progress, then what was sent and what failed, with the reasons). The counters and the table
 * follow the selection; the selection lives in the address.
 */
@Component({
  selector: 'app-mailing-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, DateOnlyPipe, PadlockIcon, LoginCell, UserFiltersPanel, ColumnSearchCell, SelectionCounters, MailingProgress, ModalDialog, MailingHistory],
  templateUrl: './mailing-page.html',
  styleUrl: './mailing-page.css',
})
export default class MailingPage {
  private readonly apollo = inject(Apollo);
  private readonly userErrors = inject(UserErrorMessageService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly selection = new SelectionParams();
  private readonly progress = viewChild(MailingProgress);
  private listRequest: Subscription | null = null;
  private focusAfterMore = false;
  /** The e-mail mailing was just confirmed: once the dialog has closed, the focus goes to its progress. */
  private focusProgressAfterDialog = false;

  protected readonly language = inject(LanguageService).current;
  protected readonly countKey = countKey;
  protected readonly classNames = classNames;
  protected readonly sortOptions = SORT_OPTIONS;
  protected readonly layoutOptions = LAYOUT_OPTIONS;
  protected readonly params = this.selection.params;
  protected readonly filter = computed<UserFilter>(() => selectionFilter(this.params()));
  protected readonly csvUrl = computed(() => accountsCsvUrl(this.filter()));
  protected readonly exportQueryParams = computed(() => selectionQueryParams(this.params()));

  // Counters
  protected readonly selectionCounts = new SelectionCounts(this.filter);
  protected readonly counts = this.selectionCounts.counts;
  protected readonly withEmail = computed(() => {
    const counts = this.counts();
    return counts ? counts.total - counts.withoutEmail : null;
  });

  // Table
  protected readonly rows = signal<readonly Row[]>([]);
  protected readonly totalRows = signal<number | null>(null);
  protected readonly endCursor = signal<string | null>(null);
  protected readonly hasMore = signal(false);
  protected readonly loading = signal(true);
  protected readonly failure = signal<string | null>(null);
  protected readonly columnSearch = new ColumnSearchDrafts(this.selection);

  // Options and launch
  protected readonly firstSort = signal<MailingSortKey | ''>('');
  protected readonly secondSort = signal<MailingSortKey | ''>('');
  protected readonly layout = signal<SheetLayout>('ONE_PER_PAGE');
  protected readonly tracker = new MailingTracker();
  protected readonly confirmOpen = signal(false);
  /** The error of the last start, shown on the page (the dialog shows its own). */
  protected readonly pageError = computed(() => (this.confirmOpen() ? null : this.tracker.startError()));

  constructor() {
    effect(() => {
      const filter = this.filter();
      untracked(() => this.loadRows(filter, null));
    });
    inject(DestroyRef).onDestroy(() => this.listRequest?.unsubscribe());
  }

  protected paramsChanged(params: UserListParams): void {
    this.selection.navigate(params);
  }

  /** Out of « les comptes créés par l'import »: every account the other choices select. */
  protected allAccounts(): void {
    this.selection.navigate({ ...this.params(), importId: null });
  }

  // « Triez votre publipostage PDF », « Modèle de publipostage PDF »

  protected setFirstSort(event: Event): void {
    this.firstSort.set((event.target as HTMLSelectElement).value as MailingSortKey | '');
  }

  protected setSecondSort(event: Event): void {
    this.secondSort.set((event.target as HTMLSelectElement).value as MailingSortKey | '');
  }

  protected setLayout(event: Event): void {
    this.layout.set((event.target as HTMLSelectElement).value as SheetLayout);
  }

  /** « Par … Puis par … », « Aucun » left out, a key given twice counted once. */
  private sortBy(): MailingSortKey[] {
    const keys = [this.firstSort(), this.secondSort()].filter((key): key is MailingSortKey => key !== '');
    return [...new Set(keys)];
  }

  // « Lancer le publipostage »

  protected async generatePdf(): Promise<void> {
    if (this.tracker.busy()) {
      return;
    }
    const created = await this.tracker.start({ kind: 'PDF', layout: this.layout(), filter: this.filter(), sortBy: this.sortBy() });
    this.focusOutcome(created !== null);
  }

  protected openEmailConfirmation(): void {
    if (this.tracker.busy() || this.counts() === null) {
      return;
    }
    this.tracker.startError.set(null);
    this.confirmOpen.set(true);
  }

  protected async sendEmails(): Promise<void> {
    if (this.tracker.busy()) {
      return;
    }
    const created = await this.tracker.start({ kind: 'EMAIL', filter: this.filter(), sortBy: this.sortBy() });
    if (created) {
      this.focusProgressAfterDialog = true;
      this.confirmOpen.set(false);
    }
  }

  /** Annuler, Échap, or closed after the start (then the focus goes to the progress, not back to the button). */
  protected confirmationClosed(): void {
    this.confirmOpen.set(false);
    if (this.focusProgressAfterDialog) {
      this.focusProgressAfterDialog = false;
      this.focusOutcome(true);
    } else {
      this.tracker.startError.set(null);
    }
  }

  /** After a start: the progress (or the error) takes the focus, the launch buttons being disabled meanwhile. */
  private focusOutcome(started: boolean): void {
    afterNextRender(
      () => {
        if (started) {
          this.progress()?.focus();
        } else {
          this.document.getElementById('mailing-start-error')?.focus();
        }
      },
      { injector: this.injector },
    );
  }

  // « Afficher plus »

  protected showMore(): void {
    const cursor = this.endCursor();
    if (!cursor || !this.hasMore() || this.loading()) {
      return;
    }
    this.focusAfterMore = true;
    this.loadRows(this.filter(), cursor);
  }

  protected formatCount(count: number): string {
    return formatCount(count, this.language());
  }

  private loadRows(filter: UserFilter, after: string | null): void {
    this.listRequest?.unsubscribe();
    this.loading.set(true);
    this.failure.set(null);
    this.listRequest = this.apollo
      .query({ query: MAILING_ACCOUNTS_QUERY, variables: { filter, first: PAGE_SIZE, after }, fetchPolicy: 'network-only' })
      .subscribe({
        next: (result) => {
          this.loading.set(false);
          const page = result.data?.users;
          if (!page) {
            this.failure.set(this.userErrors.describe(result.error).message);
            return;
          }
          const nodes = page.edges.map((edge) => edge.node);
          this.rows.update((rows) => (after ? [...rows, ...nodes] : nodes));
          this.totalRows.set(page.totalCount);
          this.endCursor.set(page.pageInfo.endCursor ?? null);
          this.hasMore.set(page.pageInfo.hasNextPage);
          this.afterMoreShown();
        },
        error: (error: unknown) => {
          this.loading.set(false);
          this.failure.set(this.userErrors.describe(error).message);
        },
      });
  }

  /** After « Afficher plus »: the focus stays on the button, or goes to the first new row when it is gone. */
  private afterMoreShown(): void {
    if (!this.focusAfterMore) {
      return;
    }
    this.focusAfterMore = false;
    afterNextRender(
      () => {
        if (this.document.activeElement?.id !== 'mailing-more') {
          this.document.getElementById('mailing-table')?.focus();
        }
      },
      { injector: this.injector },
    );
  }
}
