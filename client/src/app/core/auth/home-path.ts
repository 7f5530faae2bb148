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
  // Teachers only (a director who teaches too has home SCHOOL_ADMIN): pupils have classes as well.
  return user.profile === 'TEACHER';
}

/** « Paramétrage de la classe »: the teachers of a class and the admins of its école (the server checks which). */
export function canUseClassSettings(user: CurrentUser): boolean {
  return canUseTeacherSpace(user) || canUseAdministration(user);
}

/** The platform operator (demo tools such as the outbox of e-mails). */
export function isOperator(user: CurrentUser): boolean {
  return user.functions.some((grant) => grant.function === 'OPERATOR');
}

/** « Applications connectées » (API clients): département admins and the operator. */
export function canManageApiClients(user: CurrentUser): boolean {
  return user.functions.some((grant) => grant.function === 'OPERATOR' || grant.function === 'DEPARTEMENT_ADMIN');
}
