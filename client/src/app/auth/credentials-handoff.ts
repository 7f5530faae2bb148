import { Injectable, signal } from '@angular/core';

/** What the login page learnt when the "password" typed was a code: the next page needs both. */
export interface PendingCode {
  readonly kind: 'activation' | 'renewal';
  readonly login: string;
  readonly code: string;
}

/** A message for the login page once a flow is finished, with the login to prefill. */
export interface LoginNotice {
  readonly messageKey: string;
  readonly login: string;
}

/**
 * Carries a login and its activation / renewal code from one public page to the next, in memory
 * only: never in the address bar, the history state or any storage, so a reload forgets it.
 * Each value is read once (`take…`), then cleared.
 */
@Injectable({ providedIn: 'root' })
export class CredentialsHandoff {
  private readonly pendingCode = signal<PendingCode | null>(null);
  private readonly loginNotice = signal<LoginNotice | null>(null);

  handOverCode(pending: PendingCode): void {
    this.pendingCode.set(pending);
  }

  /** The pending code of that kind, if any; forgotten as soon as it is read. */
  takeCode(kind: PendingCode['kind']): PendingCode | null {
    const pending = this.pendingCode();
    this.pendingCode.set(null);
    return pending?.kind === kind ? pending : null;
  }

  leaveLoginNotice(notice: LoginNotice): void {
    this.loginNotice.set(notice);
  }

  takeLoginNotice(): LoginNotice | null {
    const notice = this.loginNotice();
    this.loginNotice.set(null);
    return notice;
  }
}
