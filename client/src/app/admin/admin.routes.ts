import type { Routes } from '@angular/router';
import { spaceGuard } from '../core/auth/auth.guards';
import { canManageApiClients, isOperator } from '../core/auth/home-path';

/** /admin: the administration console of school admins and supervisors. */
const adminRoutes: Routes = [
  {
    path: '',
    title: 'titles.admin',
    loadComponent: () => import('./home/admin-home-page'),
  },
  {
    path: 'utilisateurs',
    title: 'titles.users',
    loadComponent: () => import('./users/list/user-list-page'),
  },
  {
    path: 'utilisateurs/nouveau',
    title: 'titles.createUser',
    loadComponent: () => import('./users/create/create-user-page'),
  },
  {
    path: 'utilisateurs/:id',
    title: 'titles.userRecord',
    loadComponent: () => import('./users/record/user-record-page'),
  },
  {
    path: 'signalements',
    title: 'titles.reports',
    loadComponent: () => import('./reports/reports-page'),
  },
  {
    path: 'importer-des-utilisateurs',
    title: 'titles.importUsers',
    loadComponent: () => import('./imports/import-users-page'),
  },
  {
    path: 'exporter-des-comptes',
    title: 'titles.exportAccounts',
    loadComponent: () => import('./exports/export-accounts-page'),
  },
  {
    path: 'publipostage-des-comptes',
    title: 'titles.mailing',
    loadComponent: () => import('./mailing/mailing-page'),
  },
  {
    path: 'courriels',
    title: 'titles.outbox',
    canActivate: [spaceGuard(isOperator)],
    loadComponent: () => import('./outbox/outbox-page'),
  },
  {
    path: 'applications-connectees',
    title: 'titles.apiClients',
    canActivate: [spaceGuard(canManageApiClients)],
    loadComponent: () => import('./api-clients/api-clients-page'),
  },
  {
    path: 'developpeurs',
    title: 'titles.developers',
    loadComponent: () => import('./developers/developers-page'),
  },
  {
    path: 'tableau-de-bord',
    title: 'titles.supervision',
    loadComponent: () => import('./supervision/supervision-page'),
  },
];

export default adminRoutes;
