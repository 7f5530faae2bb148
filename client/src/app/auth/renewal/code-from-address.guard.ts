import { inject } from '@angular/core';
import { type CanActivateFn, RedirectCommand, Router } from '@angular/router';
import { CredentialsHandoff } from '../credentials-handoff';

/**
 * The « Mot de passe oublié » e-mail links to `/renouvellement?login=…&code=…`. The login and code
 * are moved into memory, then the same page opens without them in the address bar (replaceUrl),
 * so the code stays out of the history and of anything that reads the URL later.
 */
export const renewalCodeFromAddressGuard: CanActivateFn = (route, state) => {
  const login = route.queryParamMap.get('login')?.trim();
  const code = route.queryParamMap.get('code')?.trim();
  if (!route.queryParamMap.has('login') && !route.queryParamMap.has('code')) {
    return true;
  }
  if (login && code) {
    inject(CredentialsHandoff).handOverCode({ kind: 'renewal', login, code });
  }
  const router = inject(Router);
  const withoutQuery = router.parseUrl(state.url);
  withoutQuery.queryParams = {};
  return new RedirectCommand(withoutQuery, { replaceUrl: true });
};
