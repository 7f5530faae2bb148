import type { CurrentUser } from './me.fragment';

/** Where each kind of user lands after signing in. */
export const HOME_PATHS = {
  SUPERVISOR: '/admin',
  SCHOOL_ADMIN: '/admin',
  TEACHER: '/enseignant',
  USER: '/accueil',
} as const satisfies Record<CurrentUser['home'], string>;

export function homePathOf(user: CurrentUser): string {
  return HOME_PATHS[user.home];
}

/** The administration console: school admins and supervisors (ERUN, CPD numérique, operator). */
export function canUseAdministration(user: CurrentUser): boolean {
  return user.home === 'SCHOOL_ADMIN' || user.home === 'SUPERVISOR' || user.functions.length > 0;
}

/** The teacher's space: teachers, and anyone else who has classes (a director who also teaches). */
export function canUseTeacherSpace(user: CurrentUser): boolean {
  return user.home === 'TEACHER' || user.classes.length > 0;
}
