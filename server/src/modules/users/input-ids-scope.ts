import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../platform/auth/actor';
import { SqlParams } from '../../platform/database/sql-builder';
import { isUuid } from '../../platform/database/uuid';
import { AppError } from '../../platform/errors/app-error';
import { madeByCaller } from '../../platform/auth/caller-made';

/** The ids an input names, each of which must lie in the actor's scope. */
export interface InputIds {
  /** An école or circonscription of the actor's admin scope (`UserFilter.structureId`). */
  structureId?: string | null;
  /** Classes the actor may see: of its admin scope, or taught by it (`UserFilter.classIds`). */
  classIds?: readonly string[] | null;
  /** Classes the actor teaches itself (`CreateMailingInput.teacherClassIds`). */
  taughtClassIds?: readonly string[] | null;
  /** An import session of the actor's own, on an école still in its scope (`UserFilter.importId`). */
  importId?: string | null;
  /** Accounts, each of which must satisfy `condition`, a condition on `u` built with `params`. */
  users?: { ids: readonly string[]; condition: string; params: SqlParams } | null;
}

/**
 * Every id of an input names something the actor may reach, or the whole input answers NOT_FOUND —
 * the same code and message as for an id that does not exist, so that a filter cannot be used to
 * probe another école (« who is in this class? »). One SQL statement for all of them.
 */
export async function assertIdsInScope(db: DataSource | EntityManager, actor: Actor, ids: InputIds): Promise<void> {
  const structureId = ids.structureId ?? null;
  const classIds = [...new Set(ids.classIds ?? [])];
  const taught = [...new Set(ids.taughtClassIds ?? [])];
  const userIds = [...new Set(ids.users?.ids ?? [])];
  const importId = ids.importId ?? null;
  const named = [...(structureId ? [structureId] : []), ...(importId ? [importId] : []), ...classIds, ...taught, ...userIds];
  if (!named.every(isUuid)) throw AppError.notFound();
  // The actor's own classes were read with its rights for this request: no statement needed for them.
  if (!taught.every((id) => actor.teacherClassIds.includes(id))) throw AppError.notFound();
  const params = new SqlParams();
  const checks: string[] = [];
  if (userIds.length > 0) {
    // The condition's placeholders are numbered from $1: its values come first.
    params.values.push(...ids.users!.params.values);
    checks.push(`(SELECT count(*) FROM app_user u WHERE ${ids.users!.condition} AND u.id = ANY(${params.add(userIds, 'uuid[]')})) = ${userIds.length}`);
  }
  if (structureId) {
    checks.push(`EXISTS (SELECT 1 FROM structure s WHERE s.id = ${params.add(structureId, 'uuid')} AND ${actor.scope.contains('s.id', params)})`);
  }
  if (importId) {
    checks.push(
      `EXISTS (SELECT 1 FROM import_session i WHERE i.id = ${params.add(importId, 'uuid')} AND ${madeByCaller(actor, 'i', params)}
                 AND ${actor.scope.contains('i.school_id', params)})`,
    );
  }
  if (classIds.length > 0) {
    const visible = `(${actor.scope.contains('c.school_id', params)} OR c.id = ANY(${params.add(actor.teacherClassIds, 'uuid[]')}))`;
    checks.push(`(SELECT count(*) FROM school_class c WHERE c.id = ANY(${params.add(classIds, 'uuid[]')}) AND ${visible}) = ${classIds.length}`);
  }
  if (checks.length === 0) return;
  const [row] = (await db.query(`SELECT ${checks.join(' AND ')} AS ok`, params.values)) as { ok: boolean }[];
  if (!row.ok) throw AppError.notFound();
}
