import { Actor } from '../../platform/auth/actor';
import { SqlParams } from '../../platform/database/sql-builder';

export interface ScopePlan {
  /** A condition on `u` restricting to the actor's scope ('TRUE' for the operator). */
  condition: string;
  /** True when the query should start from the memberships of a few structures. */
  membershipDriven: boolean;
}

/**
 * The scope condition of the admin console's lists. A small scope (a school, a circonscription)
 * drives the query from its memberships: a few hundred to a few thousand accounts. A large one
 * (département) keeps the name index in charge and checks membership per row, through the closure
 * of the structure tree: two index probes. Measured in bench/search.
 */
export function userScope(actor: Actor, params: SqlParams, restrictTo?: string): ScopePlan {
  if (restrictTo) {
    return { condition: `u.id IN (SELECT us.user_id FROM user_structure us WHERE us.structure_id = ${params.add(restrictTo, 'uuid')})`, membershipDriven: true };
  }
  if (actor.scope.all) return { condition: 'TRUE', membershipDriven: false };
  if (actor.scope.isSmall) {
    return {
      condition: `u.id IN (SELECT us.user_id FROM user_structure us WHERE us.structure_id IN (${actor.scope.structuresSql(params)}))`,
      membershipDriven: true,
    };
  }
  return {
    condition: `EXISTS (SELECT 1 FROM user_structure us JOIN structure_ancestor sa ON sa.structure_id = us.structure_id
                 WHERE us.user_id = u.id AND sa.ancestor_id = ANY(${params.add(actor.scope.rootIds, 'uuid[]')}))`,
    membershipDriven: false,
  };
}
