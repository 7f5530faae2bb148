import { DataSource } from 'typeorm';
import { AdminFunction } from '../model/admin-function';
import { Profile } from '../model/profile';
import { Actor } from './actor';
import { activityMark } from './activity-mark';
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
  /** Only when loaded by session. */
  session_expires_at?: Date;
}

/**
 * Loads the caller and everything their permissions depend on in ONE round trip: the account (only if
 * it may still sign in: not blocked, not pre-deleted), its functions (the roots of its scope, with
 * how many structures they cover) and the classes they teach.
 */
/** The actor query, starting from `me` (a CTE selecting the one account row). */
function actorQuery(me: string, extraColumns = ''): string {
  return `WITH ${me}, fn AS (
       SELECT f.function, f.structure_id FROM admin_function f JOIN me ON me.id = f.user_id
     )
     SELECT me.id, me.login, me.first_name, me.last_name, me.profile,
            (SELECT json_agg(json_build_object('function', function, 'structureId', structure_id)) FROM fn) AS functions,
            EXISTS (SELECT 1 FROM fn WHERE function = '${AdminFunction.OPERATOR}') AS all_scope,
            (SELECT array_agg(DISTINCT structure_id) FROM fn WHERE structure_id IS NOT NULL) AS root_ids,
            covered.size AS scope_size,
            CASE WHEN covered.size <= ${SMALL_SCOPE_STRUCTURES} THEN covered.ids END AS small_ids,
            (SELECT array_agg(cm.class_id) FROM class_member cm WHERE cm.user_id = me.id AND me.profile = '${Profile.TEACHER}') AS class_ids
            ${extraColumns}
       FROM me,
            LATERAL (SELECT count(DISTINCT sa.structure_id)::int AS size, array_agg(DISTINCT sa.structure_id) AS ids
                       FROM structure_ancestor sa WHERE sa.ancestor_id IN (SELECT structure_id FROM fn)) covered`;
}

const canSignIn = `u.predeleted_at IS NULL AND (u.blocked_at IS NULL OR (u.blocked_until IS NOT NULL AND u.blocked_until <= now()))`;

function toActor(row: ActorRow | undefined): Actor | null {
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

export async function loadActor(dataSource: DataSource, userId: string): Promise<Actor | null> {
  const rows: ActorRow[] = await dataSource.query(
    actorQuery(`me AS (SELECT u.id, u.login, u.first_name, u.last_name, u.profile FROM app_user u WHERE u.id = $1 AND ${canSignIn})`),
    [userId],
  );
  return toActor(rows[0]);
}

/**
 * The same, from a session token hash, in the same single round trip: the live session, its
 * sliding expiry (written at most once a minute), today in the activity mask (the first request of
 * the day of a session opened before), and the actor. Requests go through ActorCache,
 * which calls this when it does not hold the session (or holds it for too long).
 */
export async function loadActorBySession(dataSource: DataSource, tokenHash: string, ttlHours: number): Promise<{ actor: Actor; expiresAt: Date } | null> {
  const rows: ActorRow[] = await dataSource.query(
    actorQuery(`session AS (
         SELECT token_hash, user_id, last_seen_at, expires_at FROM user_session WHERE token_hash = $1 AND expires_at > now()
       ), touched AS (
         UPDATE user_session s SET last_seen_at = now(), expires_at = now() + make_interval(hours => $2)
           FROM session WHERE s.token_hash = session.token_hash AND session.last_seen_at < now() - interval '1 minute'
       ), ${activityMark('session.user_id', 'FROM session')}, me AS (
         SELECT u.id, u.login, u.first_name, u.last_name, u.profile, session.expires_at AS session_expires_at
           FROM app_user u JOIN session ON session.user_id = u.id WHERE ${canSignIn}
       )`, ', me.session_expires_at'),
    [tokenHash, ttlHours],
  );
  const actor = toActor(rows[0]);
  return actor ? { actor, expiresAt: rows[0]!.session_expires_at! } : null;
}
