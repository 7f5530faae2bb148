import { Actor } from '../../platform/auth/actor';
import { SqlParams } from '../../platform/database/sql-builder';

/**
 * Beyond this many structures, lists are driven by the name indexes (checking membership per row);
 * below, by the membership index (a school has a few hundred accounts, a circonscription a few
 * thousand): each plan reads only what it must. Measured in bench/search.
 */
export const SMALL_SCOPE_STRUCTURES = 60;

export interface ScopePlan {
  /** A FROM/JOIN-free condition on `u` restricting to the actor's scope ('TRUE' for the operator). */
  condition: string;
  /** True when the query should start from the memberships of a few structures. */
  membershipDriven: boolean;
}

/** The scope condition of the admin console's lists, in SQL. */
export function userScope(actor: Actor, params: SqlParams, restrictTo?: string): ScopePlan {
  if (restrictTo) {
    return { condition: `u.id IN (SELECT us.user_id FROM user_structure us WHERE us.structure_id = ${params.add(restrictTo, 'uuid')})`, membershipDriven: true };
  }
  if (actor.scope.all) return { condition: 'TRUE', membershipDriven: false };
  const ids = actor.scope.structureIds;
  if (ids.length <= SMALL_SCOPE_STRUCTURES) {
    return { condition: `u.id IN (SELECT us.user_id FROM user_structure us WHERE us.structure_id = ANY(${params.add(ids, 'uuid[]')}))`, membershipDriven: true };
  }
  return {
    condition: `EXISTS (SELECT 1 FROM user_structure us WHERE us.user_id = u.id AND us.structure_id = ANY(${params.add(ids, 'uuid[]')}))`,
    membershipDriven: false,
  };
}

/** Structures of the actor's scope, for filtering nested lists (classes, écoles) in SQL. */
export function structureScope(actor: Actor, params: SqlParams, column: string): string {
  return actor.scope.all ? 'TRUE' : `${column} = ANY(${params.add(actor.scope.structureIds, 'uuid[]')})`;
}
