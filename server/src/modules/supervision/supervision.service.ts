import { DataSource } from 'typeorm';
import { Actor } from '../../platform/auth/actor';
import { SqlParams } from '../../platform/database/sql-builder';
import { AppError } from '../../platform/errors/app-error';
import { structureInScope } from '../directory';
import { EXPIRED_RENEWAL_CODE } from '../users';
import { maskedActives } from './activity-mask';
import { Profile } from '../../platform/model/profile';
import { SupervisionRow, SupervisionView } from './supervision.types';
import { TOTAL_COLUMNS, TotalRow, totalsSql } from './supervision-totals';

/** The « Actifs » fields of a row, per profile, from the roll-ups (not from supervision_count). */
const ACTIVE_PREFIX: Record<Profile, string> = { STUDENT: 'students', RELATIVE: 'relatives', TEACHER: 'teachers', PERSONNEL: 'personnel', GUEST: 'guests' } as Record<Profile, string>;
type ActiveKey = `${'students' | 'relatives' | 'teachers' | 'personnel' | 'guests'}Active${7 | 30}`;
const ACTIVE_KEYS = Object.values(ACTIVE_PREFIX).flatMap((prefix) => [`${prefix}Active7`, `${prefix}Active30`]) as ActiveKey[];

/** The last import's fields: an école's own, never summed. */
const IMPORT_KEYS = ['lastImportAt', 'lastImportCreated', 'lastImportModified', 'lastImportLeavers', 'unappliedImportAt'] as const;
type ImportKey = (typeof IMPORT_KEYS)[number];

type Counted = Omit<SupervisionRow, 'id' | 'name' | 'code' | 'circonscriptionId' | 'oldestPendingReportAt' | ActiveKey | ImportKey>;

/**
 * Each count of a row: its column of supervision_count, for which profile (null: every profile) —
 * the same columns as supervision_total's — or null for what is counted when read.
 */
const PER_PROFILE: Record<keyof Counted, readonly [string, string | null] | null> = {
  ...TOTAL_COLUMNS,
  pendingReports: null,
  absentFromFile: null,
  renewalCodesExpired: null,
};
const COUNTED = Object.keys(PER_PROFILE) as (keyof Counted)[];

interface ActivityRow {
  structure_id: string;
  day: string;
  profile: Profile;
  accounts: number;
  active_7: number;
  active_30: number;
}

interface Row extends Record<keyof Counted, number> {
  id: string;
  name: string;
  code: string | null;
  circonscription_id: string | null;
  circonscription_name: string | null;
  oldest_pending_report_at: Date | null;
  last_import_at: Date | null;
  last_import_created: number | null;
  last_import_modified: number | null;
  last_import_leavers: number | null;
  unapplied_import_at: Date | null;
  now: Date;
}

/**
 * « Tableau de bord »: one row per école of the caller's scope, read from the counts PostgreSQL keeps
 * per (école, profile) (migration SupervisionCounts): a few rows per école whatever its size. Only
 * what a clock changes or another module keeps is counted here, each small and read through an
 * index: temporary blocks that have run out, pending reports, renewal codes expired unused, the
 * imports' absent accounts and last import. The circonscriptions' rows and the view's total count
 * each person once (supervision-totals.ts, migration SupervisionTotals).
 */
export class SupervisionService {
  constructor(private readonly dataSource: DataSource) {}

  async dashboard(actor: Actor, structureId: string | null): Promise<SupervisionView> {
    if (actor.scope.isEmpty) throw AppError.notFound();
    if (structureId !== null && !(await structureInScope(this.dataSource, actor, structureId))) throw AppError.notFound();
    const params = new SqlParams();
    const totalId = this.totalOf(actor, structureId);
    // The actives and the totals are read at the same time, on other connections: the statements overlap.
    const activity = this.activity(actor, structureId, totalId);
    const totals = this.totals(actor, structureId, totalId);
    // Awaited below: a failure of the counts must not leave the others' rejections unhandled.
    activity.catch(() => undefined);
    totals.catch(() => undefined);
    const under = this.under(structureId, params);
    const counts = COUNTED.filter((key) => PER_PROFILE[key] !== null)
      .map((key) => {
        const [column, profile] = PER_PROFILE[key]!;
        const sum = `COALESCE(sum(k.${column})${profile ? ` FILTER (WHERE k.profile = '${profile}')` : ''}, 0)::int`;
        return `${sum} AS "${key}"`;
      })
      .join(',\n              ');
    const rows: Row[] = await this.planned(
      actor,
      `WITH ecoles AS MATERIALIZED (
         SELECT e.id, e.name, e.code, c.id AS circonscription_id, c.name AS circonscription_name
           FROM structure e LEFT JOIN structure c ON c.id = e.parent_id AND c.kind = 'CIRCONSCRIPTION'
          WHERE e.kind = 'ECOLE' AND ${under} AND ${actor.scope.contains('e.id', params)}
       ), counts AS (
         SELECT k.structure_id,
              ${counts}
           FROM supervision_count k WHERE k.structure_id IN (SELECT id FROM ecoles) GROUP BY k.structure_id
       ), ended_blocks AS (
         SELECT m.structure_id, count(*)::int AS n FROM supervision_member m
          WHERE m.blocked AND NOT m.predeleted AND m.blocked_until IS NOT NULL AND m.blocked_until <= now()
            AND m.structure_id IN (SELECT id FROM ecoles)
          GROUP BY m.structure_id
       ), reports AS (
         SELECT s.id AS structure_id, count(*)::int AS n, min(r.created_at) AS oldest
           FROM report r CROSS JOIN LATERAL unnest(r.structure_ids) s(id)
          WHERE r.status = 'PENDING' AND s.id IN (SELECT id FROM ecoles)
          GROUP BY s.id
       ), absent AS (
         -- The user list's « Absent du fichier » for the école: its members marked by its imports.
         SELECT a.school_id AS structure_id, count(*)::int AS n
           FROM import_absence a JOIN supervision_member m ON m.user_id = a.user_id AND m.structure_id = a.school_id
          WHERE NOT m.predeleted AND a.school_id IN (SELECT id FROM ecoles)
          GROUP BY a.school_id
       ), renewals AS (
         ${this.expiredCodes(actor)}
       ), last_import AS (
         SELECT DISTINCT ON (s.school_id) s.school_id AS structure_id, s.applied_at, s.outcome
           FROM import_session s WHERE s.status = 'APPLIED' AND s.school_id IN (SELECT id FROM ecoles)
          ORDER BY s.school_id, s.applied_at DESC
       ), unapplied AS (
         SELECT s.school_id AS structure_id, max(s.created_at) AS created_at
           FROM import_session s WHERE s.status = 'DRY_RUN' AND s.school_id IN (SELECT id FROM ecoles)
          GROUP BY s.school_id
       )
       SELECT e.id, e.name, e.code, e.circonscription_id, e.circonscription_name, now() AS now,
              ${COUNTED.filter((key) => PER_PROFILE[key] !== null && key !== 'blocked').map((key) => `COALESCE(k."${key}", 0) AS "${key}"`).join(', ')},
              COALESCE(k.blocked, 0) - COALESCE(b.n, 0) AS blocked,
              COALESCE(r.n, 0) AS "pendingReports", r.oldest AS oldest_pending_report_at,
              COALESCE(a.n, 0) AS "absentFromFile", COALESCE(rc.n, 0) AS "renewalCodesExpired",
              i.applied_at AS last_import_at, (i.outcome->>'created')::int AS last_import_created,
              (i.outcome->>'modified')::int AS last_import_modified, (i.outcome->>'leavers')::int AS last_import_leavers,
              CASE WHEN i.applied_at IS NULL OR d.created_at > i.applied_at THEN d.created_at END AS unapplied_import_at
         FROM ecoles e LEFT JOIN counts k ON k.structure_id = e.id
         LEFT JOIN ended_blocks b ON b.structure_id = e.id LEFT JOIN reports r ON r.structure_id = e.id
         LEFT JOIN absent a ON a.structure_id = e.id LEFT JOIN renewals rc ON rc.structure_id = e.id
         LEFT JOIN last_import i ON i.structure_id = e.id LEFT JOIN unapplied d ON d.structure_id = e.id
        ORDER BY e.circonscription_name NULLS LAST, e.name, e.id`,
      params.values,
    );
    const ecoles = rows.map((row) => this.row(row));
    const aggregates = (await totals).map((row) => this.totalRow(row));
    const circonscriptions = aggregates.filter((row) => row.id !== totalId || ecoles.some((ecole) => ecole.circonscriptionId === row.id));
    // A director's école (or one école asked for) is its own total.
    const ecoleTotal = ecoles.find((row) => row.id === totalId);
    const totalRow = aggregates.find((row) => row.id === totalId) ?? (ecoleTotal && this.asTotal(ecoleTotal));
    const total = totalRow ? { ...totalRow } : null;
    const activityDay = this.attachActivity([...ecoles, ...circonscriptions, ...(total ? [total] : [])], await activity);
    return { updatedAt: rows[0]?.now ?? (await this.now()), activityDay, ecoles, circonscriptions, total };
  }

  /**
   * The structure whose écoles the view shows, if one: the structure asked for, else the actor's
   * only root. Null for several roots or the operator's whole platform (no structure holds them all).
   */
  private totalOf(actor: Actor, structureId: string | null): string | null {
    if (structureId !== null) return structureId;
    return !actor.scope.all && actor.scope.rootIds.length === 1 ? actor.scope.rootIds[0] : null;
  }

  private totals(actor: Actor, structureId: string | null, totalId: string | null): Promise<TotalRow[]> {
    const params = new SqlParams();
    return this.planned(actor, totalsSql(actor, totalId, (column) => this.under(structureId, params, column), params), params.values);
  }

  /**
   * Holders of expired codes per école (not pre-deleted). A few écoles: their memberships against
   * the expired codes. A département: from the expired codes (a few thousand, partial index) to
   * their holders' memberships, one index probe each — joined plainly, PostgreSQL read every
   * membership; OFFSET 0 keeps the lateral subquery from being flattened into that join, and the
   * view's écoles are kept by the join that reads this (inside the loop, their set was rebuilt per
   * code).
   */
  private expiredCodes(actor: Actor): string {
    if (actor.scope.isSmall) {
      return `SELECT m.structure_id, count(DISTINCT m.user_id)::int AS n
           FROM supervision_member m JOIN renewal_code r ON r.user_id = m.user_id
          WHERE m.structure_id IN (SELECT id FROM ecoles) AND NOT m.predeleted AND ${EXPIRED_RENEWAL_CODE}
          GROUP BY m.structure_id`;
    }
    return `SELECT m.structure_id, count(*)::int AS n
           FROM (SELECT DISTINCT r.user_id FROM renewal_code r WHERE ${EXPIRED_RENEWAL_CODE}) r
          CROSS JOIN LATERAL (SELECT m.structure_id FROM supervision_member m WHERE m.user_id = r.user_id AND NOT m.predeleted OFFSET 0) m
          GROUP BY m.structure_id`;
  }

  /** The structures under `structureId` (all those of the scope without one), on `column`. */
  private under(structureId: string | null, params: SqlParams, column = 'e.id'): string {
    return structureId === null ? 'TRUE' : `${column} IN (SELECT sa.structure_id FROM structure_ancestor sa WHERE sa.ancestor_id = ${params.add(structureId, 'uuid')})`;
  }

  private row(row: Row): SupervisionRow {
    const view = {
      id: row.id,
      name: row.name,
      code: row.code,
      circonscriptionId: row.circonscription_id,
      oldestPendingReportAt: row.oldest_pending_report_at,
      lastImportAt: row.last_import_at,
      lastImportCreated: row.last_import_created,
      lastImportModified: row.last_import_modified,
      lastImportLeavers: row.last_import_leavers,
      unappliedImportAt: row.unapplied_import_at,
    } as SupervisionRow;
    for (const key of ACTIVE_KEYS) view[key] = null;
    for (const key of COUNTED) view[key] = Number(row[key]);
    return view;
  }

  /** A circonscription's or a département's row: people counted once (supervision-totals.ts). */
  private totalRow(row: TotalRow): SupervisionRow {
    const view = { id: row.id, name: row.name, code: null, circonscriptionId: null, oldestPendingReportAt: row.oldest_pending_report_at } as SupervisionRow;
    for (const key of [...ACTIVE_KEYS, ...IMPORT_KEYS]) view[key] = null;
    for (const key of COUNTED) view[key] = Number(row[key]);
    return view;
  }

  /** An école as the total of a view of that école alone: its figures, not its import. */
  private asTotal(ecole: SupervisionRow): SupervisionRow {
    const view = { ...ecole, code: null, circonscriptionId: null };
    for (const key of IMPORT_KEYS) view[key] = null;
    return view;
  }

  /**
   * The latest roll-up (ActivityRollupService) of the view's écoles, their circonscriptions and the
   * view's total (a circonscription or a département reads its own row: people counted once),
   * selected by the same scope as the counts so that it needs not wait for them.
   */
  private activity(actor: Actor, structureId: string | null, totalId: string | null): Promise<ActivityRow[]> {
    const params = new SqlParams();
    return this.planned(
      actor,
      `WITH ecoles AS MATERIALIZED (
         SELECT e.id, e.parent_id FROM structure e
          WHERE e.kind = 'ECOLE' AND ${this.under(structureId, params)} AND ${actor.scope.contains('e.id', params)}
       )
       SELECT a.structure_id, to_char(a.day, 'YYYY-MM-DD') AS day, a.profile, a.accounts, a.active_7, a.active_30
         FROM supervision_activity a
        WHERE a.day = (SELECT max(day) FROM supervision_activity WHERE day <= (now() AT TIME ZONE 'Europe/Paris')::date)
          AND a.accounts > 0
          AND (a.structure_id IN (SELECT id FROM ecoles) OR a.structure_id IN (SELECT parent_id FROM ecoles) OR a.structure_id = ${params.add(totalId, 'uuid')})
        ORDER BY a.profile`,
      params.values,
    );
  }

  /** Masked here, so that no caller ever reads a figure under 3. An école that is the view's total has two rows. */
  private attachActivity(rows: SupervisionRow[], found: ActivityRow[]): string | null {
    const byId = new Map<string, SupervisionRow[]>();
    for (const row of rows) byId.set(row.id, [...(byId.get(row.id) ?? []), row]);
    for (const a of found) {
      const prefix = ACTIVE_PREFIX[a.profile];
      if (!prefix) continue;
      for (const row of byId.get(a.structure_id) ?? []) {
        row[`${prefix}Active7` as ActiveKey] = maskedActives(a.active_7, a.accounts);
        row[`${prefix}Active30` as ActiveKey] = maskedActives(a.active_30, a.accounts);
      }
    }
    return rows.length === 0 ? null : (found[0]?.day ?? null);
  }

  /**
   * A dashboard statement without JIT compilation or parallel workers. Its estimates (left joins of
   * grouped rows, whose keys PostgreSQL cannot know unique) pass the JIT's cost threshold, and
   * compiling then took longer than running it; starting workers for a few thousand rows too.
   */
  private planned<T>(actor: Actor, sql: string, params: unknown[]): Promise<T[]> {
    // A director's or an ERUN's few écoles stay far below those thresholds: no transaction to set them.
    if (actor.scope.isSmall) return this.dataSource.query(sql, params);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`);
      return manager.query(sql, params) as Promise<T[]>;
    });
  }

  private async now(): Promise<Date> {
    const [row] = await this.dataSource.query('SELECT now() AS now');
    return row.now;
  }
}
