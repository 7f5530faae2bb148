import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { type Subscription, firstValueFrom } from 'rxjs';
import { UserErrorMessageService } from '../../core/errors/user-error-message.service';
import { ConfirmDialog } from '../../shared/dialog/confirm-dialog';
import { ADMINISTERED_STRUCTURES_QUERY } from '../users/data/administered-structures.query';
import { ImportApplyProgress, type ImportApplyStep } from './import-apply-progress';
import { ImportArbitration, type ArbitrationLine } from './import-arbitration';
import { ImportFilePicker } from './import-file-picker';
import { ImportReportLines } from './import-report-lines';
import { ImportReportSummary } from './import-report-summary';
import { ImportUpload } from './import-upload';
import { APPLY_IMPORT_MUTATION, IMPORT_LINES_QUERY, IMPORT_PROGRESS_SUBSCRIPTION, IMPORT_SESSION_QUERY, type ImportSession } from './data/import-users.operations';

interface School {
  readonly id: string;
  readonly name: string;
}

/** « À arbitrer » lines are read this many at a time (the report's cost limit). */
const ARBITRATION_PAGE = 50;

/**
 * /admin/importer-des-utilisateurs « Importer des utilisateurs »: the école (an ERUN chooses it),
 * both ONDE files dropped or chosen in any order, the dry run (`POST /imports/dry-run`), its report
 * (encoding with accented samples, totals per profile, lines with their rule and old → new), the
 * « À arbitrer » lines decided, the number of leavers typed when asked, « Appliquer » confirmed,
 * then the outcome and the publipostage. The dry run's id stays in the address (`?simulation=`), so
 * a reload finds the report again.
 */
@Component({
  selector: 'app-import-users-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, ConfirmDialog, ImportFilePicker, ImportReportSummary, ImportReportLines, ImportArbitration, ImportApplyProgress],
  templateUrl: './import-users-page.html',
  styleUrl: './import-users-page.css',
})
export default class ImportUsersPage {
  private readonly apollo = inject(Apollo);
  private readonly router = inject(Router);
  private readonly upload = inject(ImportUpload);
  private readonly transloco = inject(TranslocoService);
  private readonly userErrors = inject(UserErrorMessageService);

  /** `?simulation=<id>`: the dry run shown. */
  readonly simulation = input<string | undefined>();

  protected readonly schools = signal<readonly School[] | null>(null);
  protected readonly schoolId = signal('');
  protected readonly files = signal<readonly File[]>([]);
  /** What the live region says: upload progress, analysis, apply. */
  protected readonly status = signal('');
  protected readonly failure = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly session = signal<ImportSession | null>(null);
  /** « À arbitrer »: each must be decided before « Appliquer ». */
  protected readonly arbitration = signal<readonly ArbitrationLine[]>([]);
  /** Guardians with a « même adresse » proposal: a new account unless the admin confirms it is the one known. */
  protected readonly proposals = signal<readonly ArbitrationLine[]>([]);
  /** `PROFILE:line` → the account chosen, or '' for « Créer un nouveau compte ». */
  protected readonly choices = signal<ReadonlyMap<string, string>>(new Map());
  protected readonly leaversTyped = signal('');
  protected readonly confirming = signal(false);
  protected readonly applyError = signal<string | null>(null);
  /** « Appliquer » on its way (`importProgress`), then its last step; null before this page applied. */
  protected readonly progress = signal<(ImportApplyStep & { readonly sessionId: string }) | null>(null);
  private live: Subscription | null = null;

  protected readonly unresolved = computed(() => this.arbitration().filter((line) => !this.choices().has(`${line.profile}:${line.line}`)).length);
  protected readonly leaversRequired = computed(() => this.session()?.leavers.confirmationRequired ?? null);
  protected readonly leaversConfirmed = computed(() => {
    const required = this.leaversRequired();
    return required === null || Number(this.leaversTyped().trim()) === required;
  });
  /** Exactly the accounts this import created that are still in the admin's scope (the server filters by the import). */
  protected readonly mailingParams = computed(() => ({ ecole: this.session()?.schoolId, import: this.session()?.id }));

  constructor() {
    inject(DestroyRef).onDestroy(() => this.live?.unsubscribe());
    this.apollo.query({ query: ADMINISTERED_STRUCTURES_QUERY, fetchPolicy: 'network-only' }).subscribe({
      next: (result) => {
        const schools = (result.data?.structures ?? [])
          .filter((structure) => structure.kind === 'ECOLE')
          .map((structure) => ({ id: structure.id, name: structure.name }))
          .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
        this.schools.set(schools);
        if (schools.length === 1) this.schoolId.set(schools[0].id);
      },
      error: (error: unknown) => {
        this.schools.set([]);
        this.failure.set(this.userErrors.describe(error).message);
      },
    });
    effect(() => {
      const id = this.simulation();
      untracked(() => void this.load(id ?? null));
    });
  }

  protected chooseSchool(event: Event): void {
    this.schoolId.set((event.target as HTMLSelectElement).value);
  }

  protected async analyse(): Promise<void> {
    if (this.busy()) return;
    this.failure.set(null);
    if (!this.schoolId()) {
      this.failure.set(this.transloco.translate('importUsers.schoolMissing'));
      return;
    }
    if (this.files().length === 0) {
      this.failure.set(this.transloco.translate('importUsers.filesMissing'));
      return;
    }
    this.busy.set(true);
    this.status.set(this.transloco.translate('importUsers.sending', { count: this.files().length }));
    this.upload.dryRun(this.schoolId(), this.files()).subscribe({
      next: (sessionId) => {
        this.busy.set(false);
        void this.router.navigate([], { queryParams: { simulation: sessionId } });
      },
      error: (error: Error) => {
        this.busy.set(false);
        this.status.set('');
        this.failure.set(error.message);
      },
    });
  }

  protected startAgain(): void {
    this.files.set([]);
    void this.router.navigate([], { queryParams: {} });
  }

  protected choose(key: string, userId: string): void {
    this.choices.update((choices) => new Map(choices).set(key, userId));
  }

  protected typeLeavers(event: Event): void {
    this.leaversTyped.set((event.target as HTMLInputElement).value);
  }

  protected askToApply(): void {
    this.failure.set(null);
    if (this.unresolved() > 0) {
      this.failure.set(this.transloco.translate('importUsers.apply.unresolved', { count: this.unresolved() }));
      return;
    }
    if (!this.leaversConfirmed()) {
      this.failure.set(this.transloco.translate('importUsers.leavers.mismatch', { count: this.leaversRequired() }));
      return;
    }
    this.applyError.set(null);
    this.confirming.set(true);
  }

  protected async apply(): Promise<void> {
    const session = this.session();
    if (!session || this.busy()) return;
    this.busy.set(true);
    this.applyError.set(null);
    this.status.set(this.transloco.translate('importUsers.apply.running'));
    this.follow(session.id);
    const resolutions = [...this.choices()].map(([key, userId]) => {
      const [profile, line] = key.split(':');
      return { profile, line: Number(line), userId: userId || null };
    });
    try {
      await firstValueFrom(
        this.apollo.mutate({
          mutation: APPLY_IMPORT_MUTATION,
          variables: { sessionId: session.id, resolutions, confirmLeavers: this.leaversRequired() === null ? null : Number(this.leaversTyped().trim()) },
        }),
      );
      // The last step may still be on its way, or the socket may have missed a short apply: it is applied.
      const last = this.progress();
      if (last?.phase !== 'APPLIED') this.progress.set({ sessionId: session.id, phase: 'APPLIED', done: last?.total ?? 1, total: last?.total ?? 1 });
      this.confirming.set(false);
      await this.load(session.id);
      this.status.set(this.transloco.translate('importUsers.outcome.done'));
    } catch (error) {
      this.status.set('');
      this.progress.set(null);
      this.applyError.set(this.userErrors.describe(error).message);
    } finally {
      this.live?.unsubscribe();
      this.live = null;
      this.busy.set(false);
    }
  }

  /** Listens to `importProgress` for this apply (the bar in the dialog, then in the outcome). */
  private follow(sessionId: string): void {
    this.live?.unsubscribe();
    this.progress.set(null);
    this.live = this.apollo.subscribe({ query: IMPORT_PROGRESS_SUBSCRIPTION, variables: { sessionId } }).subscribe({
      next: (result) => {
        const step = result.data?.importProgress;
        if (step) this.progress.set({ sessionId, phase: step.phase, done: step.done, total: step.total });
      },
      // Without the live steps the apply still answers; the bar then shows its end only.
      error: () => undefined,
    });
  }

  private async load(id: string | null): Promise<void> {
    this.session.set(null);
    this.arbitration.set([]);
    this.proposals.set([]);
    this.choices.set(new Map());
    this.leaversTyped.set('');
    if (!id) return;
    this.failure.set(null);
    this.status.set(this.transloco.translate('importUsers.loadingReport'));
    try {
      const result = await firstValueFrom(this.apollo.query({ query: IMPORT_SESSION_QUERY, variables: { id }, fetchPolicy: 'network-only' }));
      const session = result.data?.importSession ?? null;
      if (session && session.status !== 'APPLIED') {
        const decidable = await this.decidableLines(id);
        this.arbitration.set(decidable.filter((line) => line.operation === 'ARBITRATE'));
        this.proposals.set(decidable.filter((line) => line.operation !== 'ARBITRATE'));
      }
      this.session.set(session);
      if (session) this.schoolId.set(session.schoolId);
      this.status.set(session ? this.transloco.translate('importUsers.reportReady', { school: session.schoolName }) : '');
    } catch (error) {
      this.status.set('');
      this.failure.set(this.userErrors.describe(error).message);
    }
  }

  /** Every line « Appliquer » takes a choice for: « À arbitrer » and « même adresse » proposals. */
  private async decidableLines(id: string): Promise<ArbitrationLine[]> {
    const lines: ArbitrationLine[] = [];
    for (let offset = 0; ; offset += ARBITRATION_PAGE) {
      const result = await firstValueFrom(
        this.apollo.query({ query: IMPORT_LINES_QUERY, variables: { id, first: ARBITRATION_PAGE, offset, decidable: true }, fetchPolicy: 'network-only' }),
      );
      const page = result.data?.importSession.lines;
      lines.push(...(page?.items ?? []));
      if (!page || lines.length >= page.total || page.items.length === 0) return lines;
    }
  }
}
