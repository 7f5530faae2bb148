import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ModalDialog } from '../../../shared/dialog/modal-dialog';
import { EndDateField, localInputValue } from '../../../shared/forms/end-date-field';
import { FieldError } from '../../../shared/forms/field-error';
import { RECORD_ACTION, UserRecordStore } from '../data/user-record.store';

const REASON_MAX_LENGTH = 500;
const KEY = RECORD_ACTION.block;

/**
 * « Bloquer le compte »: an optional end (« Jusqu'au », date and time; empty means until someone
 * unblocks) and an optional « Motif ». What blocking does is said before confirming.
 */
@Component({
  selector: 'app-block-user-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, ModalDialog, FieldError, EndDateField],
  template: `
    <app-modal-dialog
      [heading]="'userRecord.blockDialog.title' | transloco: { name: store.user()?.displayName ?? '' }"
      [open]="open()"
      [busy]="pending()"
      describedBy="block-dialog-effects"
      (closed)="closed.emit()"
    >
      <form class="stack" novalidate (submit)="submit($event)">
        <p id="block-dialog-effects">{{ 'userRecord.blockDialog.effects' | transloco }}</p>
        @if (generalError(); as message) {
          <p class="alert alert--error" role="alert">{{ message }}</p>
        }
        <app-end-date-field
          fieldId="block-until"
          [label]="'userRecord.blockDialog.until' | transloco"
          [hint]="'userRecord.blockDialog.untilHint' | transloco"
          [minimum]="minimum()"
          [error]="untilError()"
          [(value)]="until"
        />
        <div class="field">
          <label class="field__label" for="block-reason">{{ 'userRecord.blockDialog.reason' | transloco }}</label>
          <textarea
            id="block-reason"
            class="field__input"
            rows="3"
            [attr.maxlength]="reasonMaxLength"
            [value]="reason()"
            (input)="reason.set(valueOf($event))"
            [attr.aria-invalid]="reasonError() ? true : null"
            [attr.aria-describedby]="reasonError() ? 'block-reason-hint block-reason-error' : 'block-reason-hint'"
          ></textarea>
          <p id="block-reason-hint" class="field__hint">{{ 'userRecord.blockDialog.reasonHint' | transloco }}</p>
          <app-field-error errorId="block-reason-error" [message]="reasonError()" />
        </div>
        <div class="modal__actions">
          <button type="submit" class="button button--danger" [attr.aria-busy]="pending()">
            {{ 'userRecord.actions.block' | transloco }}
          </button>
          <button type="button" class="button button--secondary" (click)="closed.emit()">
            {{ 'dialog.cancel' | transloco }}
          </button>
        </div>
      </form>
    </app-modal-dialog>
  `,
})
export class BlockUserDialog {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly localError = signal<{ field: 'until'; message: string } | null>(null);

  readonly open = input(false);
  readonly blocked = output<void>();
  readonly closed = output<void>();

  protected readonly store = inject(UserRecordStore);
  protected readonly reasonMaxLength = REASON_MAX_LENGTH;
  protected readonly until = signal('');
  protected readonly reason = signal('');
  protected readonly pending = computed(() => this.store.isPending(KEY));
  protected readonly minimum = signal(localInputValue(new Date()));
  private readonly serverError = computed(() => this.store.errorOf(KEY));
  protected readonly untilError = computed(() => this.localError()?.message ?? this.serverError()?.fields['until'] ?? null);
  protected readonly reasonError = computed(() => this.serverError()?.fields['reason'] ?? null);
  /** The server's message when no field carries it (e.g. « Vous ne pouvez pas bloquer votre propre compte »). */
  protected readonly generalError = computed(() => {
    const error = this.serverError();
    if (this.localError()) {
      return this.transloco.translate('forms.hasErrors');
    }
    return error ? error.message : null;
  });

  constructor() {
    // Each opening starts afresh.
    effect(() => {
      if (this.open()) {
        untracked(() => {
          this.until.set('');
          this.reason.set('');
          this.localError.set(null);
          this.minimum.set(localInputValue(new Date()));
        });
      }
    });
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    const user = this.store.user();
    if (!user || this.pending()) {
      return;
    }
    this.localError.set(null);
    let until: string | null = null;
    if (this.until()) {
      const date = new Date(this.until());
      if (Number.isNaN(date.getTime()) || date.getTime() <= Date.now()) {
        this.localError.set({ field: 'until', message: this.transloco.translate('userRecord.blockDialog.untilPast') });
        afterNextRender(() => this.document.getElementById('block-until')?.focus(), { injector: this.injector });
        return;
      }
      until = date.toISOString();
    }
    const done = await this.store.block(until, this.reason().trim() || null);
    if (done) {
      this.blocked.emit();
    } else {
      const field = this.serverError()?.fields['until'] ? 'block-until' : this.serverError()?.fields['reason'] ? 'block-reason' : null;
      if (field) {
        afterNextRender(() => this.document.getElementById(field)?.focus(), { injector: this.injector });
      }
    }
  }
}

