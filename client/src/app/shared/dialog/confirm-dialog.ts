import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ModalDialog } from './modal-dialog';

let nextId = 0;

/**
 * « Êtes-vous sûr ? » before a destructive action: what will happen (projected), the action's own
 * label on the confirm button, « Annuler » focused first. The server's error, if any, shows inside.
 */
@Component({
  selector: 'app-confirm-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, ModalDialog],
  template: `
    <app-modal-dialog [heading]="heading()" [open]="open()" [busy]="busy()" [describedBy]="messageId" (closed)="closed.emit()">
      <div class="stack">
        <div class="modal__body" [id]="messageId"><ng-content /></div>
        @if (error(); as message) {
          <p class="alert alert--error" role="alert">{{ message }}</p>
        }
        <div class="modal__actions">
          <button type="button" class="button button--danger" [attr.aria-busy]="busy()" (click)="confirmed.emit()">
            {{ confirmLabel() }}
          </button>
          <button type="button" class="button button--secondary" autofocus (click)="closed.emit()">
            {{ 'dialog.cancel' | transloco }}
          </button>
        </div>
      </div>
    </app-modal-dialog>
  `,
})
export class ConfirmDialog {
  readonly heading = input.required<string>();
  readonly confirmLabel = input.required<string>();
  readonly open = input(false);
  readonly busy = input(false);
  readonly error = input<string | null>(null);
  readonly confirmed = output<void>();
  /** Annuler, Échap, or closed by the page after the action. */
  readonly closed = output<void>();

  protected readonly messageId = `confirm-message-${++nextId}`;
}
