import type { Routes } from '@angular/router';
import { authRoutes } from './auth/auth.routes';
import { homeRedirectGuard, signedInGuard, spaceGuard } from './core/auth/auth.guards';
import { canUseAdministration, canUseClassSettings, canUseTeacherSpace } from './core/auth/home-path';

/** Route titles are translation keys (see TranslatedTitleStrategy). Paths are French, like the product. */
export const routes: Routes = [
  ...authRoutes,
  {
    path: '',
    canActivateChild: [signedInGuard],
    children: [
      { path: '', pathMatch: 'full', canActivate: [homeRedirectGuard], children: [] },
      {
        path: 'admin',
        canActivate: [spaceGuard(canUseAdministration)],
        loadChildren: () => import('./admin/admin.routes'),
      },
      {
        path: 'enseignant',
        canActivate: [spaceGuard(canUseTeacherSpace)],
        loadChildren: () => import('./teacher/teacher.routes'),
      },
      {
        path: 'classes',
        canActivate: [spaceGuard(canUseClassSettings)],
        loadChildren: () => import('./classes/classes.routes'),
      },
      {
        path: 'accueil',
        loadChildren: () => import('./user-space/user-space.routes'),
      },
      {
        path: 'messages',
        loadChildren: () => import('./messaging/messaging.routes'),
      },
    ],
  },
  {
    path: '**',
    title: 'titles.notFound',
    loadComponent: () => import('./shared/not-found/not-found-page'),
  },
];
