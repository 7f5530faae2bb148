import { DataSource } from 'typeorm';
import { Actor } from '../../platform/auth/actor';
import { isUuid } from '../../platform/database/uuid';
import { decodeTimeCursor, encodeTimeCursor } from '../../platform/database/time-cursor';
import { likePrefix } from '../../platform/database/sql-builder';
import { AppError } from '../../platform/errors/app-error';
import { EventBus } from '../../platform/pubsub/event-bus';
import { FormErrors } from '../accounts';
import { searchKey } from '../directory';
import { Profile } from '../../platform/model/profile';
import { cleanText, requireText } from '../timeline';
import { CommunicationRulesService } from './communication-rules';
import { ContactView, InboxMessageView, InboxPage, SentMessageView } from './messaging.types';

const MAX_RECIPIENTS = 50;

interface MessageRow {
  id: string;
  body: string;
  created_at: Date;
  read_at: Date | null;
  sender_id: string;
  first_name: string;
  last_name: string;
  profile: Profile;
}

const display = (row: { first_name: string; last_name: string }) => `${row.last_name.toUpperCase()} ${row.first_name}`;

function messageView(row: MessageRow): InboxMessageView {
  return {
    id: row.id,
    sender: { id: row.sender_id, displayName: display(row), profile: row.profile },
    body: row.body,
    sentAt: row.created_at,
    read: !!row.read_at,
  };
}

/**
 * Messaging under the communication rules (the same engine the admin record shows). A batch is all
 * or nothing: if one recipient may not be written to — blocked, or outside the rules — nobody
 * receives it.
 */
export class MessagingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: CommunicationRulesService,
    private readonly events: EventBus,
  ) {}

  async send(actor: Actor, recipientIds: string[], text: string): Promise<SentMessageView> {
    const errors = new FormErrors();
    const body = cleanText(text);
    requireText(errors, 'body', body, 2000, { fr: 'Le message', en: 'The message' });
    const ids = [...new Set(recipientIds)];
    if (ids.length === 0 || ids.length > MAX_RECIPIENTS) {
      errors.add('recipientIds', { fr: `Choisissez entre 1 et ${MAX_RECIPIENTS} destinataires.`, en: `Choose between 1 and ${MAX_RECIPIENTS} recipients.` });
    }
    errors.throwIfAny();
    if (!ids.every(isUuid) || ids.includes(actor.userId)) throw this.refused();
    return this.dataSource.transaction(async (manager) => {
      const allowed = (await manager.query(`SELECT r.id FROM (${this.rules.reachableQuery(actor.profile)}) r WHERE r.id = ANY($2::uuid[])`, [
        actor.userId,
        ids,
      ])) as { id: string }[];
      if (allowed.length !== ids.length) {
        const allowedIds = new Set(allowed.map((row) => row.id));
        const missing = ids.filter((id) => !allowedIds.has(id));
        const blocked = (await manager.query(
          `SELECT u.id FROM app_user u WHERE u.id = ANY($2::uuid[])
              AND u.blocked_at IS NOT NULL AND (u.blocked_until IS NULL OR u.blocked_until > now())
              AND u.id IN (${this.rules.reachableQuery(actor.profile, true)})`,
          [actor.userId, missing],
        )) as { id: string }[];
        if (blocked.length) {
          throw new AppError('RECIPIENT_BLOCKED', {
            fr: "Un des destinataires a un compte bloqué : on ne peut pas lui écrire. Le message n'a été envoyé à personne.",
            en: 'One of the recipients has a blocked account and cannot be written to. The message was sent to nobody.',
          });
        }
        throw this.refused();
      }
      const [message] = (await manager.query('INSERT INTO message (sender_id, body) VALUES ($1, $2) RETURNING id, created_at', [actor.userId, body])) as {
        id: string;
        created_at: Date;
      }[];
      await manager.query(
        'INSERT INTO message_recipient (message_id, user_id, created_at) SELECT $1, unnest($2::uuid[]), $3',
        [message.id, ids, message.created_at],
      );
      await this.events.publish({ type: 'inbox.changed', messageId: message.id }, (sql, params) => manager.query(sql, params));
      return { id: message.id, recipients: ids.length };
    });
  }

  private refused(): AppError {
    return new AppError('NOT_ALLOWED', {
      fr: "Les règles de communication ne vous permettent pas d'écrire à un des destinataires. Le message n'a été envoyé à personne.",
      en: 'The communication rules do not let you write to one of the recipients. The message was sent to nobody.',
    });
  }

  async inbox(actor: Actor, first: number, after: string | null | undefined): Promise<InboxPage> {
    const size = Math.min(Math.max(first, 1), 100);
    const params: unknown[] = [actor.userId, size + 1];
    let keyset = '';
    if (after) {
      const { at, id } = decodeTimeCursor(after, { fr: 'Cette page de messages a expiré : rechargez-la.', en: 'This page of messages is stale: reload it.' });
      params.push(at, id);
      keyset = 'AND (mr.created_at, mr.message_id) < ($3::timestamptz, $4::uuid)';
    }
    const [rows, unread] = await Promise.all([
      this.dataSource.query(
        `SELECT m.id, m.body, m.created_at, mr.read_at, s.id AS sender_id, s.first_name, s.last_name, s.profile
           FROM message_recipient mr JOIN message m ON m.id = mr.message_id JOIN app_user s ON s.id = m.sender_id
          WHERE mr.user_id = $1 ${keyset}
          ORDER BY mr.created_at DESC, mr.message_id DESC LIMIT $2`,
        params,
      ) as Promise<MessageRow[]>,
      this.unreadCount(actor.userId),
    ]);
    const messages = rows.slice(0, size);
    const last = messages.at(-1);
    return {
      messages: messages.map(messageView),
      unreadCount: unread,
      hasNextPage: rows.length > size,
      endCursor: last ? encodeTimeCursor(last.created_at, last.id) : null,
    };
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = (await this.dataSource.query('SELECT count(*)::int AS n FROM message_recipient WHERE user_id = $1 AND read_at IS NULL', [userId])) as { n: number }[];
    return row.n;
  }

  /** A message of the actor's inbox (for live delivery), or null. */
  async received(userId: string, messageId: string): Promise<InboxMessageView | null> {
    const rows: MessageRow[] = await this.dataSource.query(
      `SELECT m.id, m.body, m.created_at, mr.read_at, s.id AS sender_id, s.first_name, s.last_name, s.profile
         FROM message_recipient mr JOIN message m ON m.id = mr.message_id JOIN app_user s ON s.id = m.sender_id
        WHERE mr.user_id = $1 AND mr.message_id = $2`,
      [userId, messageId],
    );
    return rows[0] ? messageView(rows[0]) : null;
  }

  async markRead(actor: Actor, messageId: string): Promise<number> {
    if (!isUuid(messageId)) throw AppError.notFound();
    const [, count] = (await this.dataSource.query(
      'UPDATE message_recipient SET read_at = COALESCE(read_at, now()) WHERE user_id = $1 AND message_id = $2',
      [actor.userId, messageId],
    )) as [unknown, number];
    if (count === 0) throw AppError.notFound();
    return this.unreadCount(actor.userId);
  }

  /** People the actor may write to, by the first letters of a name (for choosing recipients). */
  async contacts(actor: Actor, query: string, first: number): Promise<ContactView[]> {
    const key = searchKey(query);
    const rows: { id: string; first_name: string; last_name: string; profile: Profile }[] = await this.dataSource.query(
      `SELECT u.id, u.first_name, u.last_name, u.profile FROM app_user u
        WHERE u.id IN (${this.rules.reachableQuery(actor.profile)})
          AND ($2 = '' OR u.search_last COLLATE "C" LIKE $3 OR u.search_first COLLATE "C" LIKE $3)
        ORDER BY u.search_last COLLATE "C", u.search_first COLLATE "C", u.id LIMIT $4`,
      [actor.userId, key, likePrefix(key), Math.min(Math.max(first, 1), 50)],
    );
    return rows.map((row) => ({ id: row.id, displayName: display(row), person: { id: row.id, displayName: display(row), profile: row.profile } }));
  }

  /** Among `userIds`, the recipients of a message (for live delivery). */
  async recipientsAmong(messageId: string, userIds: string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows: { user_id: string }[] = await this.dataSource.query(
      'SELECT user_id FROM message_recipient WHERE message_id = $1 AND user_id = ANY($2::uuid[])',
      [messageId, userIds],
    );
    return rows.map((row) => row.user_id);
  }
}
