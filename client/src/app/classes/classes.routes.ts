import type { Routes } from '@angular/router';

/** /classes/:id: « Paramétrage de la classe », for the class's teachers and the école's admins. */
const classesRoutes: Routes = [
  {
    path: ':id',
    title: 'titles.classSettings',
    loadComponent: () => import('./class-settings-page'),
  },
];

export default classesRoutes;
