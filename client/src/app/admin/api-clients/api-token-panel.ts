import { copyText } from '../../shared/clipboard/copy-text';
import { ChangeDetectionStrategy, Component, ElementRef, effect, inject, input, output, signal, untracked, viewChild } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language.service';
import { DateTimePipe } from '../../shared/format/date-time.pipe';

/** A token just made (creation or rotation): shown this once, the server keeps only its hash. */
export interface ShownToken {
  readonly clientName: string;
  readonly token: string;
  /** After a rotation: until when the replaced token still works. */
  readonly previousValidUntil: string | null;
}

/**
 * « Jeton de l'application … »: the token in a read-only field, « Copier le jeton » (or the token
 * selected when the clipboard is refused), that it is shown only once, after a rotation until when
 * the old one works, and « J'ai copié le jeton » to hide it. The page focuses it once shown.
 */
@Component({
  selector: 'app-api-token-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe, DateTimePipe],
  styleUrls: ['../../shared/secret-panel/secret-panel.css'],
  styles: `
    .api-token__value {
      width: 100%;
      font-family: ui-monospace, 'Cascadia Mono', 'DejaVu Sans Mono', Menlo, Consolas, monospace;
    }
    .api-token__once {
      font-weight: 600;
    }
    .api-token__actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-2);
    }
  `,
  template: `
    <div #panel class="secret-panel api-token" tabindex="-1" aria-labelledby="api-token-title">
      <h2 id="api-token-title">{{ 'apiClients.token.title' | transloco: { name: shown().clientName } }}</h2>
      <div class="field">
        <label class="field__label" for="api-token-value">{{ 'apiClients.token.label' | transloco }}</label>
        <input
          #value
          id="api-token-value"
          class="field__input api-token__value"
          type="text"
          readonly
          spellcheck="false"
          autocomplete="off"
          translate="no"
          aria-describedby="api-token-once"
          [value]="shown().token"
          (focus)="value.select()"
        />
      </div>
      <p id="api-token-once" class="api-token__once">{{ 'apiClients.token.once' | transloco }}</p>
      <p>{{ 'apiClients.token.howTo' | transloco }}</p>
      @if (shown().previousValidUntil; as until) {
        <p>{{ 'apiClients.token.previousUntil' | transloco: { date: (until | dateTime: language()) } }}</p>
      }
      <div class="api-token__actions">
        <button type="button" class="button button--primary" (click)="copy()">{{ 'apiClients.token.copy' | transloco }}</button>
        <button type="button" class="button button--secondary" (click)="hidden.emit()">{{ 'apiClients.token.hide' | transloco }}</button>
      </div>
      <p role="status">
        @switch (copyResult()) {
          @case ('copied') {
            {{ 'apiClients.token.copied' | transloco }}
          }
          @case ('failed') {
            {{ 'apiClients.token.copyFailed' | transloco }}
          }
        }
      </p>
    </div>
  `,
})
export class ApiTokenPanel {
  private readonly panel = viewChild.required<ElementRef<HTMLElement>>('panel');
  private readonly value = viewChild.required<ElementRef<HTMLInputElement>>('value');

  readonly shown = input.required<ShownToken>();
  readonly hidden = output<void>();

  protected readonly language = inject(LanguageService).current;
  protected readonly copyResult = signal<'copied' | 'failed' | null>(null);

  constructor() {
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
    if (await copyText(this.shown().token)) {
      this.copyResult.set('copied');
    } else {
      // The token is selected so Ctrl+C does it.
      this.copyResult.set('failed');
      const input = this.value().nativeElement;
      input.focus();
      input.select();
    }
  }
}
