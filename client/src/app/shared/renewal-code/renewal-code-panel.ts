import { copyText } from '../clipboard/copy-text';
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, input, linkedSignal, output, signal, untracked, viewChild } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { UserErrorMessageService } from '../../core/errors/user-error-message.service';
import { LanguageService } from '../../core/i18n/language.service';
import { downloadFile } from '../download/download-file';
import { DateTimePipe } from '../format/date-time.pipe';
import { PRINT_RENEWAL_CODE_MUTATION } from './data/generate-renewal-code.mutation';

/** The instruction for pupils: their panel also offers the slip to print. */
const PUPIL_INSTRUCTION = 'renewalCode.instructionPupil';

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
 * clipboard is refused), for a pupil « Imprimer pour l'élève » (a slip to cut out, downloaded as
 * `code-renouvellement-<identifiant>.pdf`) and « Masquer le code ». The page puts it in a role="status" container,
 * focuses it (`focus()`) once shown and gives the focus back to its button on `hidden`.
 */
@Component({
  selector: 'app-renewal-code-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, DateTimePipe],
  styleUrls: ['../secret-panel/secret-panel.css', './renewal-code-panel.css'],
  template: `
    <div #panel class="secret-panel renewal-code" tabindex="-1" [attr.aria-labelledby]="titleId">
      <h3 class="renewal-code__title" [id]="titleId">
        {{ 'renewalCode.title' | transloco: { name: current().name } }}
      </h3>
      <p>
        <span class="visually-hidden">{{ 'renewalCode.codeLabel' | transloco }}</span>
        <code #codeValue class="renewal-code__value" translate="no">{{ current().code }}</code>
      </p>
      <dl class="renewal-code__facts">
        <div>
          <dt>{{ 'renewalCode.identifier' | transloco }}</dt>
          <dd translate="no">{{ current().identifier }}</dd>
        </div>
        <div>
          <dt>{{ 'renewalCode.validity' | transloco }}</dt>
          <dd>{{ 'renewalCode.validUntil' | transloco: { date: (current().expiresAt | dateTime: language()) } }}</dd>
        </div>
      </dl>
      <p>{{ instructionKey() | transloco }}</p>
      <p class="renewal-code__once">{{ 'renewalCode.shownOnce' | transloco }}</p>
      <div class="renewal-code__actions">
        <button type="button" class="button button--primary" (click)="copy()">
          {{ 'renewalCode.copy' | transloco }}
        </button>
        @if (forPupil()) {
          <button type="button" class="button button--secondary" [disabled]="printing()" (click)="print()">
            {{ (printing() ? 'renewalCode.printing' : 'renewalCode.print') | transloco }}
          </button>
        }
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
      @if (printed(); as fileName) {
        <p class="renewal-code__copy-result">{{ 'renewalCode.printed' | transloco: { file: fileName } }}</p>
      }
      @if (printError(); as message) {
        <p class="renewal-code__copy-result" role="alert">{{ message }}</p>
      }
    </div>
  `,
})
export class RenewalCodePanel {
  private readonly document = inject(DOCUMENT);
  private readonly panel = viewChild.required<ElementRef<HTMLElement>>('panel');
  private readonly codeValue = viewChild.required<ElementRef<HTMLElement>>('codeValue');
  private readonly apollo = inject(Apollo);
  private readonly userErrors = inject(UserErrorMessageService);

  readonly shown = input.required<ShownRenewalCode>();
  /** How the code is used, for this audience (a pupil, anyone). */
  readonly instructionKey = input('renewalCode.instruction');
  readonly hidden = output<void>();

  protected readonly language = inject(LanguageService).current;
  protected readonly copyResult = signal<'copied' | 'failed' | null>(null);
  protected readonly titleId = `renewal-code-title-${++nextId}`;
  /** The code on screen: the one given, or the one printed since (printing makes a new code, which revokes it). */
  protected readonly current = linkedSignal(() => this.shown());
  protected readonly forPupil = computed(() => this.instructionKey() === PUPIL_INSTRUCTION);
  protected readonly printing = signal(false);
  /** The file name of the slip just downloaded. */
  protected readonly printed = signal<string | null>(null);
  protected readonly printError = signal<string | null>(null);

  constructor() {
    // A new code from the page: the previous copy and print results no longer apply.
    effect(() => {
      this.shown();
      untracked(() => {
        this.copyResult.set(null);
        this.printed.set(null);
        this.printError.set(null);
      });
    });
  }

  /** Call once rendered (afterNextRender): the panel takes the focus and comes into view. */
  focus(): void {
    const panel = this.panel().nativeElement;
    panel.focus({ preventScroll: true });
    panel.scrollIntoView({ block: 'nearest' });
  }

  protected async copy(): Promise<void> {
    if (await copyText(this.current().code)) {
      this.copyResult.set('copied');
    } else {
      // Select the code so Ctrl+C does it.
      this.copyResult.set('failed');
      this.selectCode();
    }
  }

  /**
   * The slip can only be made with a code's generation (codes are stored hashed): a new code is
   * generated with it, and shown here in place of the previous one, which it revokes.
   */
  protected async print(): Promise<void> {
    if (this.printing()) {
      return;
    }
    const shown = this.current();
    this.printing.set(true);
    this.printError.set(null);
    this.printed.set(null);
    try {
      const result = await firstValueFrom(this.apollo.mutate({ mutation: PRINT_RENEWAL_CODE_MUTATION, variables: { userId: shown.userId } }));
      const renewal = result.data?.generateRenewalCode;
      if (!renewal) {
        throw new Error('generateRenewalCode: empty answer');
      }
      this.current.set({ ...shown, code: renewal.code, expiresAt: renewal.expiresAt });
      this.copyResult.set(null);
      const fileName = `code-renouvellement-${shown.identifier}.pdf`;
      this.savePdf(renewal.slipPdf, fileName);
      this.printed.set(fileName);
    } catch (error: unknown) {
      this.printError.set(this.userErrors.describe(error).message);
    } finally {
      this.printing.set(false);
    }
  }

  private savePdf(base64: string, fileName: string): void {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
    downloadFile(this.document, url, fileName);
    // Revoked once the click has been handled: the browser holds the file by then.
    setTimeout(() => URL.revokeObjectURL(url));
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
