import type { Routes } from '@angular/router';

/** /enseignant: the teacher's classes. */
const teacherRoutes: Routes = [
  {
    path: '',
    title: 'titles.teacher',
    loadComponent: () => import('./home/teacher-home-page'),
  },
];

export default teacherRoutes;
