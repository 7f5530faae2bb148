import type { Routes } from '@angular/router';
import { signedOutGuard } from '../core/auth/auth.guards';
import { renewalCodeFromAddressGuard } from './renewal/code-from-address.guard';

/**
 * Public pages: signing in, the first connection (activation), a new password with a renewal code
 * (after signing in with it, or from the « Mot de passe oublié » e-mail), and asking for that e-mail.
 */
export const authRoutes: Routes = [
  {
    path: 'connexion',
    title: 'titles.login',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./login/login-page'),
  },
  {
    path: 'mot-de-passe-oublie',
    title: 'titles.forgotPassword',
    loadComponent: () => import('./forgotten-password/forgotten-password-page'),
  },
  {
    path: 'activation',
    title: 'titles.activation',
    loadComponent: () => import('./activation/activation-page'),
  },
  {
    path: 'nouveau-mot-de-passe',
    title: 'titles.renewal',
    canActivate: [renewalCodeFromAddressGuard],
    loadComponent: () => import('./renewal/renewal-page'),
  },
  {
    // The link of the « Mot de passe oublié » e-mail: ?login=…&code=…, read then removed from the address.
    path: 'renouvellement',
    title: 'titles.renewal',
    canActivate: [renewalCodeFromAddressGuard],
    loadComponent: () => import('./renewal/renewal-page'),
  },
];
