import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, inject, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { UserErrorMessageService } from '../../core/errors/user-error-message.service';
import { ErrorSummary } from '../../shared/forms/error-summary';
import { FieldError } from '../../shared/forms/field-error';
import { FormErrors } from '../../shared/forms/form-errors';
import { PasswordRuleHint } from '../../shared/forms/password-rule';
import { CredentialsHandoff } from '../credentials-handoff';
import { RESET_PASSWORD_WITH_CODE_MUTATION } from './reset-password-with-code.mutation';

/**
 * /nouveau-mot-de-passe (and /renouvellement, the link of the « Mot de passe oublié » e-mail):
 * as the guide says, the person types their login again and the new password twice; then they
 * sign in normally with it. Login and code come from the login page or the link, in memory; without
 * them (page reloaded, address typed) the page asks for the code as well.
 */
@Component({
  selector: 'app-renewal-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, TranslocoPipe, ErrorSummary, FieldError, PasswordRuleHint],
  templateUrl: './renewal-page.html',
  styleUrl: '../auth-page.css',
})
export default class RenewalPage {
  private readonly apollo = inject(Apollo);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  private readonly userErrors = inject(UserErrorMessageService);
  private readonly handoff = inject(CredentialsHandoff);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly summary = viewChild.required(ErrorSummary);
  private readonly pendingCode = this.handoff.takeCode('renewal');
  /** The login used with the code (login page or e-mail link), null when the page was opened bare. */
  private readonly knownLogin = this.pendingCode?.login ?? null;

  protected readonly form = inject(NonNullableFormBuilder).group({
    loginConfirmation: [''],
    renewalCode: [this.pendingCode?.code ?? ''],
    password: [''],
    passwordConfirmation: [''],
  });
  protected readonly errors = new FormErrors([
    {
      name: 'loginConfirmation',
      inputId: 'renewal-login',
      labelKey: this.pendingCode ? 'renewal.loginConfirmation' : 'renewal.login',
    },
    { name: 'renewalCode', inputId: 'renewal-code', labelKey: 'renewal.code' },
    { name: 'password', inputId: 'renewal-password', labelKey: 'passwords.new' },
    { name: 'passwordConfirmation', inputId: 'renewal-password-confirmation', labelKey: 'passwords.confirmation' },
  ]);
  /** True when login and code are already known: the login is typed again, the code stays folded. */
  protected readonly codeKnown = !!this.pendingCode;
  protected readonly codeFieldShown = signal(!this.pendingCode);
  protected readonly pending = signal(false);

  protected showCodeField(): void {
    this.codeFieldShown.set(true);
    afterNextRender(() => this.document.getElementById('renewal-code')?.focus(), { injector: this.injector });
  }

  protected async save(): Promise<void> {
    if (this.pending()) {
      return;
    }
    const value = this.form.getRawValue();
    const loginConfirmation = value.loginConfirmation.trim();
    const input = {
      login: this.knownLogin ?? loginConfirmation,
      renewalCode: value.renewalCode.trim(),
      loginConfirmation,
      password: value.password,
      passwordConfirmation: value.passwordConfirmation,
    };
    const missing: Record<string, string> = {};
    if (!loginConfirmation) {
      missing['loginConfirmation'] = this.transloco.translate('renewal.loginMissing');
    }
    if (!input.renewalCode) {
      missing['renewalCode'] = this.transloco.translate('renewal.codeMissing');
    }
    if (Object.keys(missing).length > 0) {
      this.fail({ message: this.transloco.translate('forms.hasErrors'), fields: missing });
      return;
    }

    this.pending.set(true);
    this.errors.clear();
    try {
      const result = await firstValueFrom(
        this.apollo.mutate({ mutation: RESET_PASSWORD_WITH_CODE_MUTATION, variables: { input } }),
      );
      if (result.data?.resetPasswordWithCode !== true) {
        throw new Error('resetPasswordWithCode: not done');
      }
      this.handoff.leaveLoginNotice({ messageKey: 'login.passwordChanged', login: loginConfirmation });
      await this.router.navigateByUrl('/connexion');
    } catch (error: unknown) {
      const described = this.userErrors.describe(error);
      // Wrong, used or expired code: point at the code, even when it was folded away.
      const fields =
        described.code === 'BAD_CREDENTIALS'
          ? { renewalCode: this.transloco.translate('renewal.checkCode') }
          : described.fields;
      this.fail({ message: described.message, fields });
    } finally {
      this.pending.set(false);
    }
  }

  private fail(error: { message: string; fields: Readonly<Record<string, string>> }): void {
    this.errors.show(error);
    if (this.errors.of('renewalCode')) {
      this.codeFieldShown.set(true);
    }
    afterNextRender(() => this.summary().focus(), { injector: this.injector });
  }
}
