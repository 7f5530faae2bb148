import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { ErrorSummary } from '../../shared/forms/error-summary';
import { FieldError } from '../../shared/forms/field-error';
import { FormErrors } from '../../shared/forms/form-errors';
import { FormSubmission } from '../../shared/forms/form-submission';
import { NewPasswordFields, newPasswordFormFields } from '../../shared/forms/new-password-fields';
import { CredentialsHandoff } from '../credentials-handoff';
import { FoldedCodeField } from '../folded-code-field';
import { RESET_PASSWORD_WITH_CODE_MUTATION } from '../data/reset-password-with-code.mutation';

/**
 * /nouveau-mot-de-passe (and /renouvellement, the link of the « Mot de passe oublié » e-mail):
 * as the guide says, the person types their login again and the new password twice; then they
 * sign in normally with it. Login and code come from the login page or the link, in memory; without
 * them (page reloaded, address typed) the page asks for the code as well.
 */
@Component({
  selector: 'app-renewal-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, TranslocoPipe, ErrorSummary, FieldError, FoldedCodeField, NewPasswordFields],
  templateUrl: './renewal-page.html',
  styleUrl: '../auth-page.css',
})
export default class RenewalPage {
  private readonly apollo = inject(Apollo);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  private readonly handoff = inject(CredentialsHandoff);
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
    ...newPasswordFormFields('renewal'),
  ]);
  /** True when login and code are already known: the login is typed again, the code stays folded. */
  protected readonly codeKnown = !!this.pendingCode;
  protected readonly codeFieldShown = signal(!this.pendingCode);
  /** A wrong, used or expired code unfolds the code field. */
  protected readonly submission = new FormSubmission(this.errors, this.summary, () => {
    if (this.errors.of('renewalCode')) {
      this.codeFieldShown.set(true);
    }
  });


  protected async save(): Promise<void> {
    if (this.submission.pending()) {
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
    const filled = this.submission.checkFilled({
      loginConfirmation: [!loginConfirmation, 'renewal.loginMissing'],
      renewalCode: [!input.renewalCode, 'renewal.codeMissing'],
    });
    if (!filled) {
      return;
    }

    await this.submission.run(
      async () => {
        const result = await firstValueFrom(
          this.apollo.mutate({ mutation: RESET_PASSWORD_WITH_CODE_MUTATION, variables: { input } }),
        );
        if (result.data?.resetPasswordWithCode !== true) {
          throw new Error('resetPasswordWithCode: not done');
        }
        this.handoff.leaveLoginNotice({ messageKey: 'login.passwordChanged', login: loginConfirmation });
        await this.router.navigateByUrl('/connexion');
      },
      // Wrong, used or expired code: point at the code, even when it was folded away.
      (described) =>
        described.code === 'BAD_CREDENTIALS'
          ? { renewalCode: this.transloco.translate('renewal.checkCode') }
          : described.fields,
    );
  }
}
