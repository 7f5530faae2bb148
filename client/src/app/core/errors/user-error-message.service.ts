import { Injectable, inject } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { type UserError, readUserError } from './user-error';

/**
 * Turns any error into something a user can read: the server's own message when there is one,
 * otherwise a translated explanation (server unreachable, unexpected error). Never a stack trace.
 */
@Injectable({ providedIn: 'root' })
export class UserErrorMessageService {
  private readonly transloco = inject(TranslocoService);

  describe(error: unknown): UserError {
    const fromServer = readUserError(error);
    if (fromServer) {
      return fromServer;
    }
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    return {
      message: this.transloco.translate(offline ? 'errors.offline' : 'errors.unreachable'),
      code: offline ? 'OFFLINE' : 'NETWORK',
      fields: {},
    };
  }
}
