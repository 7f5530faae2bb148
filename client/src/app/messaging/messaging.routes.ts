import type { Routes } from '@angular/router';

/** /messages « Messagerie »: every signed-in user's inbox and « Nouveau message ». */
const messagingRoutes: Routes = [
  {
    path: '',
    title: 'titles.messages',
    loadComponent: () => import('./messages-page'),
  },
];

export default messagingRoutes;
