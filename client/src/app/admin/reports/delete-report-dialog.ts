import { ChangeDetectionStrategy, Component, computed, effect, input, output, signal, untracked } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ModalDialog } from '../../shared/dialog/modal-dialog';
import { EndDateField, localInputValue } from '../../shared/forms/end-date-field';
import type { ReportItem } from '../../shared/reports/data/reports.operations';

export interface DeleteReportChoice {
  readonly blockAuthor: boolean;
  /** datetime-local value, empty when the block has no end. */
  readonly until: string;
}

/**
 * « Supprimer » a reported notification: what happens (gone from every fil de nouveautés at once,
 * the content itself stays), « Bloquer l'auteur » with an optional « Jusqu'au » in the same step.
 * « Annuler » is focused first; the page runs the mutation and shows its errors here.
 */
@Component({
  selector: 'app-delete-report-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, ModalDialog, EndDateField],
  template: `
    <app-modal-dialog
      [heading]="'reports.delete.heading' | transloco"
      [open]="report() !== null"
      [busy]="busy()"
      describedBy="delete-report-effects"
      (closed)="closed.emit()"
    >
      <form class="stack" novalidate (submit)="submit($event)">
        <div id="delete-report-effects" class="modal__body stack stack--tight">
          <p>{{ 'reports.delete.effects' | transloco }}</p>
          @if (report(); as report) {
            <p>{{ 'reports.delete.which' | transloco: { text: report.text } }}</p>
          }
        </div>
        @if (error(); as message) {
          <p class="alert alert--error" role="alert">{{ message }}</p>
        }
        @if (report()?.author; as author) {
          <label class="choice">
            <input type="checkbox" id="delete-report-block" [checked]="blockAuthor()" (change)="blockAuthor.set(checkedOf($event))" />
            {{ 'reports.delete.blockAuthor' | transloco }}
            <span class="visually-hidden">{{ 'forms.labelSeparator' | transloco }}{{ author.displayName }}</span>
          </label>
          @if (blockAuthor()) {
            <app-end-date-field
              fieldId="delete-report-until"
              [label]="'reports.delete.until' | transloco"
              [hint]="'reports.delete.untilHint' | transloco"
              [minimum]="minimum()"
              [error]="untilError()"
              [(value)]="until"
            />
          }
        }
        <div class="modal__actions">
          <button type="submit" class="button button--danger" [attr.aria-busy]="busy()">
            {{ 'reports.actions.delete' | transloco }}
          </button>
          <button type="button" class="button button--secondary" autofocus (click)="closed.emit()">
            {{ 'dialog.cancel' | transloco }}
          </button>
        </div>
      </form>
    </app-modal-dialog>
  `,
})
export class DeleteReportDialog {
  /** The report to delete; null when closed. */
  readonly report = input<ReportItem | null>(null);
  readonly busy = input(false);
  readonly error = input<string | null>(null);
  /** The page's own check of the end date (translated), shown under the field. */
  readonly untilError = input<string | null>(null);
  readonly confirmed = output<DeleteReportChoice>();
  readonly closed = output<void>();

  protected readonly blockAuthor = signal(false);
  protected readonly until = signal('');
  protected readonly minimum = signal(localInputValue(new Date()));
  protected readonly hasAuthor = computed(() => !!this.report()?.author);

  constructor() {
    // Each opening starts afresh.
    effect(() => {
      if (this.report()) {
        untracked(() => {
          this.blockAuthor.set(false);
          this.until.set('');
          this.minimum.set(localInputValue(new Date()));
        });
      }
    });
  }

  protected checkedOf(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.busy()) {
      return;
    }
    this.confirmed.emit({ blockAuthor: this.hasAuthor() && this.blockAuthor(), until: this.blockAuthor() ? this.until() : '' });
  }
}

