import { DOCUMENT, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { EMPTY, type Subscription, auditTime, catchError, debounceTime, merge } from 'rxjs';
import { REPORT_ADDED_SUBSCRIPTION, REPORT_TREATED_SUBSCRIPTION } from '../../shared/reports/data/reports.operations';
import { UserErrorMessageService } from '../../core/errors/user-error-message.service';
import type { SupervisionQuery } from '../../core/graphql/generated/graphql';
import { LanguageService } from '../../core/i18n/language.service';
import type { UiLanguage } from '../../core/i18n/ui-language';
import { downloadFile } from '../../shared/download/download-file';
import { countKey, formatCount } from '../../shared/format/count';
import type { UserListParams } from '../../shared/users/user-list-params';
import { SupervisionAddress } from './supervision-address';
import { SupervisionChart } from './supervision-chart';
import { type CsvLabels, supervisionCsv } from './supervision-csv';
import { SupervisionDefinitions } from './supervision-definitions';
import { SUPERVISION_CHANGED_SUBSCRIPTION, SUPERVISION_QUERY } from './data/supervision.query';
import {
  ACTIVE_PROFILES,
  ACTIVE_WINDOWS,
  activeFigure,
  type AccountsKey,
  PROFILE_COLUMNS,
  SORT_KEYS,
  type SortKey,
  type SupervisionFigures,
  displayRows,
  nextSort,
  percent,
  startsCollapsed,
  userListLink,
} from './supervision-table';

type View = SupervisionQuery['supervision'];

const LOCALES: Record<UiLanguage, string> = { fr: 'fr-FR', en: 'en-GB' };
/** Reports arriving within this span (a post reported by several pupils) cause one reading. */
const REPORT_BURST_MS = 1000;
/**
 * Other changes (a morning of parents activating their accounts, an import) are read again at most
 * this often: the first change starts the wait, the reading after it has everything since.
 */
const CHANGES_EVERY_MS = 5000;
/** How long the CSV's blob address stays valid once its download started. */
const BLOB_LIFETIME_MS = 60_000;

/** The columns, sortable but for « Actifs »; the label keys are under `supervision.columns`. */
const HEADERS: readonly { readonly sort: SortKey | null; readonly labelKey: string }[] = [
  ...SORT_KEYS.map((sort) => ({ sort, labelKey: `supervision.columns.${sort}` })),
  // Not sortable: a cell holds three profiles, some masked.
  ...ACTIVE_WINDOWS.map((days) => ({ sort: null, labelKey: `supervision.columns.active${days}` })),
];

/**
 * /admin/tableau-de-bord « Tableau de bord » (issue 19): one row per école of the admin's scope
 * (a director's école, an ERUN's circonscription, a département's circonscriptions then écoles)
 * with accounts and activation per profile, « Familles couvertes », pupils without a guardian,
 * parents without e-mail, blocked, pre-deleted and pending reports; in the table's foot their
 * total (each person of several écoles counted once, as in each circonscription's row). Sortable
 * and filterable (kept in the address); each figure of an école that the user list can filter on
 * is a link to that list, whose total is the figure. A bar chart repeats activation and coverage;
 * the table is its accessible equivalent.
 */
@Component({
  selector: 'app-supervision-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, RouterLink, TranslocoPipe, SupervisionChart, SupervisionDefinitions],
  templateUrl: './supervision-page.html',
  styleUrl: './supervision-page.css',
})
export default class SupervisionPage {
  private readonly apollo = inject(Apollo);
  private readonly userErrors = inject(UserErrorMessageService);
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly address = new SupervisionAddress();
  private request: Subscription | null = null;

  protected readonly language = inject(LanguageService).current;
  protected readonly profileColumns = PROFILE_COLUMNS;
  protected readonly headers = HEADERS;
  protected readonly params = this.address.params;
  protected readonly view = signal<View | null>(null);
  protected readonly loading = signal(true);
  protected readonly failure = signal<string | null>(null);

  /**
   * Circonscription rows (each its total) when the view holds several circonscriptions; an ERUN's
   * one circonscription is the table's total, in its foot.
   */
  protected readonly grouped = computed(() => (this.view()?.circonscriptions.length ?? 0) > 1);
  /** The view's total (each person counted once), in the table's foot; not for a single école, its own total. */
  protected readonly totalRow = computed(() => {
    const view = this.view();
    return view?.total && view.ecoles.length > 1 ? view.total : null;
  });
  /**
   * A département's thousands of écoles are not drawn at once: without a circonscription or a search,
   * only the circonscriptions' rows, each with a button that shows its écoles.
   */
  protected readonly collapsed = computed(() => startsCollapsed(this.view()?.ecoles.length ?? 0, this.params().filter));
  /** Every row the filter keeps, in order (the CSV); the table draws them unless collapsed. */
  private readonly allRows = computed(() => {
    const view = this.view();
    return view ? displayRows(view, this.params().filter, this.params().sort, this.grouped()) : [];
  });
  protected readonly rows = computed(() => (this.collapsed() ? this.allRows().filter((row) => row.kind === 'circonscription') : this.allRows()));
  /** The écoles that pass the filter, sorted (also those not drawn while collapsed). */
  protected readonly shownEcoles = computed(() => {
    const view = this.view();
    return view ? displayRows(view, this.params().filter, this.params().sort, false).map((row) => row.figures) : [];
  });
  /** The circonscriptions of those écoles, in the table's order (what the chart shows for a wide view). */
  protected readonly shownCirconscriptions = computed(() => {
    const view = this.view();
    const ids = new Set(this.shownEcoles().map((row) => row.circonscriptionId));
    const all = { text: '', circonscriptionId: null };
    return view ? displayRows({ circonscriptions: [], ecoles: view.circonscriptions }, all, this.params().sort, false).map((row) => row.figures).filter((row) => ids.has(row.id)) : [];
  });
  protected readonly circonscriptionChoices = computed(() => this.view()?.circonscriptions ?? []);
  protected readonly total = computed(() => {
    const count = this.shownEcoles().length;
    return { key: countKey('supervision.ecoles', count), count: formatCount(count, this.language()) };
  });
  /** « Mis à jour à 14:32 », Paris time: the figures are those of that moment. */
  protected readonly updatedAt = computed(() => {
    const view = this.view();
    if (!view) {
      return null;
    }
    const format = new Intl.DateTimeFormat(LOCALES[this.language()], { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
    return format.format(new Date(view.updatedAt));
  });
  /** The Paris day the « Actifs » run up to (a roll-up, hourly), as a date in the page's language. */
  protected readonly activityDay = computed(() => {
    const day = this.view()?.activityDay;
    if (!day) {
      return null;
    }
    return new Intl.DateTimeFormat(LOCALES[this.language()], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  });

  constructor() {
    this.load();
    const live = this.watchChanges();
    inject(DestroyRef).onDestroy(() => {
      this.request?.unsubscribe();
      live.unsubscribe();
    });
  }

  protected refresh(): void {
    this.load();
  }

  /** « Télécharger le tableau (CSV) »: the rows of the filter, in the table's order, then the total, built here from the figures shown. */
  protected downloadCsv(): void {
    const view = this.view();
    if (!view) {
      return;
    }
    const t = (key: string, params?: Record<string, string>) => this.transloco.translate(key, params);
    const rate = (key: string) => t('supervision.csv.rate', { name: t(key) });
    const labels: CsvLabels = {
      circonscription: t('supervision.csv.circonscription'),
      ecole: t('supervision.columns.name'),
      code: t('supervision.csv.code'),
      profiles: PROFILE_COLUMNS.map((column) => ({
        accounts: t(`supervision.columns.${column.accounts}`),
        activated: t(`supervision.columns.${column.accounts}Rate`),
        rate: rate(`supervision.columns.${column.accounts}Rate`),
      })),
      covered: t('supervision.csv.coveredCount'),
      coveredRate: rate('supervision.columns.covered'),
      pupilsWithoutGuardian: t('supervision.columns.pupilsWithoutGuardian'),
      relativesWithoutEmail: t('supervision.columns.relativesWithoutEmail'),
      blocked: t('supervision.columns.blocked'),
      predeleted: t('supervision.columns.predeleted'),
      pendingReports: t('supervision.columns.pendingReports'),
      oldestPendingReport: t('supervision.columns.oldestPendingReport'),
      absentFromFile: t('supervision.columns.absentFromFile'),
      renewalCodesExpired: t('supervision.columns.renewalCodesExpired'),
      lastImport: {
        at: t('supervision.columns.lastImport'),
        created: t('supervision.csv.importCreated'),
        modified: t('supervision.csv.importModified'),
        leavers: t('supervision.csv.importLeavers'),
        unapplied: t('supervision.csv.importUnapplied'),
      },
      actives: ACTIVE_PROFILES.flatMap((profile) =>
        ACTIVE_WINDOWS.map((days) => t('supervision.csv.active', { name: t(`supervision.columns.${profile}`), window: t(`supervision.columns.active${days}`) })),
      ),
      masked: t('supervision.csv.masked'),
      totalOf: (name) => t('supervision.circonscriptionTotal', { name }),
    };
    const names = new Map(view.circonscriptions.map((row) => [row.id, row.name]));
    const total = this.totalRow();
    const rows = total ? [...this.allRows(), { kind: 'total' as const, figures: total }] : this.allRows();
    const csv = supervisionCsv(rows, names, labels, !!view.activityDay);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    downloadFile(this.document, url, `${t('supervision.csv.fileName')}.csv`);
    // Not at once: the browser reads the blob after the click returns.
    setTimeout(() => URL.revokeObjectURL(url), BLOB_LIFETIME_MS);
  }

  // Sort and filter

  protected sortBy(key: SortKey): void {
    this.address.navigate({ ...this.params(), sort: nextSort(this.params().sort, key) });
  }

  protected sortState(key: SortKey): 'ascending' | 'descending' | null {
    return this.params().sort.key === key ? this.params().sort.direction : null;
  }

  protected sortIcon(key: SortKey): string {
    const state = this.sortState(key);
    return state === 'ascending' ? '▲' : state === 'descending' ? '▼' : '↕';
  }

  protected filterText(text: string): void {
    this.address.navigate({ ...this.params(), filter: { ...this.params().filter, text } });
  }

  protected filterCirconscription(circonscriptionId: string): void {
    this.address.navigate({ ...this.params(), filter: { ...this.params().filter, circonscriptionId: circonscriptionId || null } });
  }

  // Cells

  protected count(value: number): string {
    return formatCount(value, this.language());
  }

  protected readonly activeProfiles = ACTIVE_PROFILES;
  protected readonly activeWindows = ACTIVE_WINDOWS;
  protected readonly activeFigure = activeFigure;

  protected rate(part: number, whole: number): string {
    const value = percent(part, whole);
    return value === null ? '—' : `${value} %`;
  }

  protected rateValue(row: SupervisionFigures, accounts: AccountsKey): string {
    return this.rate(row[`${accounts}Activated`], row[accounts]);
  }

  protected activated(row: SupervisionFigures, accounts: AccountsKey): number {
    return row[`${accounts}Activated`];
  }

  protected notActivated(row: SupervisionFigures, accounts: AccountsKey): number {
    return row[accounts] - row[`${accounts}Activated`];
  }

  protected link(row: SupervisionFigures, filter: Partial<UserListParams>) {
    return userListLink(row.id, filter);
  }

  /** « 7 déc. 2026 », Paris day: when an import was applied or simulated. */
  protected day(iso: string): string {
    return new Intl.DateTimeFormat(LOCALES[this.language()], { dateStyle: 'medium', timeZone: 'Europe/Paris' }).format(new Date(iso));
  }

  /** « il y a 3 jours »: how long the oldest pending report has waited. */
  protected age(iso: string | null | undefined): string {
    if (!iso) {
      return '—';
    }
    const minutes = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 60_000));
    const format = new Intl.RelativeTimeFormat(LOCALES[this.language()], { numeric: 'always' });
    if (minutes < 60) {
      return format.format(-minutes, 'minute');
    }
    const hours = Math.floor(minutes / 60);
    return hours < 24 ? format.format(-hours, 'hour') : format.format(-Math.floor(hours / 24), 'day');
  }

  /**
   * Live, scoped by the server: a report made or treated (the reports feed; a burst is read once),
   * and any other figure that changed in an école of the scope (`supervisionChanged`: accounts,
   * activation, guardians, blocks, imports, renewal codes; at most every CHANGES_EVERY_MS) read the
   * figures again, and « Mis à jour à » moves with them.
   */
  private watchChanges(): Subscription {
    const quiet = catchError(() => EMPTY);
    const reports = merge(
      this.apollo.subscribe({ query: REPORT_ADDED_SUBSCRIPTION }).pipe(quiet),
      this.apollo.subscribe({ query: REPORT_TREATED_SUBSCRIPTION }).pipe(quiet),
    ).pipe(debounceTime(REPORT_BURST_MS));
    const figures = this.apollo.subscribe({ query: SUPERVISION_CHANGED_SUBSCRIPTION }).pipe(quiet, auditTime(CHANGES_EVERY_MS));
    return merge(reports, figures).subscribe(() => this.load());
  }

  private load(): void {
    this.request?.unsubscribe();
    this.loading.set(true);
    this.failure.set(null);
    this.request = this.apollo.query({ query: SUPERVISION_QUERY, fetchPolicy: 'network-only' }).subscribe({
      next: (result) => {
        this.loading.set(false);
        if (result.data) {
          this.view.set(result.data.supervision);
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
}
