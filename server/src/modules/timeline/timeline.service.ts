import { DataSource } from 'typeorm';
import { Actor, isAdmin } from '../../platform/auth/actor';
import { SqlParams } from '../../platform/database/sql-builder';
import { isUuid } from '../../platform/database/uuid';
import { decodeTimeCursor, encodeTimeCursor } from '../../platform/database/time-cursor';
import { AppError } from '../../platform/errors/app-error';
import { EventBus } from '../../platform/pubsub/event-bus';
import { FormErrors } from '../accounts';
import { Profile } from '../../platform/model/profile';
import { AudienceKind } from './timeline.entity';
import type { NoticeKey } from './notice-texts';
import { PostContentInput, PublishedPostView, PublishNoticeInput, PublishPostInput, TimelineItemView, TimelinePage } from './timeline.types';
import { structureInScope } from '../directory';
import { lastFirst } from '../../platform/text/french';
import { checkLink, cleanText, notAllowedToPublish, pupilsPublishToTheirClass, requireText } from './user-text';

interface ItemRow {
  id: string;
  title: string | null;
  title_key: NoticeKey | null;
  title_params: Record<string, string> | null;
  body: string | null;
  link: string | null;
  author_id: string | null;
  author_first: string | null;
  author_last: string | null;
  author_profile: Profile | null;
  audience: string;
  created_at: Date;
  report_id: string | null;
  reported_by_me: boolean;
  reporter_id: string | null;
  reporter_first: string | null;
  reporter_last: string | null;
  reporter_profile: Profile | null;
  reported_audience: string | null;
  treated_at: Date | null;
  treated_first: string | null;
  treated_last: string | null;
}

const itemColumns = (me: string) => `n.id, n.text AS title, n.text_key AS title_key, n.text_params AS title_params, p.body, p.link, a.id AS author_id, a.first_name AS author_first, a.last_name AS author_last,
  a.profile AS author_profile, COALESCE(c.name, s.name, '') AS audience, n.created_at, n.report_id,
  EXISTS (SELECT 1 FROM report r JOIN report_reporter rr ON rr.report_id = r.id WHERE r.notification_id = n.id AND rr.user_id = ${me}) AS reported_by_me,
  rep.reporter_id, rep.reporter_first, rep.reporter_last, rep.reporter_profile, rep.reported_audience, rep.treated_at, rep.treated_first, rep.treated_last`;

/**
 * A report notice's details: the reported notification's audience, its reporter (the
 * report_reporter row dated like the notice, see ReportService.noticeToAdmins) and who treated it.
 */
const REPORT_NOTICE = `SELECT ru.id AS reporter_id, ru.first_name AS reporter_first, ru.last_name AS reporter_last, ru.profile AS reporter_profile,
         COALESCE(rc.name, rs.name, '') AS reported_audience, r.treated_at, tu.first_name AS treated_first, tu.last_name AS treated_last
    FROM report r JOIN notification rn ON rn.id = r.notification_id
    LEFT JOIN post rp ON rp.id = rn.post_id
    LEFT JOIN school_class rc ON rp.audience_kind = 'CLASS' AND rc.id = rp.audience_id
    LEFT JOIN structure rs ON rp.audience_kind = 'SCHOOL' AND rs.id = rp.audience_id
    LEFT JOIN report_reporter rr ON rr.report_id = r.id AND rr.reported_at = n.created_at
    LEFT JOIN app_user ru ON ru.id = rr.user_id
    LEFT JOIN app_user tu ON tu.id = r.treated_by_id
   WHERE r.id = n.report_id`;

const ITEM_JOINS = `JOIN notification n ON n.id = te.notification_id AND n.removed_at IS NULL
  LEFT JOIN post p ON p.id = n.post_id
  LEFT JOIN app_user a ON a.id = n.author_id
  LEFT JOIN school_class c ON p.audience_kind = 'CLASS' AND c.id = p.audience_id
  LEFT JOIN structure s ON p.audience_kind = 'SCHOOL' AND s.id = p.audience_id
  LEFT JOIN LATERAL (${REPORT_NOTICE})  rep ON n.report_id IS NOT NULL`;

/**
 * `notification n …` narrowed to the report notices the actor reads (« Une notification a été
 * signalée… »): those of the reports in their admin scope, as on the moderation page. Null for
 * users without an admin function, who read none.
 */
function reportNotices(actor: Actor, params: SqlParams): string | null {
  if (!isAdmin(actor)) return null;
  const inScope = actor.scope.all ? 'TRUE' : `r.structure_ids && ${params.add(actor.scope.rootIds, 'uuid[]')}`;
  return `notification n JOIN report r ON r.id = n.report_id WHERE n.report_id IS NOT NULL AND n.removed_at IS NULL AND ${inScope}`;
}

/** Title, body and link cleaned and checked, every problem reported at once. */
function checkedContent(input: PostContentInput): { title: string; body: string; link: string | null } {
  const errors = new FormErrors();
  const title = cleanText(input.title);
  const body = cleanText(input.body);
  requireText(errors, 'title', title, 120, { fr: 'Le titre', en: 'The title' });
  requireText(errors, 'body', body, 5000, { fr: 'Le texte', en: 'The text' });
  const link = checkLink(errors, 'link', input.link);
  errors.throwIfAny();
  return { title, body, link };
}

function itemView(row: ItemRow): TimelineItemView {
  return {
    id: row.id,
    title: row.title,
    titleKey: row.title_key,
    titleParams: row.title_params,
    body: row.body,
    link: row.link,
    author: row.author_id ? { id: row.author_id, displayName: `${(row.author_last ?? '').toUpperCase()} ${row.author_first ?? ''}`, profile: row.author_profile! } : null,
    audience: row.audience,
    createdAt: row.created_at,
    reportId: row.report_id,
    reportedByMe: row.reported_by_me,
    reportNotice: row.report_id
      ? {
          reportId: row.report_id,
          reporter: row.reporter_id ? { id: row.reporter_id, displayName: lastFirst(row.reporter_first ?? '', row.reporter_last ?? ''), profile: row.reporter_profile! } : null,
          audience: row.reported_audience ?? '',
          treatedAt: row.treated_at,
          treatedBy: row.treated_at && row.treated_last !== null ? lastFirst(row.treated_first ?? '', row.treated_last) : null,
        }
      : null,
  };
}

/**
 * Posts and the fil de nouveautés. Publishing writes the post, its notification and one timeline
 * entry per member of the audience in one statement (INSERT … SELECT), then tells every instance.
 */
export class TimelineService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventBus,
  ) {}

  async publish(actor: Actor, input: PublishPostInput): Promise<PublishedPostView> {
    if (![Profile.TEACHER, Profile.STUDENT, Profile.PERSONNEL].includes(actor.profile)) throw notAllowedToPublish();
    const { title, body, link } = checkedContent(input);
    if (!isUuid(input.audienceId)) throw notAllowedToPublish();
    // The whole école is an audience for adults; a pupil writes to their class.
    if (actor.profile === Profile.STUDENT && input.audience !== AudienceKind.CLASS) throw pupilsPublishToTheirClass();
    // The audience: members of the class and the parents of its pupils, or everyone of the école.
    const members =
      input.audience === AudienceKind.CLASS
        ? `SELECT m.user_id FROM class_member m WHERE m.class_id = $2
           UNION SELECT r.relative_id FROM class_member m JOIN relative_link r ON r.student_id = m.user_id WHERE m.class_id = $2`
        : `SELECT us.user_id FROM user_structure us WHERE us.structure_id = $2`;
    const membership =
      input.audience === AudienceKind.CLASS
        ? `EXISTS (SELECT 1 FROM class_member WHERE class_id = $2 AND user_id = $1)`
        : `EXISTS (SELECT 1 FROM user_structure us JOIN structure s ON s.id = us.structure_id AND s.kind = 'ECOLE' WHERE us.structure_id = $2 AND us.user_id = $1)`;
    return this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `WITH allowed AS (SELECT ${membership} AS ok),
              new_post AS (
                INSERT INTO post (author_id, audience_kind, audience_id, title, body, link)
                SELECT $1, $3, $2, $4, $5, $6 FROM allowed WHERE ok RETURNING id),
              new_notification AS (
                INSERT INTO notification (kind, post_id, author_id, text)
                SELECT 'POST', id, $1, $4 FROM new_post RETURNING id, created_at),
              delivered AS (
                INSERT INTO timeline_entry (user_id, notification_id, created_at)
                SELECT audience.user_id, n.id, n.created_at FROM new_notification n, (${members}) audience
                RETURNING 1)
         SELECT n.id, (SELECT count(*)::int FROM delivered) AS recipients FROM new_notification n`,
        [actor.userId, input.audienceId, input.audience, title, body, link],
      )) as { id: string; recipients: number }[];
      if (!rows[0]) throw notAllowedToPublish();
      await this.events.publish({ type: 'timeline.changed', notificationId: rows[0].id, change: 'ADDED' }, (sql, params) => manager.query(sql, params));
      return { notificationId: rows[0].id, recipients: rows[0].recipients };
    });
  }

  /**
   * A notice (« information ») from an admin to every account under a structure of their scope: the
   * same single statement, its audience read through the structure closure.
   */
  async publishNotice(actor: Actor, input: PublishNoticeInput): Promise<PublishedPostView> {
    const { title, body, link } = checkedContent(input);
    if (!(await structureInScope(this.dataSource, actor, input.structureId))) throw AppError.notFound();
    return this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `WITH new_post AS (
           INSERT INTO post (author_id, audience_kind, audience_id, title, body, link)
           VALUES ($1, 'SCHOOL', $2, $3, $4, $5) RETURNING id),
         new_notification AS (
           INSERT INTO notification (kind, post_id, author_id, text)
           SELECT 'SYSTEM', id, $1, $3 FROM new_post RETURNING id, created_at),
         delivered AS (
           INSERT INTO timeline_entry (user_id, notification_id, created_at)
           SELECT audience.user_id, n.id, n.created_at FROM new_notification n,
                  (SELECT DISTINCT us.user_id FROM user_structure us
                     JOIN structure_ancestor sa ON sa.structure_id = us.structure_id WHERE sa.ancestor_id = $2) audience
           RETURNING 1)
         SELECT n.id, (SELECT count(*)::int FROM delivered) AS recipients FROM new_notification n`,
        [actor.userId, input.structureId, title, body, link],
      )) as { id: string; recipients: number }[];
      await this.events.publish({ type: 'timeline.changed', notificationId: row.id, change: 'ADDED' }, (sql, params) => manager.query(sql, params));
      return { notificationId: row.id, recipients: row.recipients };
    });
  }

  /** The actor's own fil de nouveautés, newest first, keyset-paged. */
  async page(actor: Actor, first: number, after: string | null | undefined): Promise<TimelinePage> {
    const size = Math.min(Math.max(first, 1), 100);
    const params = new SqlParams();
    const me = params.add(actor.userId, 'uuid');
    const limit = params.add(size + 1, 'int');
    let before = (_at: string, _id: string) => '';
    if (after) {
      const { at, id } = decodeTimeCursor(after, { fr: 'Cette page du fil a expiré : rechargez-le.', en: 'This page of the timeline is stale: reload it.' });
      const cursor = `(${params.add(at, 'timestamptz')}, ${params.add(id, 'uuid')})`;
      before = (atColumn, idColumn) => `AND (${atColumn}, ${idColumn}) < ${cursor}`;
    }
    // Each source is cut to the page size in its own index order before the two are merged.
    const notices = reportNotices(actor, params);
    const rows: (ItemRow & { entry_at: Date })[] = await this.dataSource.query(
      `WITH feed AS (
         (SELECT te.notification_id, te.created_at FROM timeline_entry te
            JOIN notification n ON n.id = te.notification_id AND n.removed_at IS NULL
           WHERE te.user_id = ${me} ${before('te.created_at', 'te.notification_id')}
           ORDER BY te.created_at DESC, te.notification_id DESC LIMIT ${limit})
         ${notices ? `UNION ALL (SELECT n.id, n.created_at FROM ${notices} ${before('n.created_at', 'n.id')} ORDER BY n.created_at DESC, n.id DESC LIMIT ${limit})` : ''}
       )
       SELECT ${itemColumns(me)}, te.created_at AS entry_at FROM feed te ${ITEM_JOINS}
        ORDER BY te.created_at DESC, te.notification_id DESC LIMIT ${limit}`,
      params.values,
    );
    const items = rows.slice(0, size);
    const last = items.at(-1);
    return {
      items: items.map(itemView),
      hasNextPage: rows.length > size,
      endCursor: last ? encodeTimeCursor(last.entry_at, last.id) : null,
    };
  }

  /** One item of the actor's timeline, or null if it is not (or no longer) in it. */
  async item(actor: Actor, notificationId: string): Promise<TimelineItemView | null> {
    const params = new SqlParams();
    const me = params.add(actor.userId, 'uuid');
    const id = params.add(notificationId, 'uuid');
    const notices = reportNotices(actor, params);
    const rows: ItemRow[] = await this.dataSource.query(
      `SELECT ${itemColumns(me)}
         FROM (SELECT notification_id FROM timeline_entry WHERE user_id = ${me} AND notification_id = ${id}
               ${notices ? `UNION ALL SELECT n.id FROM ${notices} AND n.id = ${id}` : ''}) te
         ${ITEM_JOINS}`,
      params.values,
    );
    return rows[0] ? itemView(rows[0]) : null;
  }

  /** Among `userIds`, those whose timeline holds the notification (for live delivery). */
  async recipientsAmong(notificationId: string, userIds: string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    // The admins' report notices have no timeline rows: their readers are the admins whose
    // functions reach the report (the rule of Scope: the operator, or a root among its écoles).
    const rows: { user_id: string }[] = await this.dataSource.query(
      `SELECT user_id FROM timeline_entry WHERE notification_id = $1 AND user_id = ANY($2::uuid[])
       UNION
       SELECT f.user_id FROM notification n JOIN report r ON r.id = n.report_id
         JOIN admin_function f ON f.function = 'OPERATOR' OR f.structure_id = ANY (r.structure_ids)
        WHERE n.id = $1 AND n.report_id IS NOT NULL AND f.user_id = ANY($2::uuid[])`,
      [notificationId, userIds],
    );
    return rows.map((row) => row.user_id);
  }
}
