import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../platform/auth/actor';
import { isUuid } from '../../platform/database/uuid';
import { SqlParams } from '../../platform/database/sql-builder';
import { AppError } from '../../platform/errors/app-error';
import { Profile } from '../../platform/model/profile';

/** Who may act on an account: its admins only, or also the teacher of a pupil's class. */
export type AccessMode = 'administer' | 'administer-or-teach';

export interface TargetUser {
  id: string;
  login: string;
  firstName: string;
  lastName: string;
  profile: Profile;
  activated: boolean;
  blocked: boolean;
  predeleted: boolean;
}

/**
 * The account `userId` if the actor may act on it, else NOT_FOUND — the same answer as for an id
 * that does not exist. The scope test is one indexed EXISTS in SQL. `forUpdate` locks the row for
 * the rest of the transaction (pass its manager).
 */
export async function findAccessibleUser(
  db: DataSource | EntityManager,
  actor: Actor,
  userId: string,
  mode: AccessMode,
  forUpdate = false,
): Promise<TargetUser> {
  if (!isUuid(userId)) throw AppError.notFound();
  const params = new SqlParams();
  const id = params.add(userId, 'uuid');
  const inScope = actor.scope.contains('us.structure_id', params);
  const teaches = params.add(mode === 'administer-or-teach', 'boolean');
  const classes = params.add(actor.teacherClassIds, 'uuid[]');
  const rows: {
    id: string;
    login: string;
    first_name: string;
    last_name: string;
    profile: Profile;
    activated: boolean;
    blocked: boolean;
    predeleted: boolean;
  }[] = await db.query(
    `SELECT u.id, u.login, u.first_name, u.last_name, u.profile,
            (u.password_hash IS NOT NULL) AS activated,
            (u.blocked_at IS NOT NULL AND (u.blocked_until IS NULL OR u.blocked_until > now())) AS blocked,
            (u.predeleted_at IS NOT NULL) AS predeleted
       FROM app_user u
      WHERE u.id = ${id}
        AND (EXISTS (SELECT 1 FROM user_structure us WHERE us.user_id = u.id AND ${inScope})
             OR ${actor.scope.all ? 'TRUE' : 'FALSE'}
             OR (${teaches} AND u.profile = 'STUDENT'
                 AND EXISTS (SELECT 1 FROM class_member cm WHERE cm.user_id = u.id AND cm.class_id = ANY(${classes}))))
      ${forUpdate ? 'FOR UPDATE OF u' : ''}`,
    params.values,
  );
  const row = rows[0];
  if (!row) throw AppError.notFound();
  return {
    id: row.id,
    login: row.login,
    firstName: row.first_name,
    lastName: row.last_name,
    profile: row.profile,
    activated: row.activated,
    blocked: row.blocked,
    predeleted: row.predeleted,
  };
}
