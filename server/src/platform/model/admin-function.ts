/** Administration rights over a structure subtree (OPERATOR: over everything); see platform/auth/scope.ts. */
export enum AdminFunction {
  SCHOOL_ADMIN = 'SCHOOL_ADMIN',
  CIRCONSCRIPTION_ADMIN = 'CIRCONSCRIPTION_ADMIN',
  DEPARTEMENT_ADMIN = 'DEPARTEMENT_ADMIN',
  OPERATOR = 'OPERATOR',
}
