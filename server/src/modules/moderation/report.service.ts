import { DataSource, EntityManager } from 'typeorm';
import { Actor, displayName } from '../../platform/auth/actor';
import { isUuid } from '../../platform/database/uuid';
import { AppError } from '../../platform/errors/app-error';
import { EventBus } from '../../platform/pubsub/event-bus';

/**
 * « Signaler »: a recipient reports a notification once. One report per notification gathers every
 * reporter; a report already treated is reopened by a new reporter. The report keeps the écoles of
 * the audience and their ancestors, so moderation can scope it by each admin's roots.
 */
export class ReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventBus,
  ) {}

  async report(actor: Actor, notificationId: string): Promise<{ reportId: string; reportedAt: Date }> {
    if (!isUuid(notificationId)) throw AppError.notFound();
    return this.dataSource.transaction(async (manager) => {
      const [received] = (await manager.query(
        `SELECT n.id,
                COALESCE((SELECT array_agg(DISTINCT sa.ancestor_id) FROM structure_ancestor sa
                           WHERE sa.structure_id = CASE WHEN p.audience_kind = 'CLASS'
                                                        THEN (SELECT school_id FROM school_class WHERE id = p.audience_id)
                                                        ELSE p.audience_id END), '{}') AS structure_ids
           FROM timeline_entry te JOIN notification n ON n.id = te.notification_id AND n.removed_at IS NULL
           LEFT JOIN post p ON p.id = n.post_id
          WHERE te.user_id = $1 AND te.notification_id = $2`,
        [actor.userId, notificationId],
      )) as { id: string; structure_ids: string[] }[];
      if (!received) throw AppError.notFound();
      const [report] = (await manager.query(
        `INSERT INTO report (notification_id, structure_ids) VALUES ($1, $2)
         ON CONFLICT (notification_id) DO UPDATE
           SET status = 'PENDING', treated_at = NULL, treated_by_id = NULL
         RETURNING id`,
        [notificationId, received.structure_ids],
      )) as { id: string }[];
      const inserted = (await manager.query(
        'INSERT INTO report_reporter (report_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING reported_at',
        [report.id, actor.userId],
      )) as { reported_at: Date }[];
      if (inserted.length === 0) {
        throw new AppError('ALREADY_REPORTED', {
          fr: 'Vous avez déjà signalé cette notification : un référent ENT va la traiter.',
          en: 'You have already reported this notification: an ENT referent will deal with it.',
        });
      }
      await this.events.publish({ type: 'report.added', reportId: report.id }, (sql, params) => manager.query(sql, params));
      await this.noticeToAdmins(manager, actor, report.id);
      return { reportId: report.id, reportedAt: inserted[0].reported_at };
    });
  }

  /**
   * The admins concerned (école, circonscription, département, operator) also read the report in their
   * own fil de nouveautés, in the words of the guide: one notice pointing at the report, which every
   * admin whose scope holds it reads (TimelineService.page), rather than a timeline row per admin —
   * thousands for a département, written while the live feed is being delivered.
   */
  private async noticeToAdmins(manager: EntityManager, actor: Actor, reportId: string): Promise<void> {
    // Dated at the reporter's report_reporter row (to the microsecond, read in SQL): that pair
    // (report, time) is how a notice names its reporter (TimelineService links their record).
    const [notice] = (await manager.query(
      `INSERT INTO notification (kind, author_id, report_id, text_key, text_params, created_at)
       SELECT 'SYSTEM', NULL, $2, 'REPORT_NOTICE', jsonb_build_object('reporter', $1::text), rr.reported_at
         FROM report_reporter rr WHERE rr.report_id = $2 AND rr.user_id = $3
       RETURNING id`,
      [displayName(actor), reportId, actor.userId],
    )) as { id: string }[];
    await this.events.publish({ type: 'timeline.changed', notificationId: notice.id, change: 'ADDED' }, (sql, params) => manager.query(sql, params));
  }
}
