import { AdminFunction } from '../model/admin-function';
import { Profile } from '../model/profile';
import { FunctionGrant, Scope } from './scope';
import type { IntegrationGrant } from './token-scopes';

/** Who is calling: a signed-in user (or, later, an integration token acting within a subtree). */
export interface Actor {
  userId: string;
  login: string;
  firstName: string;
  lastName: string;
  profile: Profile;
  functions: FunctionGrant[];
  /** What the actor administers (empty for users without an admin function). */
  scope: Scope;
  /** Classes the actor teaches: a teacher's own, narrow scope over their pupils. */
  teacherClassIds: string[];
  /** The session token hash, to revoke this session on logout. */
  sessionId?: string;
  /** Set when an integration token calls: its client, scopes and pseudonym key. */
  integration?: IntegrationGrant;
}

const supervisorFunctions = [AdminFunction.CIRCONSCRIPTION_ADMIN, AdminFunction.DEPARTEMENT_ADMIN, AdminFunction.OPERATOR];

export function isAdmin(actor: Actor): boolean {
  return actor.functions.length > 0;
}

export function isSupervisor(actor: Actor): boolean {
  return actor.functions.some((grant) => supervisorFunctions.includes(grant.function));
}

export function hasFunction(actor: Actor, fn: AdminFunction): boolean {
  return actor.functions.some((grant) => grant.function === fn);
}

export function displayName(person: { firstName: string; lastName: string }): string {
  return `${person.lastName.toUpperCase()} ${person.firstName}`;
}
