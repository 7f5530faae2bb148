import type { DataSource } from 'typeorm';
import type { EventBus } from '../../platform/pubsub/event-bus';
import type { AuditService } from '../audit';

/** « Absent du fichier » for this long, then pre-deleted; deleted for good this long after that (90 days in all). */
export const ABSENT_DAYS_BEFORE_PREDELETE = 14;
export const PREDELETED_DAYS_BEFORE_DELETE = 76;

/**
 * The nightly step after an import: accounts marked « Absent du fichier » 14 days ago are
 * pre-deleted as « Pré-supprimer le compte » does (sessions closed, audited), with their deletion 76
 * days later (users' purge job deletes them then). A guardian one of whose children has come back
 * (or was never marked) stays. The mark is consumed, so a « Restaurer » afterwards is final.
 */
export class AbsentAccounts {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly events: EventBus,
  ) {}

  async predeleteDue(): Promise<number> {
    return this.db.transaction(async (manager) => {
      const due = (await manager.query(
        `SELECT a.user_id AS id, u.login, u.predeleted_at IS NOT NULL AS gone,
                u.profile = 'RELATIVE' AND EXISTS (
                  SELECT 1 FROM relative_link rl JOIN app_user c ON c.id = rl.student_id
                   WHERE rl.relative_id = u.id AND c.predeleted_at IS NULL
                     AND NOT EXISTS (SELECT 1 FROM import_absence ca WHERE ca.user_id = c.id)) AS "childRemains"
           FROM import_absence a JOIN app_user u ON u.id = a.user_id
          WHERE a.since <= now() - make_interval(days => $1)
          FOR UPDATE OF a SKIP LOCKED`,
        [ABSENT_DAYS_BEFORE_PREDELETE],
      )) as { id: string; login: string; gone: boolean; childRemains: boolean }[];
      const predeleted = due.filter((row) => !row.gone && !row.childRemains);
      for (const row of predeleted) {
        await manager.query(
          `UPDATE app_user SET predeleted_at = now(), delete_after = now() + make_interval(days => $2), updated_at = now() WHERE id = $1`,
          [row.id, PREDELETED_DAYS_BEFORE_DELETE],
        );
        await manager.query('DELETE FROM user_session WHERE user_id = $1', [row.id]);
        await this.audit.record(
          { actorId: null, actorLabel: 'Préau (absent du fichier d\'import)', action: 'USER_PREDELETED', targetUserId: row.id, targetLabel: row.login, details: { graceDays: PREDELETED_DAYS_BEFORE_DELETE, absentFromImport: true } },
          manager,
        );
        await this.events.publish({ type: 'session.revoked', userId: row.id }, (sql, params) => manager.query(sql, params));
      }
      if (due.length) await manager.query('DELETE FROM import_absence WHERE user_id = ANY($1::uuid[])', [due.map((row) => row.id)]);
      return predeleted.length;
    });
  }
}
