import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { GraphqlWsConnection } from '../graphql/graphql-ws-connection';
import { LOGOUT_MUTATION } from './logout.mutation';
import { safeReturnUrl } from './return-url';
import type { CurrentUser } from './me.fragment';
import { ME_QUERY } from './me.query';
import { SessionDrafts } from './session-drafts';
import { SessionExpired } from './session-expired';

/**
 * Who is signed in on this browser. `currentUser` is undefined until the server has been asked,
 * then the user or null. Sign-in itself is done by the login page, which hands the user over.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly apollo = inject(Apollo);
  private readonly router = inject(Router);
  private readonly wsConnection = inject(GraphqlWsConnection);
  private readonly drafts = inject(SessionDrafts);
  private readonly closedElsewhere = signal(false);
  private readonly user = signal<CurrentUser | null | undefined>(undefined);
  private pendingLoad: Promise<CurrentUser | null> | null = null;

  readonly currentUser = this.user.asReadonly();
  readonly isSignedIn = computed(() => !!this.user());
  /** The session was closed by the server (blocked, signed out elsewhere, expired): the sign-in page says so. */
  readonly sessionClosed = this.closedElsewhere.asReadonly();

  constructor() {
    inject(SessionExpired)
      .events.pipe(takeUntilDestroyed())
      .subscribe(() => void this.sessionEndedByServer());
  }

  /** The signed-in user, asking the server once per page load (guards call this on every navigation). */
  loadCurrentUser(): Promise<CurrentUser | null> {
    const known = this.user();
    if (known !== undefined) {
      return Promise.resolve(known);
    }
    this.pendingLoad ??= firstValueFrom(this.apollo.query({ query: ME_QUERY, fetchPolicy: 'network-only' }))
      .then((result) => result.data?.me ?? null)
      // Server unreachable: behave as signed out; the login page will say what is wrong.
      .catch(() => null)
      .then((me) => {
        this.pendingLoad = null;
        this.user.set(me);
        return me;
      });
    return this.pendingLoad;
  }

  /** Called by the login page once the server has opened the session. */
  signedIn(user: CurrentUser): void {
    // The live connection was opened (if ever) with the previous cookie: reopen it on next use.
    this.wsConnection.close();
    this.closedElsewhere.set(false);
    this.drafts.keepOnlyFor(user.id);
    this.user.set(user);
  }

  /** « Se déconnecter »: ends the session on the server, forgets every cached data, back to /connexion. */
  async signOut(): Promise<void> {
    // Closed first: the server's 4401 for this very logout must not read as a session closed elsewhere.
    this.wsConnection.close();
    try {
      await firstValueFrom(this.apollo.mutate({ mutation: LOGOUT_MUTATION }));
    } finally {
      await this.endSession();
    }
  }

  /**
   * The open page is left for /connexion, which says « Votre session a été fermée » and comes back
   * here after signing in; what was being typed is kept (SessionDrafts). Once per session: the socket
   * closing and the HTTP answers that follow all report the same end.
   */
  private async sessionEndedByServer(): Promise<void> {
    const user = this.user();
    if (!user) return;
    const url = this.router.url;
    this.drafts.keepFrom(user.id, url);
    this.closedElsewhere.set(true);
    this.user.set(null);
    this.wsConnection.close();
    await this.apollo.client.clearStore();
    await this.router.navigate(['/connexion'], { queryParams: safeReturnUrl(url) ? { retour: url } : {} });
  }

  private async endSession(): Promise<void> {
    this.user.set(null);
    this.wsConnection.close();
    await this.apollo.client.clearStore();
    await this.router.navigateByUrl('/connexion');
  }
}
