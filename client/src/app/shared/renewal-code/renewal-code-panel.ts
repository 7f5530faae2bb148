import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, effect, inject, input, output, signal, untracked, viewChild } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language.service';
import { DateTimePipe } from '../format/date-time.pipe';

let nextId = 0;

/** A renewal code just generated: shown once, until hidden or replaced. */
export interface ShownRenewalCode {
  readonly userId: string;
  readonly name: string;
  /** The name the person signs in with (alias, else login). */
  readonly identifier: string;
  readonly code: string;
  readonly expiresAt: string;
}

/**
 * « Code de renouvellement pour … »: the code in large type, the identifier to give with it, its
 * expiry, how to use it, that it is shown only once; « Copier » (or the code selected when the
 * clipboard is refused) and « Masquer le code ». The page puts it in a role="status" container,
 * focuses it (`focus()`) once shown and gives the focus back to its button on `hidden`.
 */
@Component({
  selector: 'app-renewal-code-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, DateTimePipe],
  styleUrl: './renewal-code-panel.css',
  template: `
    <div #panel class="renewal-code" tabindex="-1" [attr.aria-labelledby]="titleId">
      <h3 class="renewal-code__title" [id]="titleId">
        {{ 'renewalCode.title' | transloco: { name: shown().name } }}
      </h3>
      <p>
        <span class="visually-hidden">{{ 'renewalCode.codeLabel' | transloco }}</span>
        <code #codeValue class="renewal-code__value" translate="no">{{ shown().code }}</code>
      </p>
      <dl class="renewal-code__facts">
        <div>
          <dt>{{ 'renewalCode.identifier' | transloco }}</dt>
          <dd translate="no">{{ shown().identifier }}</dd>
        </div>
        <div>
          <dt>{{ 'renewalCode.validity' | transloco }}</dt>
          <dd>{{ 'renewalCode.validUntil' | transloco: { date: (shown().expiresAt | dateTime: language()) } }}</dd>
        </div>
      </dl>
      <p>{{ instructionKey() | transloco }}</p>
      <p class="renewal-code__once">{{ 'renewalCode.shownOnce' | transloco }}</p>
      <div class="renewal-code__actions">
        <button type="button" class="button button--primary" (click)="copy()">
          {{ 'renewalCode.copy' | transloco }}
        </button>
        <button type="button" class="button button--secondary" (click)="hidden.emit()">
          {{ 'renewalCode.hide' | transloco }}
        </button>
      </div>
      @switch (copyResult()) {
        @case ('copied') {
          <p class="renewal-code__copy-result">{{ 'renewalCode.copied' | transloco }}</p>
        }
        @case ('failed') {
          <p class="renewal-code__copy-result">{{ 'renewalCode.copyFailed' | transloco }}</p>
        }
      }
    </div>
  `,
})
export class RenewalCodePanel {
  private readonly document = inject(DOCUMENT);
  private readonly panel = viewChild.required<ElementRef<HTMLElement>>('panel');
  private readonly codeValue = viewChild.required<ElementRef<HTMLElement>>('codeValue');

  readonly shown = input.required<ShownRenewalCode>();
  /** How the code is used, for this audience (a pupil, anyone). */
  readonly instructionKey = input('renewalCode.instruction');
  readonly hidden = output<void>();

  protected readonly language = inject(LanguageService).current;
  protected readonly copyResult = signal<'copied' | 'failed' | null>(null);
  protected readonly titleId = `renewal-code-title-${++nextId}`;

  constructor() {
    // A new code: the previous copy result no longer applies.
    effect(() => {
      this.shown();
      untracked(() => this.copyResult.set(null));
    });
  }

  /** Call once rendered (afterNextRender): the panel takes the focus and comes into view. */
  focus(): void {
    const panel = this.panel().nativeElement;
    panel.focus({ preventScroll: true });
    panel.scrollIntoView({ block: 'nearest' });
  }

  protected async copy(): Promise<void> {
    try {
      if (!navigator.clipboard) {
        throw new Error('clipboard unavailable');
      }
      await navigator.clipboard.writeText(this.shown().code);
      this.copyResult.set('copied');
    } catch {
      // Insecure origin or permission refused: select the code so Ctrl+C does it.
      this.copyResult.set('failed');
      this.selectCode();
    }
  }

  private selectCode(): void {
    const selection = this.document.getSelection();
    if (!selection) {
      return;
    }
    const range = this.document.createRange();
    range.selectNodeContents(this.codeValue().nativeElement);
    selection.removeAllRanges();
    selection.addRange(range);
  }
}
