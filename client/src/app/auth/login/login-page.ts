import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, inject, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { homePathOf } from '../../core/auth/home-path';
import { safeReturnUrl } from '../../core/auth/return-url';
import { SessionDrafts } from '../../core/auth/session-drafts';
import { UserErrorMessageService } from '../../core/errors/user-error-message.service';
import type { LoginStatus } from '../../core/graphql/generated/graphql';
import { CredentialsHandoff, type PendingCode } from '../credentials-handoff';
import { LOGIN_MUTATION } from '../data/login.mutation';

/** Where the two unfinished flows continue when the "password" typed was a code (no session yet). */
const NEXT_STEP: Record<Exclude<LoginStatus, 'SIGNED_IN'>, { kind: PendingCode['kind']; path: string }> = {
  ACTIVATION_REQUIRED: { kind: 'activation', path: '/activation' },
  RENEWAL_REQUIRED: { kind: 'renewal', path: '/nouveau-mot-de-passe' },
};

/**
 * /connexion: login (or alias) and password (or activation / renewal code). A code leads on to the
 * activation or renewal page, carrying login and code in memory; after a renewal the page comes
 * back with a status message and the login prefilled, as it is from `?login=` (connection sheets).
 */
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
  private readonly handoff = inject(CredentialsHandoff);
  private readonly injector = inject(Injector);
  private readonly errorAlert = viewChild<ElementRef<HTMLElement>>('errorAlert');

  /** « Votre mot de passe a été changé… », left by the renewal page. */
  protected readonly notice = signal(this.handoff.takeLoginNotice());
  protected readonly sessionClosed = this.auth.sessionClosed;
  protected readonly drafts = inject(SessionDrafts);
  protected readonly form = inject(NonNullableFormBuilder).group({
    // ?login=… comes from the QR code of an activated account's connection sheet.
    login: [this.notice()?.login ?? inject(ActivatedRoute).snapshot.queryParamMap.get('login')?.trim() ?? '', Validators.required],
    password: ['', Validators.required],
  });
  protected readonly pending = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected async signIn(): Promise<void> {
    if (this.pending()) {
      return;
    }
    const { login, password } = this.form.getRawValue();
    this.notice.set(null);
    if (!login.trim() || !password) {
      this.showError(this.transloco.translate('login.missingFields'));
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
        const next = NEXT_STEP[payload.status];
        this.handoff.handOverCode({ kind: next.kind, login: login.trim(), code: password.trim() });
        await this.router.navigateByUrl(next.path);
        return;
      }
      if (!payload.me) {
        throw new Error('login: signed in without a user');
      }
      this.auth.signedIn(payload.me);
      const returnUrl = safeReturnUrl(this.router.routerState.snapshot.root.queryParamMap.get('retour'));
      await this.router.navigateByUrl(returnUrl ?? homePathOf(payload.me));
    } catch (error: unknown) {
      // Includes TOO_MANY_ATTEMPTS: the server's message says how long to wait.
      this.showError(this.errors.describe(error).message);
      this.form.controls.password.reset();
    } finally {
      this.pending.set(false);
    }
  }

  /** The alert takes the focus, so the message is read and the form follows it. */
  private showError(message: string): void {
    this.errorMessage.set(message);
    afterNextRender(() => this.errorAlert()?.nativeElement.focus(), { injector: this.injector });
  }
}
