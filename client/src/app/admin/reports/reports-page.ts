import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, inject, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { UserErrorMessageService } from '../../core/errors/user-error-message.service';
import { LanguageService } from '../../core/i18n/language.service';
import { ConfirmDialog } from '../../shared/dialog/confirm-dialog';
import { DateTimePipe } from '../../shared/format/date-time.pipe';
import { DeleteReportDialog, type DeleteReportChoice } from './delete-report-dialog';
import { PendingReportsStore } from './data/pending-reports.store';
import { ReportHistory } from './report-history';
import { DELETE_REPORT_MUTATION, KEEP_REPORT_MUTATION, type ReportItem } from '../../shared/reports/data/reports.operations';

interface Outcome {
  readonly kind: 'success' | 'error';
  readonly text: string;
}

/**
 * /admin/signalements, « Signalements »: the pending reports of my scope, live (a report treated by
 * another admin leaves the list), each with « Conserver » or « Supprimer » (and « Bloquer l'auteur »),
 * then « Historique des signalements » with a status filter and « Voir plus ».
 * Notification texts and bodies are shown as plain text.
 */
@Component({
  selector: 'app-reports-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, RouterLink, DateTimePipe, ConfirmDialog, DeleteReportDialog, ReportHistory],
  providers: [PendingReportsStore],
  templateUrl: './reports-page.html',
  styleUrl: './reports-page.css',
})
export default class ReportsPage {
  private readonly apollo = inject(Apollo);
  private readonly transloco = inject(TranslocoService);
  private readonly userErrors = inject(UserErrorMessageService);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly outcomeElement = viewChild<ElementRef<HTMLElement>>('outcome');

  protected readonly store = inject(PendingReportsStore);
  protected readonly language = inject(LanguageService).current;
  protected readonly outcome = signal<Outcome | null>(null);
  protected readonly keeping = signal<ReportItem | null>(null);
  protected readonly deleting = signal<ReportItem | null>(null);
  protected readonly busy = signal(false);
  protected readonly dialogError = signal<string | null>(null);
  protected readonly untilError = signal<string | null>(null);

  protected askKeep(report: ReportItem): void {
    this.dialogError.set(null);
    this.keeping.set(report);
  }

  protected askDelete(report: ReportItem): void {
    this.dialogError.set(null);
    this.untilError.set(null);
    this.deleting.set(report);
  }

  protected closeDialogs(): void {
    if (this.busy()) {
      return;
    }
    this.keeping.set(null);
    this.deleting.set(null);
    this.dialogError.set(null);
    this.untilError.set(null);
  }

  protected async keep(): Promise<void> {
    const report = this.keeping();
    if (!report || this.busy()) {
      return;
    }
    await this.run(report, () => firstValueFrom(this.apollo.mutate({ mutation: KEEP_REPORT_MUTATION, variables: { reportId: report.id } })), 'reports.outcome.kept');
  }

  protected async delete(choice: DeleteReportChoice): Promise<void> {
    const report = this.deleting();
    if (!report || this.busy()) {
      return;
    }
    this.untilError.set(null);
    let blockUntil: string | null = null;
    if (choice.blockAuthor && choice.until) {
      const date = new Date(choice.until);
      if (Number.isNaN(date.getTime()) || date.getTime() <= Date.now()) {
        this.untilError.set(this.transloco.translate('reports.delete.untilPast'));
        this.dialogError.set(this.transloco.translate('forms.hasErrors'));
        afterNextRender(() => this.document.getElementById('delete-report-until')?.focus(), { injector: this.injector });
        return;
      }
      blockUntil = date.toISOString();
    }
    await this.run(
      report,
      () =>
        firstValueFrom(
          this.apollo.mutate({
            mutation: DELETE_REPORT_MUTATION,
            variables: { reportId: report.id, blockAuthor: choice.blockAuthor, blockUntil },
          }),
        ),
      choice.blockAuthor ? 'reports.outcome.deletedAndBlocked' : 'reports.outcome.deleted',
    );
  }

  /** One action at a time; on success the card leaves and its outcome takes the focus. */
  private async run(report: ReportItem, action: () => Promise<unknown>, doneKey: string): Promise<void> {
    this.busy.set(true);
    this.dialogError.set(null);
    try {
      await action();
      this.busy.set(false);
      this.store.remove(report.id);
      this.closeDialogs();
      this.show({ kind: 'success', text: this.transloco.translate(doneKey, { text: report.text }) });
    } catch (error: unknown) {
      this.busy.set(false);
      const described = this.userErrors.describe(error);
      if (described.code === 'REPORT_ALREADY_TREATED' || described.code === 'NOT_FOUND') {
        // Treated elsewhere (or out of my scope now): say so, close, show the list as it is now.
        this.closeDialogs();
        this.show({ kind: 'error', text: described.message });
        void this.store.reload();
      } else {
        this.dialogError.set(described.message);
      }
    }
  }

  private show(outcome: Outcome): void {
    this.outcome.set(outcome);
    afterNextRender(() => this.outcomeElement()?.nativeElement.focus(), { injector: this.injector });
  }
}
