import { Actor } from '../../platform/auth/actor';
import { SqlParams } from '../../platform/database/sql-builder';
import { EXPIRED_RENEWAL_CODE } from '../users';

/** Each kept count: its column of supervision_total (and of supervision_count, for an école), for which profile (null: every profile). */
export const TOTAL_COLUMNS = {
  students: ['accounts', 'STUDENT'],
  studentsActivated: ['activated', 'STUDENT'],
  relatives: ['accounts', 'RELATIVE'],
  relativesActivated: ['activated', 'RELATIVE'],
  teachers: ['accounts', 'TEACHER'],
  teachersActivated: ['activated', 'TEACHER'],
  personnel: ['accounts', 'PERSONNEL'],
  personnelActivated: ['activated', 'PERSONNEL'],
  guests: ['accounts', 'GUEST'],
  guestsActivated: ['activated', 'GUEST'],
  pupilsCovered: ['covered', 'STUDENT'],
  pupilsWithoutGuardian: ['without_guardian', 'STUDENT'],
  relativesWithoutEmail: ['without_email', 'RELATIVE'],
  blocked: ['blocked', null],
  predeleted: ['predeleted', null],
} as const satisfies Record<string, readonly [string, string | null]>;

export type TotalCount = keyof typeof TOTAL_COLUMNS | 'pendingReports' | 'absentFromFile' | 'renewalCodesExpired';

export interface TotalRow extends Record<TotalCount, number> {
  id: string;
  name: string;
  oldest_pending_report_at: Date | null;
}

/**
 * The figures of structures above écoles (circonscriptions, a département), each person of their
 * écoles counted once: the kept counts of supervision_total (migration SupervisionTotals), summed
 * over their home écoles, a few rows per école. What a clock or another module keeps is counted
 * here, small and through indexes: blocks run out (supervision_person's partial index), pending
 * reports (each once, whichever of the structure's écoles it reached), absent accounts and
 * expired codes (each account once).
 *
 * For the view's total (`totalId`) and the circonscriptions of its écoles, but only those whose
 * écoles are all in the view: in scope, and under the structure asked for if any — a director never
 * reads their circonscription's total.
 */
export function totalsSql(actor: Actor, totalId: string | null, underSql: (column: string) => string, params: SqlParams): string {
  const counts = Object.entries(TOTAL_COLUMNS)
    .map(([key, [column, profile]]) => `COALESCE(sum(t.${column})${profile ? ` FILTER (WHERE t.profile = '${profile}')` : ''}, 0)::int AS "${key}"`)
    .join(',\n              ');
  const keys = Object.keys(TOTAL_COLUMNS).filter((key) => key !== 'blocked');
  return `WITH a AS MATERIALIZED (
         SELECT s.id, s.name FROM structure s
          WHERE s.kind <> 'ECOLE' AND ${underSql('s.id')} AND ${actor.scope.contains('s.id', params)}
            AND (s.id = ${params.add(totalId, 'uuid')}
                 OR s.kind = 'CIRCONSCRIPTION' AND s.id IN (SELECT e.parent_id FROM structure e WHERE e.kind = 'ECOLE' AND ${underSql('e.id')} AND ${actor.scope.contains('e.id', params)}))
       ), counts AS (
         SELECT t.ancestor_id,
              ${counts}
           FROM supervision_total t WHERE t.ancestor_id IN (SELECT id FROM a) GROUP BY t.ancestor_id
       ), ended_blocks AS (
         SELECT p.ancestor_id, count(*)::int AS n FROM supervision_person p
          WHERE p.ancestor_id IN (SELECT id FROM a) AND p.blocked AND NOT p.predeleted AND p.blocked_until IS NOT NULL AND p.blocked_until <= now()
          GROUP BY p.ancestor_id
       ), reports AS (
         SELECT sa.ancestor_id, count(DISTINCT r.id)::int AS n, min(r.created_at) AS oldest
           FROM report r CROSS JOIN LATERAL unnest(r.structure_ids) s(id)
           JOIN structure e ON e.id = s.id AND e.kind = 'ECOLE'
           JOIN structure_ancestor sa ON sa.structure_id = e.id AND sa.ancestor_id IN (SELECT id FROM a)
          WHERE r.status = 'PENDING'
          GROUP BY sa.ancestor_id
       ), absent AS (
         SELECT sa.ancestor_id, count(DISTINCT x.user_id)::int AS n
           FROM import_absence x JOIN supervision_member m ON m.user_id = x.user_id AND m.structure_id = x.school_id AND NOT m.predeleted
           JOIN structure_ancestor sa ON sa.structure_id = x.school_id AND sa.ancestor_id IN (SELECT id FROM a)
          GROUP BY sa.ancestor_id
       ), renewals AS (
         -- From the expired codes (a few thousand) to their holders' memberships, probed per holder
         -- (OFFSET 0 keeps the probe: flattened, the planner read every membership of the
         -- département's écoles to match them, over a second on the million accounts).
         SELECT sa.ancestor_id, count(DISTINCT h.user_id)::int AS n
           FROM (SELECT DISTINCT r.user_id FROM renewal_code r WHERE ${EXPIRED_RENEWAL_CODE}) h
           CROSS JOIN LATERAL (SELECT m.structure_id FROM supervision_member m WHERE m.user_id = h.user_id AND NOT m.predeleted OFFSET 0) m
           JOIN structure e ON e.id = m.structure_id AND e.kind = 'ECOLE'
           JOIN structure_ancestor sa ON sa.structure_id = m.structure_id
          WHERE sa.ancestor_id IN (SELECT id FROM a)
          GROUP BY sa.ancestor_id
       )
       SELECT a.id, a.name, ${keys.map((key) => `COALESCE(k."${key}", 0) AS "${key}"`).join(', ')},
              COALESCE(k.blocked, 0) - COALESCE(b.n, 0) AS blocked,
              COALESCE(r.n, 0) AS "pendingReports", r.oldest AS oldest_pending_report_at,
              COALESCE(x.n, 0) AS "absentFromFile", COALESCE(rc.n, 0) AS "renewalCodesExpired"
         FROM a LEFT JOIN counts k ON k.ancestor_id = a.id LEFT JOIN ended_blocks b ON b.ancestor_id = a.id
         LEFT JOIN reports r ON r.ancestor_id = a.id LEFT JOIN absent x ON x.ancestor_id = a.id LEFT JOIN renewals rc ON rc.ancestor_id = a.id
        ORDER BY a.name, a.id`;
}
