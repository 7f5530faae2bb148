import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { FieldError } from './field-error';
import type { FormErrors, FormField } from './form-errors';
import { PasswordRuleHint } from './password-rule';

/**
 * The `FormErrors` fields of `<app-new-password-fields idPrefix="…">`: `password` and
 * `passwordConfirmation`, as the server names them.
 */
export function newPasswordFormFields(idPrefix: string): FormField[] {
  return [
    { name: 'password', inputId: `${idPrefix}-password`, labelKey: 'passwords.new' },
    { name: 'passwordConfirmation', inputId: `${idPrefix}-password-confirmation`, labelKey: 'passwords.confirmation' },
  ];
}

/**
 * « Nouveau mot de passe » (with the server's password rule, referenced by the input) and
 * « Confirmez le mot de passe », with their error messages. Laid out as two fields of the
 * surrounding form (the host element adds no box).
 */
@Component({
  selector: 'app-new-password-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, TranslocoPipe, FieldError, PasswordRuleHint],
  host: { style: 'display: contents' },
  template: `
    <div class="field">
      <label class="field__label" [for]="idPrefix() + '-password'">{{ 'passwords.new' | transloco }}</label>
      <input
        [id]="idPrefix() + '-password'"
        class="field__input"
        type="password"
        [formControl]="password()"
        autocomplete="new-password"
        required
        [attr.maxlength]="rule.rule()?.maxLength ?? null"
        [attr.aria-invalid]="errors().invalid('password')"
        [attr.aria-describedby]="errors().describedBy('password', idPrefix() + '-password-rule')"
      />
      <app-password-rule #rule [ruleId]="idPrefix() + '-password-rule'" />
      <app-field-error [errorId]="errors().errorId('password')" [message]="errors().of('password')" />
    </div>

    <div class="field">
      <label class="field__label" [for]="idPrefix() + '-password-confirmation'">{{
        'passwords.confirmation' | transloco
      }}</label>
      <input
        [id]="idPrefix() + '-password-confirmation'"
        class="field__input"
        type="password"
        [formControl]="confirmation()"
        autocomplete="new-password"
        required
        [attr.aria-invalid]="errors().invalid('passwordConfirmation')"
        [attr.aria-describedby]="errors().describedBy('passwordConfirmation')"
      />
      <app-field-error
        [errorId]="errors().errorId('passwordConfirmation')"
        [message]="errors().of('passwordConfirmation')"
      />
    </div>
  `,
})
export class NewPasswordFields {
  /** Base of the ids: `<prefix>-password`, `<prefix>-password-confirmation`, `<prefix>-password-rule`. */
  readonly idPrefix = input.required<string>();
  readonly errors = input.required<FormErrors>();
  readonly password = input.required<FormControl<string>>();
  readonly confirmation = input.required<FormControl<string>>();
}
