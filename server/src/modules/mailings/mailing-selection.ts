import { Actor } from '../../platform/auth/actor';
import { SqlParams } from '../../platform/database/sql-builder';
import { AppError } from '../../platform/errors/app-error';
import { userFilterCondition, userScope, UserFilter } from '../users';
import { CreateMailingInput, MailingSortKey } from './mailings.types';
import { adminReach, classInReach, Reach, ReachSql } from './sheet-reach-sql';

const C = 'COLLATE "C"';

/**
 * The class an account sorts under: a pupil's (or teacher's) class, a parent's first child's class,
 * among the classes in reach (a class of another école never orders, nor shows on, the sheets);
 * accounts without one come last ('~' sorts after letters and digits in the C collation).
 */
function classKey(reach: ReachSql): string {
  return `COALESCE(CASE WHEN u.profile = 'RELATIVE'
    THEN (SELECT min(c.name ${C}) FROM relative_link rl JOIN class_member m ON m.user_id = rl.student_id
            JOIN school_class c ON c.id = m.class_id WHERE rl.relative_id = u.id AND ${classInReach(reach, 'c')})
    ELSE (SELECT min(c.name ${C}) FROM class_member m JOIN school_class c ON c.id = m.class_id
           WHERE m.user_id = u.id AND ${classInReach(reach, 'c')}) END, '~')`;
}

/** « Par … Puis par … », then alphabetical (last name, first name), then id for a total order. */
export function mailingOrder(sortBy: readonly MailingSortKey[] | null | undefined, reach: ReachSql): string {
  const sql: Record<MailingSortKey, string> = {
    [MailingSortKey.PROFILE]: 'u.profile',
    [MailingSortKey.CLASS]: `${classKey(reach)} ${C}`,
  };
  const keys = [...new Set(sortBy ?? [])].slice(0, 2).map((key) => sql[key]);
  return [...keys, `u.search_last ${C}`, `u.search_first ${C}`, 'u.id'].join(', ');
}

/**
 * Pupils of these classes and their parents: what a teacher may print. The caller has checked the
 * classes are the actor's own.
 */
function familiesOf(classIds: string): string {
  return `(u.id IN (SELECT m.user_id FROM class_member m JOIN app_user p ON p.id = m.user_id
                     WHERE m.class_id = ANY(${classIds}) AND p.profile = 'STUDENT')
           OR u.id IN (SELECT rl.relative_id FROM relative_link rl JOIN class_member m ON m.user_id = rl.student_id
                        WHERE m.class_id = ANY(${classIds})))`;
}

/**
 * Which accounts a mailing covers, as one SQL condition on `u`, scope included, and the reach its
 * sheets are printed with:
 * - a filter (the admin console's list filters, within the actor's admin scope or the chosen école);
 * - or a teacher's own classes (their pupils and those pupils' parents; those classes only);
 * - optionally narrowed to some accounts (`userIds`), each of which must be reachable either way.
 * The caller checks every id of the input first (assertIdsInScope): out of scope is NOT_FOUND.
 */
export function selectionCondition(
  actor: Actor,
  input: Pick<CreateMailingInput, 'filter' | 'userIds' | 'teacherClassIds'>,
  params: SqlParams,
): { condition: string; reach: Reach } {
  const clauses: string[] = ['u.predeleted_at IS NULL'];
  const teacherClasses = input.teacherClassIds ?? [];
  const userIds = input.userIds ?? [];
  let reach: Reach;
  if (teacherClasses.length > 0) {
    reach = { rootIds: [], classIds: [...teacherClasses] };
    clauses.push(familiesOf(params.add(teacherClasses, 'uuid[]')));
    const filter = input.filter ?? {};
    if (filter.activated === false) clauses.push('u.password_hash IS NULL');
    if (filter.activated === true) clauses.push('u.password_hash IS NOT NULL');
    if (filter.profiles?.length) clauses.push(`u.profile = ANY(${params.add(filter.profiles, 'user_profile[]')})`);
  } else if (userIds.length > 0 && !input.filter) {
    // An individual sheet: reachable as an admin, or as the teacher of the pupil (or of a child).
    // Only conditions that are used may add parameters (an unused one has no type for PostgreSQL).
    const admin = actor.scope.isEmpty ? 'FALSE' : userScope(actor, params).condition;
    const taught = actor.teacherClassIds.length > 0 ? familiesOf(params.add(actor.teacherClassIds, 'uuid[]')) : 'FALSE';
    clauses.push(`(${admin} OR ${taught})`);
    reach = { rootIds: adminReach(actor).rootIds, classIds: [...actor.teacherClassIds] };
  } else {
    if (actor.scope.isEmpty) throw AppError.notFound();
    clauses.push(userFilterCondition(actor, { ...(input.filter ?? {}), predeleted: false } as UserFilter, params));
    reach = adminReach(actor, input.filter?.structureId);
  }
  if (userIds.length > 0) clauses.push(`u.id = ANY(${params.add(userIds, 'uuid[]')})`);
  return { condition: clauses.join(' AND '), reach };
}
