import { DataSource } from 'typeorm';
import { AdminFunction } from '../../modules/directory/admin-function.entity';
import { Profile } from '../../modules/directory/user.entity';
import { Actor } from './actor';
import { FunctionGrant, Scope, SMALL_SCOPE_STRUCTURES } from './scope';

interface ActorRow {
  id: string;
  login: string;
  first_name: string;
  last_name: string;
  profile: Profile;
  functions: FunctionGrant[] | null;
  all_scope: boolean;
  root_ids: string[] | null;
  scope_size: number;
  small_ids: string[] | null;
  class_ids: string[] | null;
}

/**
 * Loads the caller and everything their permissions depend on in ONE round trip: the account (only if
 * it may still sign in: not blocked, not pre-deleted), its functions (the roots of its scope, with
 * how many structures they cover) and the classes they teach.
 */
export async function loadActor(dataSource: DataSource, userId: string): Promise<Actor | null> {
  const rows: ActorRow[] = await dataSource.query(
    `WITH me AS (
       SELECT id, login, first_name, last_name, profile FROM app_user
        WHERE id = $1 AND predeleted_at IS NULL
          AND (blocked_at IS NULL OR (blocked_until IS NOT NULL AND blocked_until <= now()))
     ), fn AS (
       SELECT f.function, f.structure_id FROM admin_function f JOIN me ON me.id = f.user_id
     )
     SELECT me.*,
            (SELECT json_agg(json_build_object('function', function, 'structureId', structure_id)) FROM fn) AS functions,
            EXISTS (SELECT 1 FROM fn WHERE function = '${AdminFunction.OPERATOR}') AS all_scope,
            (SELECT array_agg(DISTINCT structure_id) FROM fn WHERE structure_id IS NOT NULL) AS root_ids,
            covered.size AS scope_size,
            CASE WHEN covered.size <= ${SMALL_SCOPE_STRUCTURES} THEN covered.ids END AS small_ids,
            (SELECT array_agg(cm.class_id) FROM class_member cm WHERE cm.user_id = me.id AND me.profile = '${Profile.TEACHER}') AS class_ids
       FROM me,
            LATERAL (SELECT count(DISTINCT sa.structure_id)::int AS size, array_agg(DISTINCT sa.structure_id) AS ids
                       FROM structure_ancestor sa WHERE sa.ancestor_id IN (SELECT structure_id FROM fn)) covered`,
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
    scope: new Scope(row.all_scope, row.root_ids ?? [], row.scope_size, row.small_ids ?? (row.scope_size === 0 ? [] : null)),
    teacherClassIds: row.class_ids ?? [],
  };
}
