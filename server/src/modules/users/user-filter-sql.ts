import { Actor } from '../../platform/auth/actor';
import { likePrefix, SqlParams } from '../../platform/database/sql-builder';
import { isUuid } from '../../platform/database/uuid';
import { AppError } from '../../platform/errors/app-error';
import { searchKey } from '../directory';
import { madeByCaller } from '../../platform/auth/caller-made';
import { userScope } from './user-scope-sql';
import { GuardianCoverage, UserFilter } from './users.types';

const C = 'COLLATE "C"';

/**
 * A renewal code (`r`) handed out by an admin or a teacher that expired unused: neither used nor
 * revoked (a newer code revokes it), through the partial index of migration SupervisionChanges.
 * The « Tableau de bord » counts with it too.
 */
export const EXPIRED_RENEWAL_CODE = "r.purpose = 'ADMIN' AND r.used_at IS NULL AND r.revoked_at IS NULL AND r.expires_at <= now()";

/**
 * The user list's filters (« Filtres » and column search) as one SQL condition on `u` (app_user),
 * scope first. Shared by the list, the publipostage selection and the account export, so that the
 * three always agree on which accounts a filter means. The caller checks `filter.structureId`.
 */
export function userFilterCondition(actor: Actor, filter: UserFilter, params: SqlParams): string {
  const scope = userScope(actor, params, filter.structureId ?? undefined);
  const clauses = [scope.condition];
  if (filter.profiles?.length) clauses.push(`u.profile = ANY(${params.add(filter.profiles, 'user_profile[]')})`);
  if (filter.activated === true) clauses.push('u.password_hash IS NOT NULL');
  if (filter.activated === false) clauses.push('u.password_hash IS NULL');
  if (filter.classIds?.length) {
    if (!filter.classIds.every(isUuid)) throw AppError.notFound();
    clauses.push(`u.id IN (SELECT m.user_id FROM class_member m WHERE m.class_id = ANY(${params.add(filter.classIds, 'uuid[]')}))`);
  }
  // « Fonctions » and the class search match within the caller's scope: a function held, or a class
  // taught, in another école would otherwise tell who has it there.
  if (filter.functions?.length) {
    clauses.push(
      `u.id IN (SELECT f.user_id FROM admin_function f WHERE f.function = ANY(${params.add(filter.functions, 'admin_function_kind[]')})
                  AND (f.structure_id IS NULL OR ${actor.scope.contains('f.structure_id', params)}))`,
    );
  }
  const blocked = `(u.blocked_at IS NOT NULL AND (u.blocked_until IS NULL OR u.blocked_until > now()))`;
  if (filter.blocked === true) clauses.push(blocked);
  if (filter.blocked === false) clauses.push(`NOT ${blocked}`);
  // Pre-deleted accounts only show when asked for, as in the guide's lists.
  clauses.push(filter.predeleted === true ? 'u.predeleted_at IS NOT NULL' : 'u.predeleted_at IS NULL');
  // An empty address is no address (« N comptes sans adresse courriel » counts it so too).
  if (filter.hasEmail === true) clauses.push("(u.email IS NOT NULL AND u.email <> '')");
  if (filter.hasEmail === false) clauses.push("(u.email IS NULL OR u.email = '')");
  // The definitions of the « Tableau de bord »'s counts (migration SupervisionCounts), so that a
  // figure and the list it links to have the same total: a guardian counts wherever they are,
  // unless pre-deleted.
  if (filter.guardians) {
    const activated = filter.guardians === GuardianCoverage.ACTIVATED ? ' AND g.password_hash IS NOT NULL' : '';
    const guardian = `SELECT 1 FROM relative_link l JOIN app_user g ON g.id = l.relative_id WHERE l.student_id = u.id AND g.predeleted_at IS NULL${activated}`;
    clauses.push(`u.profile = 'STUDENT' AND ${filter.guardians === GuardianCoverage.NONE ? 'NOT ' : ''}EXISTS (${guardian})`);
  }
  // « Absent du fichier »: marked by an import of an école of the filter (of the scope without one),
  // so that an école's count on the dashboard is its list's total.
  if (typeof filter.absentFromFile === 'boolean') {
    const schools = filter.structureId
      ? `a.school_id IN (SELECT sa.structure_id FROM structure_ancestor sa WHERE sa.ancestor_id = ${params.add(filter.structureId, 'uuid')})`
      : actor.scope.contains('a.school_id', params);
    clauses.push(`${filter.absentFromFile ? '' : 'NOT '}EXISTS (SELECT 1 FROM import_absence a WHERE a.user_id = u.id AND ${schools})`);
  }
  if (typeof filter.renewalCodeExpired === 'boolean') {
    clauses.push(`u.id ${filter.renewalCodeExpired ? '' : 'NOT '}IN (SELECT r.user_id FROM renewal_code r WHERE ${EXPIRED_RENEWAL_CODE})`);
  }
  const lastName = searchKey(filter.lastName ?? '');
  if (lastName) clauses.push(`u.search_last ${C} LIKE ${params.add(likePrefix(lastName))}`);
  const firstName = searchKey(filter.firstName ?? '');
  if (firstName) clauses.push(`u.search_first ${C} LIKE ${params.add(likePrefix(firstName))}`);
  const login = (filter.login ?? '').trim().toLowerCase();
  if (login) clauses.push(`u.id IN (SELECT n.user_id FROM account_name n WHERE n.name ${C} LIKE ${params.add(likePrefix(login))})`);
  const className = (filter.className ?? '').trim().toLowerCase();
  if (className) {
    clauses.push(
      `u.id IN (SELECT m.user_id FROM class_member m JOIN school_class c ON c.id = m.class_id
                 WHERE lower(c.name) LIKE ${params.add(likePrefix(className))} AND ${actor.scope.contains('c.school_id', params)})`,
    );
  }
  if (filter.importId) {
    if (!isUuid(filter.importId)) throw AppError.notFound();
    // The import's created accounts (its outcome, written by « Appliquer »), only the caller's own
    // import; the scope clause above drops those that have left the caller's scope since.
    clauses.push(
      `u.id IN (SELECT (jsonb_array_elements_text(i.outcome -> 'createdUserIds'))::uuid FROM import_session i
                 WHERE i.id = ${params.add(filter.importId, 'uuid')} AND ${madeByCaller(actor, 'i', params)})`,
    );
  }
  return clauses.join(' AND ');
}
