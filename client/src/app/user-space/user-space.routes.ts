import type { Routes } from '@angular/router';

/** /accueil: every signed-in user's own space. */
const userSpaceRoutes: Routes = [
  {
    path: '',
    title: 'titles.userHome',
    loadComponent: () => import('./home/user-home-page'),
  },
];

export default userSpaceRoutes;
