import { Injectable } from '@angular/core';
import { Subject } from 'rxjs';

/**
 * Raised by the Apollo error link when the server answers UNAUTHENTICATED to a signed-in browser
 * (session expired, revoked or account blocked). Kept apart from AuthService so the Apollo
 * providers do not depend on a service that itself depends on Apollo.
 */
@Injectable({ providedIn: 'root' })
export class SessionExpired {
  private readonly expired = new Subject<void>();

  readonly events = this.expired.asObservable();

  notify(): void {
    this.expired.next();
  }
}
