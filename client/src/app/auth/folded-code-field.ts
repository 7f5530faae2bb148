import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, inject, input, model } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { FieldError } from '../shared/forms/field-error';
import type { FormErrors } from '../shared/forms/form-errors';

/**
 * The activation or renewal code of the activation and renewal pages: a field when the code must
 * be typed, or folded away (« code provided » and a button to change it) when it came from the
 * login page or the e-mail link. Unfolding moves the focus into the field.
 */
@Component({
  selector: 'app-folded-code-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, TranslocoPipe, FieldError],
  host: { style: 'display: contents' },
  template: `
    @if (shown()) {
      <div class="field">
        <label class="field__label" [for]="inputId()">{{ labelKey() | transloco }}</label>
        <input
          [id]="inputId()"
          class="field__input"
          type="text"
          [formControl]="control()"
          autocomplete="one-time-code"
          autocapitalize="none"
          spellcheck="false"
          required
          [attr.aria-invalid]="errors().invalid(fieldName())"
          [attr.aria-describedby]="errors().describedBy(fieldName(), inputId() + '-hint')"
        />
        <p [id]="inputId() + '-hint'" class="field__hint">{{ hintKey() | transloco }}</p>
        <app-field-error [errorId]="errors().errorId(fieldName())" [message]="errors().of(fieldName())" />
      </div>
    } @else {
      <div class="auth-page__provided">
        <p>{{ providedKey() | transloco }}</p>
        <button type="button" class="button button--quiet" (click)="unfold()">
          {{ changeKey() | transloco }}
        </button>
      </div>
    }
  `,
  styles: `
    .auth-page__provided {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--space-2);
      padding: var(--space-3) var(--space-4);
      border: 1px solid var(--color-border);
      border-radius: var(--radius-s);
      background: var(--color-bg);
    }

    .auth-page__provided p {
      margin: 0;
    }
  `,
})
export class FoldedCodeField {
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);

  /** The input's id; its hint is `<inputId>-hint`. */
  readonly inputId = input.required<string>();
  /** The field's name in the form errors (as the server names it). */
  readonly fieldName = input.required<string>();
  readonly control = input.required<FormControl<string>>();
  readonly errors = input.required<FormErrors>();
  readonly labelKey = input.required<string>();
  readonly hintKey = input.required<string>();
  readonly providedKey = input.required<string>();
  readonly changeKey = input.required<string>();
  /** True when the field is shown; the page unfolds it too when the code has an error. */
  readonly shown = model.required<boolean>();

  protected unfold(): void {
    this.shown.set(true);
    afterNextRender(() => this.document.getElementById(this.inputId())?.focus(), { injector: this.injector });
  }
}
