import { DataSource } from 'typeorm';
import { Actor } from '../../platform/auth/actor';
import { isUuid } from '../../platform/database/uuid';
import { AppError } from '../../platform/errors/app-error';
import { logger } from '../../platform/logging/logger';
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
    const reported = await this.dataSource.transaction(async (manager) => {
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
      return { reportId: report.id, reportedAt: inserted[0].reported_at, structureIds: received.structure_ids };
    });
    await this.noticeToAdmins(actor, reported.structureIds);
    return { reportId: reported.reportId, reportedAt: reported.reportedAt };
  }

  /**
   * The admins concerned (école, circonscription, département, operator) also get the report in their
   * own fil de nouveautés, in the words of the guide. A separate transaction, after the report's: the
   * live feed (report.added, delivered at the first commit) must not wait for a timeline row per
   * admin — thousands for a département — and a failure here leaves the report itself intact.
   */
  private async noticeToAdmins(actor: Actor, structureIds: string[]): Promise<void> {
    await this.dataSource
      .transaction(async (manager) => {
        const [notice] = (await manager.query(
          `INSERT INTO notification (kind, author_id, text)
           VALUES ('SYSTEM', NULL, 'Une notification a été signalée par ' || $1 || '. Pour traiter le signalement cliquez ici.')
           RETURNING id, created_at`,
          [`${actor.lastName.toUpperCase()} ${actor.firstName}`],
        )) as { id: string; created_at: Date }[];
        await manager.query(
          `INSERT INTO timeline_entry (user_id, notification_id, created_at)
           SELECT DISTINCT f.user_id, $1::uuid, $2::timestamptz FROM admin_function f
            WHERE f.function = 'OPERATOR' OR f.structure_id = ANY($3::uuid[])`,
          [notice.id, notice.created_at, structureIds],
        );
        await this.events.publish({ type: 'timeline.changed', notificationId: notice.id, change: 'ADDED' }, (sql, params) => manager.query(sql, params));
      })
      .catch((error: Error) => logger.error('report notice not written', { error: error.message }));
  }
}
