import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, inject, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { ErrorSummary } from '../../shared/forms/error-summary';
import { FieldError } from '../../shared/forms/field-error';
import { FormErrors } from '../../shared/forms/form-errors';
import { FormSubmission } from '../../shared/forms/form-submission';
import { REQUEST_PASSWORD_RESET_MUTATION } from '../data/request-password-reset.mutation';

/**
 * /mot-de-passe-oublie: asks for a renewal link by e-mail. The answer is the same whether the
 * account exists or has an address, so the page never tells who is registered.
 */
@Component({
  selector: 'app-forgotten-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, TranslocoPipe, ErrorSummary, FieldError],
  templateUrl: './forgotten-password-page.html',
  styleUrl: '../auth-page.css',
})
export default class ForgottenPasswordPage {
  private readonly apollo = inject(Apollo);
  private readonly injector = inject(Injector);
  private readonly summary = viewChild.required(ErrorSummary);
  private readonly confirmation = viewChild<ElementRef<HTMLElement>>('confirmation');

  protected readonly form = inject(NonNullableFormBuilder).group({ login: [''] });
  protected readonly errors = new FormErrors([
    { name: 'login', inputId: 'forgotten-login', labelKey: 'forgottenPassword.login' },
  ]);
  protected readonly submission = new FormSubmission(this.errors, this.summary);
  protected readonly sent = signal(false);

  protected async request(): Promise<void> {
    if (this.submission.pending()) {
      return;
    }
    const login = this.form.getRawValue().login.trim();
    if (!this.submission.checkFilled({ login: [!login, 'forgottenPassword.loginMissing'] })) {
      return;
    }
    await this.submission.run(async () => {
      await firstValueFrom(this.apollo.mutate({ mutation: REQUEST_PASSWORD_RESET_MUTATION, variables: { login } }));
      this.sent.set(true);
      afterNextRender(() => this.confirmation()?.nativeElement.focus(), { injector: this.injector });
    });
  }
}
