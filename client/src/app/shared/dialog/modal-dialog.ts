import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, effect, inject, input, output, viewChild } from '@angular/core';

let nextId = 0;

/**
 * An accessible modal dialog on the native <dialog> (showModal): the rest of the page becomes inert
 * and Tab cycles through the dialog's controls (never out to the browser); Escape closes (unless `busy`); labelled by its heading; the focus goes to the
 * element marked `autofocus`, else the first control, and comes back to the opener when it closes.
 * The parent owns `open` and sets it back to false on `closed`.
 */
@Component({
  selector: 'app-modal-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog
      #dialog
      class="modal"
      [attr.aria-labelledby]="headingId"
      [attr.aria-describedby]="describedBy()"
      (cancel)="onCancel($event)"
      (close)="onClose()"
      (keydown.tab)="keepFocusInside($event)"
      (keydown.shift.tab)="keepFocusInside($event)"
    >
      <h2 class="modal__title" [id]="headingId">{{ heading() }}</h2>
      <ng-content />
    </dialog>
  `,
})
export class ModalDialog {
  private readonly document = inject(DOCUMENT);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private opener: HTMLElement | null = null;

  readonly heading = input.required<string>();
  readonly open = input(false);
  /** While an action runs, Escape does not close (the answer must be shown). */
  readonly busy = input(false);
  /** Id of the dialog's main explanation, read when it opens. */
  readonly describedBy = input<string | null>(null);
  readonly closed = output<void>();

  protected readonly headingId = `modal-title-${++nextId}`;

  constructor() {
    effect(() => {
      const element = this.dialog().nativeElement;
      if (this.open() && !element.open) {
        const active = this.document.activeElement;
        this.opener = active instanceof HTMLElement ? active : null;
        element.showModal();
      } else if (!this.open() && element.open) {
        element.close();
      }
    });
    inject(DestroyRef).onDestroy(() => {
      const element = this.dialog().nativeElement;
      if (element.open) {
        element.close();
      }
    });
  }

  protected onCancel(event: Event): void {
    if (this.busy()) {
      event.preventDefault();
    }
  }

  /** Tab on the last control goes back to the first, Maj+Tab on the first to the last. */
  protected keepFocusInside(event: Event): void {
    const keyboard = event as KeyboardEvent;
    const controls = [
      ...this.dialog().nativeElement.querySelectorAll<HTMLElement>(
        'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])',
      ),
    ].filter((control) => control.offsetParent !== null);
    if (controls.length === 0) {
      return;
    }
    const first = controls[0];
    const last = controls[controls.length - 1];
    const active = this.document.activeElement;
    if (keyboard.shiftKey && (active === first || !this.dialog().nativeElement.contains(active))) {
      keyboard.preventDefault();
      last.focus();
    } else if (!keyboard.shiftKey && (active === last || !this.dialog().nativeElement.contains(active))) {
      keyboard.preventDefault();
      first.focus();
    }
  }

  protected onClose(): void {
    const opener = this.opener;
    this.opener = null;
    if (opener?.isConnected) {
      opener.focus();
    }
    this.closed.emit();
  }
}
