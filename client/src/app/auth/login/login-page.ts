import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { homePathOf } from '../../core/auth/home-path';
import { safeReturnUrl } from '../../core/auth/return-url';
import { UserErrorMessageService } from '../../core/errors/user-error-message.service';
import type { LoginStatus } from '../../core/graphql/generated/graphql';
import { LOGIN_MUTATION } from './login.mutation';

/** Where the two unfinished first-connection flows start. */
const NEXT_STEP: Record<Exclude<LoginStatus, 'SIGNED_IN'>, string> = {
  ACTIVATION_REQUIRED: '/activation',
  RENEWAL_REQUIRED: '/nouveau-mot-de-passe',
};

/** /connexion: login (or alias) and password (or activation / renewal code). */
@Component({
  selector: 'app-login-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, TranslocoPipe],
  templateUrl: './login-page.html',
  styleUrl: './login-page.css',
})
export default class LoginPage {
  private readonly apollo = inject(Apollo);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  private readonly errors = inject(UserErrorMessageService);
  private readonly passwordInput = viewChild.required<ElementRef<HTMLInputElement>>('passwordInput');
  private readonly loginInput = viewChild.required<ElementRef<HTMLInputElement>>('loginInput');

  protected readonly form = inject(NonNullableFormBuilder).group({
    login: ['', Validators.required],
    password: ['', Validators.required],
  });
  protected readonly pending = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected async signIn(): Promise<void> {
    if (this.pending()) {
      return;
    }
    const { login, password } = this.form.getRawValue();
    if (!login.trim() || !password) {
      this.errorMessage.set(this.transloco.translate('login.missingFields'));
      (login.trim() ? this.passwordInput() : this.loginInput()).nativeElement.focus();
      return;
    }

    this.pending.set(true);
    this.errorMessage.set(null);
    try {
      const result = await firstValueFrom(
        this.apollo.mutate({ mutation: LOGIN_MUTATION, variables: { login: login.trim(), password } }),
      );
      const payload = result.data?.login;
      if (!payload) {
        throw new Error('login: empty answer');
      }
      if (payload.status !== 'SIGNED_IN') {
        await this.router.navigateByUrl(NEXT_STEP[payload.status]);
        return;
      }
      if (!payload.me) {
        throw new Error('login: signed in without a user');
      }
      this.auth.signedIn(payload.me);
      const returnUrl = safeReturnUrl(this.router.routerState.snapshot.root.queryParamMap.get('retour'));
      await this.router.navigateByUrl(returnUrl ?? homePathOf(payload.me));
    } catch (error: unknown) {
      this.errorMessage.set(this.errors.describe(error).message);
      this.form.controls.password.reset();
    } finally {
      this.pending.set(false);
    }
  }
}
