import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { homePathOf } from '../../core/auth/home-path';
import { ErrorSummary } from '../../shared/forms/error-summary';
import { FieldError } from '../../shared/forms/field-error';
import { FormErrors } from '../../shared/forms/form-errors';
import { FormSubmission } from '../../shared/forms/form-submission';
import { NewPasswordFields, newPasswordFormFields } from '../../shared/forms/new-password-fields';
import { CredentialsHandoff } from '../credentials-handoff';
import { FoldedCodeField } from '../folded-code-field';
import { ACTIVATE_ACCOUNT_MUTATION } from '../data/activate-account.mutation';

/**
 * /activation: the first connection. Reached from the login page when the "password" typed was the
 * activation code (login and code carried in memory), or from the QR code of a connection sheet
 * (`?login=`, the person then types the code). New password twice, e-mail, optional mobile phone;
 * the server then opens the session and the person lands on their home.
 */
@Component({
  selector: 'app-activation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, TranslocoPipe, ErrorSummary, FieldError, FoldedCodeField, NewPasswordFields],
  templateUrl: './activation-page.html',
  styleUrl: '../auth-page.css',
})
export default class ActivationPage {
  private readonly apollo = inject(Apollo);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  private readonly summary = viewChild.required(ErrorSummary);
  private readonly pendingCode = inject(CredentialsHandoff).takeCode('activation');

  protected readonly form = inject(NonNullableFormBuilder).group({
    login: [this.pendingCode?.login ?? inject(ActivatedRoute).snapshot.queryParamMap.get('login')?.trim() ?? ''],
    activationCode: [this.pendingCode?.code ?? ''],
    password: [''],
    passwordConfirmation: [''],
    email: [''],
    mobile: [''],
  });
  protected readonly errors = new FormErrors([
    { name: 'login', inputId: 'activation-login', labelKey: 'activation.login' },
    { name: 'activationCode', inputId: 'activation-code', labelKey: 'activation.code' },
    ...newPasswordFormFields('activation'),
    { name: 'email', inputId: 'activation-email', labelKey: 'activation.email' },
    { name: 'mobile', inputId: 'activation-mobile', labelKey: 'activation.mobile' },
  ]);
  /** The code typed on the login page is kept out of sight, but can still be changed. */
  protected readonly codeFieldShown = signal(!this.pendingCode);
  /** A wrong login or code unfolds the code field, to say where to look. */
  protected readonly submission = new FormSubmission(this.errors, this.summary, () => {
    if (this.errors.of('activationCode')) {
      this.codeFieldShown.set(true);
    }
  });


  protected async activate(): Promise<void> {
    if (this.submission.pending()) {
      return;
    }
    const value = this.form.getRawValue();
    const input = {
      login: value.login.trim(),
      activationCode: value.activationCode.trim(),
      password: value.password,
      passwordConfirmation: value.passwordConfirmation,
      email: value.email.trim() || null,
      mobile: value.mobile.trim() || null,
    };
    const filled = this.submission.checkFilled({
      login: [!input.login, 'activation.loginMissing'],
      activationCode: [!input.activationCode, 'activation.codeMissing'],
    });
    if (!filled) {
      return;
    }

    await this.submission.run(
      async () => {
        const result = await firstValueFrom(
          this.apollo.mutate({ mutation: ACTIVATE_ACCOUNT_MUTATION, variables: { input } }),
        );
        const me = result.data?.activateAccount.me;
        if (result.data?.activateAccount.status !== 'SIGNED_IN' || !me) {
          throw new Error('activateAccount: not signed in');
        }
        this.auth.signedIn(me);
        await this.router.navigateByUrl(homePathOf(me));
      },
      // A wrong login or code: say where to look, even when the code field was folded away.
      (described) =>
        described.code === 'BAD_CREDENTIALS'
          ? { activationCode: this.transloco.translate('activation.checkCode') }
          : described.fields,
    );
  }
}
