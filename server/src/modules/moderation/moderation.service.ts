import { DataSource } from 'typeorm';
import { Actor, displayName } from '../../platform/auth/actor';
import { isUuid } from '../../platform/database/uuid';
import { SqlParams } from '../../platform/database/sql-builder';
import { decodeTimeCursor, encodeTimeCursor } from '../../platform/database/time-cursor';
import { AppError } from '../../platform/errors/app-error';
import { missingScope } from '../../platform/auth/token-scopes';
import { EventBus } from '../../platform/pubsub/event-bus';
import { BlockingService, ClientInfo } from '../accounts';
import { AuditService } from '../audit';
import { Profile } from '../../platform/model/profile';
import { lastFirst } from '../../platform/text/french';
import { ReportStatus } from './report.entity';
import { ReportPage, ReportView } from './moderation.types';

interface ReportRow {
  id: string;
  status: ReportStatus;
  notification_id: string;
  text: string;
  body: string | null;
  author_id: string | null;
  author_first: string | null;
  author_last: string | null;
  author_profile: Profile | null;
  created_at: Date;
  treated_at: Date | null;
  /** [first name, last name]: put in capitals here, SQL's upper() follows the database's locale (« PRéVOST » under C). */
  treated_by: [string, string] | null;
  treated_by_id: string | null;
  reporters: { id: string; first_name: string; last_name: string; profile: Profile; reported_at: string }[] | null;
  structure_ids: string[];
}

const name = (first: string | null, last: string | null) => lastFirst(first ?? '', last ?? '');

/**
 * Treating reports (« Conserver » / « Supprimer », optionally « Bloquer l'auteur »). A report is
 * visible to the admins whose scope holds the audience's école (its structure_ids carry the école and
 * its ancestors); out of scope is "not found". Treating is once: the second attempt is refused.
 */
export class ModerationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly events: EventBus,
    private readonly blocking: BlockingService,
  ) {}

  private scope(actor: Actor, params: SqlParams): string {
    return actor.scope.all ? 'TRUE' : `r.structure_ids && ${params.add(actor.scope.rootIds, 'uuid[]')}`;
  }

  private select(where: string): string {
    return `SELECT r.id, r.status, r.notification_id, n.text, p.body, n.author_id, a.first_name AS author_first, a.last_name AS author_last,
                   a.profile AS author_profile, r.created_at, r.treated_at, r.treated_by_id, r.structure_ids,
                   (SELECT json_build_array(t.first_name, t.last_name) FROM app_user t WHERE t.id = r.treated_by_id) AS treated_by,
                   (SELECT json_agg(json_build_object('id', u.id, 'first_name', u.first_name, 'last_name', u.last_name, 'profile', u.profile, 'reported_at', rr.reported_at) ORDER BY rr.reported_at)
                      FROM report_reporter rr JOIN app_user u ON u.id = rr.user_id WHERE rr.report_id = r.id) AS reporters
              FROM report r JOIN notification n ON n.id = r.notification_id
              LEFT JOIN post p ON p.id = n.post_id LEFT JOIN app_user a ON a.id = n.author_id
             WHERE ${where}`;
  }

  private view(row: ReportRow): ReportView {
    const reporters = row.reporters ?? [];
    return {
      id: row.id,
      status: row.status,
      notificationId: row.notification_id,
      text: row.text,
      body: row.body,
      author: row.author_id ? { id: row.author_id, displayName: name(row.author_first, row.author_last), profile: row.author_profile! } : null,
      reporters: reporters.map((r) => ({ person: { id: r.id, displayName: name(r.first_name, r.last_name), profile: r.profile }, reportedAt: new Date(r.reported_at) })),
      reporterCount: reporters.length,
      reportedAt: reporters.map((r) => new Date(r.reported_at)),
      createdAt: row.created_at,
      treatedAt: row.treated_at,
      treatedBy: row.treated_by ? name(row.treated_by[0], row.treated_by[1]) : null,
      treatedById: row.treated_by ? row.treated_by_id : null,
    };
  }

  /** Reports of the actor's scope, newest first, keyset-paged; pending only unless a status is given. */
  async page(actor: Actor, status: ReportStatus | null | undefined, first: number, after: string | null | undefined): Promise<ReportPage> {
    const params = new SqlParams();
    const clauses = [this.scope(actor, params)];
    if (status) clauses.push(`r.status = ${params.add(status, 'report_status')}`);
    if (after) {
      const { at, id } = decodeTimeCursor(after, { fr: 'Curseur invalide.', en: 'Invalid cursor.' });
      clauses.push(`(r.created_at, r.id) < (${params.add(at, 'timestamptz')}, ${params.add(id, 'uuid')})`);
    }
    const size = Math.min(Math.max(first, 1), 100);
    const rows: ReportRow[] = await this.dataSource.query(
      `${this.select(clauses.join(' AND '))} ORDER BY r.created_at DESC, r.id DESC LIMIT ${params.add(size + 1, 'int')}`,
      params.values,
    );
    const page = rows.slice(0, size);
    const last = page.at(-1);
    return {
      reports: page.map((row) => this.view(row)),
      hasNextPage: rows.length > size,
      endCursor: last ? encodeTimeCursor(last.created_at, last.id) : null,
    };
  }

  /** One report of the actor's scope; out of it, NOT_FOUND like one that does not exist. */
  async find(actor: Actor, reportId: string): Promise<ReportView> {
    if (!isUuid(reportId)) throw AppError.notFound();
    const params = new SqlParams();
    const rows: ReportRow[] = await this.dataSource.query(this.select(`r.id = ${params.add(reportId, 'uuid')} AND ${this.scope(actor, params)}`), params.values);
    if (!rows[0]) throw AppError.notFound();
    return this.view(rows[0]);
  }

  /**
   * A report regardless of scope, with the structures it concerns: only for live delivery, where
   * LiveAdminRights then picks the subscribers whose scope holds it.
   */
  async findForDelivery(reportId: string): Promise<{ report: ReportView; structureIds: string[] } | null> {
    const rows: ReportRow[] = await this.dataSource.query(this.select('r.id = $1'), [reportId]);
    return rows[0] ? { report: this.view(rows[0]), structureIds: rows[0].structure_ids } : null;
  }

  /** « Conserver » (keep) or « Supprimer » (remove the notification from every timeline). */
  async treat(actor: Actor, reportId: string, decision: 'KEEP' | 'DELETE', client: ClientInfo, blockAuthor?: { until: Date | null }): Promise<ReportView> {
    if (!isUuid(reportId)) throw AppError.notFound();
    // « Bloquer l'auteur » is a block like blockUser's: a token needs that scope too, checked before anything is written.
    if (blockAuthor && actor.integration && !actor.integration.scopes.includes('accounts:block')) throw missingScope('accounts:block');
    const authorId = await this.dataSource.transaction(async (manager) => {
      const params = new SqlParams();
      const [report] = (await manager.query(
        `SELECT r.id, r.status, r.notification_id, n.author_id, n.text FROM report r JOIN notification n ON n.id = r.notification_id
          WHERE r.id = ${params.add(reportId, 'uuid')} AND ${this.scope(actor, params)} FOR UPDATE OF r`,
        params.values,
      )) as { id: string; status: ReportStatus; notification_id: string; author_id: string | null; text: string }[];
      if (!report) throw AppError.notFound();
      if (report.status !== ReportStatus.PENDING) {
        throw new AppError('REPORT_ALREADY_TREATED', {
          fr: 'Ce signalement a déjà été traité par un autre administrateur : rien n\'a été modifié.',
          en: 'This report has already been dealt with by another admin: nothing was changed.',
        });
      }
      const status = decision === 'KEEP' ? ReportStatus.KEPT : ReportStatus.DELETED;
      await manager.query('UPDATE report SET status = $2, treated_at = now(), treated_by_id = $3 WHERE id = $1', [report.id, status, actor.userId]);
      if (decision === 'DELETE') {
        await manager.query('UPDATE notification SET removed_at = now() WHERE id = $1', [report.notification_id]);
        await this.events.publish({ type: 'timeline.changed', notificationId: report.notification_id, change: 'REMOVED' }, (sql, p) => manager.query(sql, p));
      }
      await this.audit.record(
        {
          actorId: actor.userId,
          actorLabel: `${displayName(actor)} (${actor.login})`,
          action: decision === 'KEEP' ? 'REPORT_KEPT' : 'REPORT_DELETED',
          targetUserId: report.author_id,
          details: { reportId: report.id, notification: report.text, blockAuthor: !!blockAuthor },
          clientAddress: client.address,
        },
        manager,
      );
      await this.events.publish({ type: 'report.treated', reportId: report.id }, (sql, p) => manager.query(sql, p));
      return report.author_id;
    });
    // « Bloquer l'auteur » in the same step, with the accounts' own rules (scope, sessions cut).
    if (decision === 'DELETE' && blockAuthor && authorId) await this.blocking.block(actor, authorId, blockAuthor.until, 'Contenu signalé et supprimé', client);
    const rows: ReportRow[] = await this.dataSource.query(this.select('r.id = $1'), [reportId]);
    return this.view(rows[0]);
  }
}
