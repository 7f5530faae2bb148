import { DataSource } from 'typeorm';
import { AdminFunction } from '../../modules/directory/admin-function.entity';
import { Profile } from '../../modules/directory/user.entity';
import { Actor } from './actor';
import { FunctionGrant, Scope } from './scope';

interface ActorRow {
  id: string;
  login: string;
  first_name: string;
  last_name: string;
  profile: Profile;
  functions: FunctionGrant[] | null;
  all_scope: boolean;
  structure_ids: string[] | null;
  school_ids: string[] | null;
  class_ids: string[] | null;
}

/**
 * Loads the caller and everything their permissions depend on in ONE round trip: the account (only if
 * it may still sign in: not blocked, not pre-deleted), its functions, the structure subtree they
 * administer (recursive CTE), and the classes they teach.
 */
export async function loadActor(dataSource: DataSource, userId: string): Promise<Actor | null> {
  const rows: ActorRow[] = await dataSource.query(
    `WITH RECURSIVE me AS (
       SELECT id, login, first_name, last_name, profile FROM app_user
        WHERE id = $1 AND predeleted_at IS NULL
          AND (blocked_at IS NULL OR (blocked_until IS NOT NULL AND blocked_until <= now()))
     ), fn AS (
       SELECT f.function, f.structure_id FROM admin_function f JOIN me ON me.id = f.user_id
     ), tree AS (
       SELECT s.id, s.kind FROM structure s JOIN fn ON fn.structure_id = s.id
       UNION
       SELECT c.id, c.kind FROM structure c JOIN tree t ON c.parent_id = t.id
     )
     SELECT me.*,
            (SELECT json_agg(json_build_object('function', function, 'structureId', structure_id)) FROM fn) AS functions,
            EXISTS (SELECT 1 FROM fn WHERE function = '${AdminFunction.OPERATOR}') AS all_scope,
            (SELECT array_agg(id) FROM tree) AS structure_ids,
            (SELECT array_agg(id) FROM tree WHERE kind = 'ECOLE') AS school_ids,
            (SELECT array_agg(cm.class_id) FROM class_member cm WHERE cm.user_id = me.id AND me.profile = '${Profile.TEACHER}') AS class_ids
       FROM me`,
    [userId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    userId: row.id,
    login: row.login,
    firstName: row.first_name,
    lastName: row.last_name,
    profile: row.profile,
    functions: row.functions ?? [],
    scope: new Scope(row.all_scope, row.structure_ids ?? [], row.school_ids ?? []),
    teacherClassIds: row.class_ids ?? [],
  };
}
