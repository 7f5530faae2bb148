import { Actor } from '../../platform/auth/actor';
import { SqlParams } from '../../platform/database/sql-builder';

/**
 * Where the derived data of a sheet, an e-mail or a CSV row (école, classes, children, parents) may
 * come from: what the caller reached the account through. A parent of two écoles printed by the
 * director of one is printed with that école, its classes and his children there, nothing else.
 */
export interface Reach {
  /** Structures under these roots (null: every structure, for the operator). */
  rootIds: string[] | null;
  /** And these classes (a teacher's), with their pupils and their école. */
  classIds: string[];
}

/** The same, as two SQL expressions of type uuid[]: parameters, or a mailing's frozen columns. */
export interface ReachSql {
  roots: string;
  classes: string;
}

/**
 * An admin's reach: its scope, or only the structure it chose (`UserFilter.structureId`, already
 * checked to lie in that scope) — a mailing's école is the one printed.
 */
export function adminReach(actor: Actor, structureId?: string | null): Reach {
  if (structureId) return { rootIds: [structureId], classIds: [] };
  return { rootIds: actor.scope.all ? null : [...actor.scope.rootIds], classIds: [] };
}

export function reachParams(reach: Reach, params: SqlParams): ReachSql {
  return { roots: params.add(reach.rootIds, 'uuid[]'), classes: params.add(reach.classIds, 'uuid[]') };
}

/** The reach frozen on a mailing row aliased `mg` (SheetSource prints without the actor). */
export const MAILING_REACH: ReachSql = { roots: 'mg.scope_root_ids', classes: 'mg.scope_class_ids' };

/** A probe of the closure's (structure_id, ancestor_id) index per row, as Scope.contains does. */
function underRoots(reach: ReachSql, structureId: string): string {
  return `(${reach.roots} IS NULL OR EXISTS (SELECT 1 FROM structure_ancestor sa_reach
            WHERE sa_reach.structure_id = ${structureId} AND sa_reach.ancestor_id = ANY(${reach.roots})))`;
}

/** Class `alias` (a school_class) may be named. */
export function classInReach(reach: ReachSql, alias: string): string {
  return `(${underRoots(reach, `${alias}.school_id`)} OR ${alias}.id = ANY(${reach.classes}))`;
}

/** Structure `alias` may be named. */
export function structureInReach(reach: ReachSql, alias: string): string {
  return `(${underRoots(reach, `${alias}.id`)} OR ${alias}.id IN (SELECT rc.school_id FROM school_class rc WHERE rc.id = ANY(${reach.classes})))`;
}

/** The account `userId` (an SQL expression) may be named: a member of a structure or class in reach. */
export function personInReach(reach: ReachSql, userId: string): string {
  return `(EXISTS (SELECT 1 FROM user_structure us_reach WHERE us_reach.user_id = ${userId} AND ${underRoots(reach, 'us_reach.structure_id')})
           OR EXISTS (SELECT 1 FROM class_member m_reach WHERE m_reach.user_id = ${userId} AND m_reach.class_id = ANY(${reach.classes})))`;
}
