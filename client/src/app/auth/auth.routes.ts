import type { Routes } from '@angular/router';
import { signedOutGuard } from '../core/auth/auth.guards';
import { NotAvailablePage } from '../shared/not-available/not-available-page';

/** Public pages: signing in, and the steps of the first connection or of a lost password (not built yet). */
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
    component: NotAvailablePage,
    data: {
      titleKey: 'titles.forgotPassword',
      detailKey: 'notAvailable.forgotPasswordDetail',
      backLink: '/connexion',
      backLabelKey: 'notAvailable.backToLogin',
    },
  },
  {
    path: 'activation',
    title: 'titles.activation',
    component: NotAvailablePage,
    data: {
      titleKey: 'titles.activation',
      detailKey: 'notAvailable.activationDetail',
      backLink: '/connexion',
      backLabelKey: 'notAvailable.backToLogin',
    },
  },
  {
    path: 'nouveau-mot-de-passe',
    title: 'titles.renewal',
    component: NotAvailablePage,
    data: {
      titleKey: 'titles.renewal',
      detailKey: 'notAvailable.renewalDetail',
      backLink: '/connexion',
      backLabelKey: 'notAvailable.backToLogin',
    },
  },
];
