import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { AuthService } from './auth.service';
import { homePathOf } from './home-path';
import type { CurrentUser } from './me.fragment';

/** Signed-in pages: anyone else goes to /connexion, and comes back here after signing in. */
export const signedInGuard: CanActivateFn = async (_route, state) => {
  const router = inject(Router);
  const user = await inject(AuthService).loadCurrentUser();
  return user ? true : router.createUrlTree(['/connexion'], { queryParams: returnQuery(state.url) });
};

/** The login page: a signed-in user goes straight to their home. */
export const signedOutGuard: CanActivateFn = async () => {
  const router = inject(Router);
  const user = await inject(AuthService).loadCurrentUser();
  return user ? router.parseUrl(homePathOf(user)) : true;
};

/** A space restricted to some users (administration, teacher): others land on their own home. */
export function spaceGuard(canUse: (user: CurrentUser) => boolean): CanActivateFn {
  return async () => {
    const router = inject(Router);
    const user = await inject(AuthService).loadCurrentUser();
    if (!user) {
      return router.parseUrl('/connexion');
    }
    return canUse(user) ? true : router.parseUrl(homePathOf(user));
  };
}

/** `/`: each user's home. */
export const homeRedirectGuard: CanActivateFn = async () => {
  const router = inject(Router);
  const user = await inject(AuthService).loadCurrentUser();
  return router.parseUrl(user ? homePathOf(user) : '/connexion');
};

function returnQuery(url: string): Record<string, string> {
  return url && url !== '/' ? { retour: url } : {};
}
