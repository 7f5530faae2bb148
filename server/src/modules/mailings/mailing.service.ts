import { DataSource } from 'typeorm';
import { SheetLayout } from '../../documents/connection-sheet';
import { Actor, displayName } from '../../platform/auth/actor';
import { SqlParams } from '../../platform/database/sql-builder';
import { isUuid } from '../../platform/database/uuid';
import { decodeTimeCursor, encodeTimeCursor } from '../../platform/database/time-cursor';
import { AppError } from '../../platform/errors/app-error';
import { logger } from '../../platform/logging/logger';
import { AuditService } from '../audit';
import { MailingKind, MailingStatus, RecipientStatus } from './mailing.entity';
import { mailingOrder, selectionCondition } from './mailing-selection';
import { MAILING_REACH } from './sheet-reach-sql';
import { findDocument, StoredDocument } from './mailing-document-store';
import { CreateMailingInput, MailingPage, MailingRecipientPage, MailingSelectionCounts, MailingView } from './mailings.types';
import { assertIdsInScope, userFilterCondition, UserFilter } from '../users';

/** Largest publipostage in one go: a whole circonscription; a département is done école by école. */
export const MAX_MAILING_ACCOUNTS = 50_000;

export interface MailingQueue {
  enqueue(kind: MailingKind, mailingId: string): Promise<void>;
}

interface MailingRow {
  id: string;
  kind: MailingKind;
  layout: SheetLayout;
  status: MailingStatus;
  total: number;
  printed: number;
  sent: number;
  failed: number;
  error: string | null;
  has_document: boolean;
  created_at: Date;
  finished_at: Date | null;
}

const MAILING_COLUMNS = `m.id, m.kind, m.layout, m.status, m.total, m.printed, m.error, m.created_at, m.finished_at,
  COALESCE(counts.sent, 0) AS sent, COALESCE(counts.failed, 0) AS failed,
  EXISTS (SELECT 1 FROM mailing_document d WHERE d.mailing_id = m.id) AS has_document`;

/** The e-mail counts, in one pass over the mailing's recipients (none for a PDF). */
const MAILING_COUNTS = `LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE r.status = 'SENT')::int AS sent, count(*) FILTER (WHERE r.status = 'FAILED')::int AS failed
      FROM mailing_recipient r WHERE r.mailing_id = m.id AND m.kind = 'EMAIL') counts ON TRUE`;

export function documentPath(mailingId: string): string {
  return `/telechargements/publipostage/${mailingId}.pdf`;
}

function positionFrom(cursor: string): number {
  const position = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isInteger(position) || position < 0) {
    throw AppError.badInput({ fr: 'Cette page de résultats a expiré : rechargez la liste.', en: 'This page of results is stale: reload the list.' });
  }
  return position;
}

function view(row: MailingRow): MailingView {
  return {
    id: row.id,
    kind: row.kind,
    layout: row.layout,
    status: row.status,
    total: row.total,
    done: row.kind === MailingKind.PDF ? row.printed : row.sent + row.failed,
    sent: row.sent,
    failed: row.failed,
    error: row.error,
    documentUrl: row.kind === MailingKind.PDF && row.status === MailingStatus.DONE && row.has_document ? documentPath(row.id) : null,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

/**
 * Publipostage: the selection is resolved in SQL (scope, filters, order) and frozen as recipient rows
 * in the same transaction as the mailing; the work itself runs in the background (MailingRunner).
 * A mailing is visible to the person who made it only: it holds activation codes.
 */
export class MailingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly queue: MailingQueue,
  ) {}

  async create(actor: Actor, input: CreateMailingInput, clientAddress: string | null): Promise<MailingView> {
    if ((input.sortBy?.length ?? 0) > 2) {
      throw AppError.badInput({ fr: 'Choisissez au plus deux critères de tri.', en: 'Choose at most two sort keys.' });
    }
    const params = new SqlParams();
    const { condition, reach } = selectionCondition(actor, input, params);
    // Every id of the input at once; a named account must be reachable (and match the filter).
    await assertIdsInScope(this.dataSource, actor, {
      structureId: input.filter?.structureId,
      classIds: input.filter?.classIds,
      importId: input.filter?.importId,
      taughtClassIds: input.teacherClassIds,
      users: { ids: input.userIds ?? [], condition, params },
    });
    const wantsEmail = input.kind === MailingKind.EMAIL;
    const created = await this.dataSource.transaction(async (manager) => {
      const userIds = input.userIds ?? [];
      // The reach is frozen with the mailing: its sheets are printed later, without the actor.
      const [{ id }] = (await manager.query(
        `INSERT INTO mailing (kind, layout, created_by_id, total, scope_root_ids, scope_class_ids) VALUES ($1, $2, $3, 0, $4, $5) RETURNING id`,
        [input.kind, input.layout, actor.userId, reach.rootIds, reach.classIds],
      )) as { id: string }[];
      const mailingId = params.add(id, 'uuid');
      const limit = params.add(MAX_MAILING_ACCOUNTS + 1, 'int');
      const order = mailingOrder(input.sortBy, MAILING_REACH);
      const [{ n: total }] = (await manager.query(
        `WITH chosen AS (
           SELECT u.id, u.email, row_number() OVER (ORDER BY ${order}) AS position
             FROM app_user u CROSS JOIN (SELECT scope_root_ids, scope_class_ids FROM mailing WHERE id = ${mailingId}) mg
            WHERE ${condition} ${wantsEmail ? "AND u.email IS NOT NULL AND u.email <> ''" : ''}
            ORDER BY ${order}
            LIMIT ${limit}),
         inserted AS (
           INSERT INTO mailing_recipient (mailing_id, user_id, position, email)
           SELECT ${mailingId}, chosen.id, chosen.position, chosen.email FROM chosen RETURNING 1)
         SELECT count(*)::int AS n FROM inserted`,
        params.values,
      )) as { n: number }[];
      if (total > MAX_MAILING_ACCOUNTS) {
        throw AppError.badInput({
          fr: `Votre sélection dépasse ${MAX_MAILING_ACCOUNTS.toLocaleString('fr-FR')} comptes : filtrez par école ou par classe.`,
          en: `Your selection has more than ${MAX_MAILING_ACCOUNTS.toLocaleString('en-GB')} accounts: filter by école or class.`,
        });
      }
      if (total === 0) {
        throw wantsEmail
          ? AppError.badInput({ fr: 'Aucun compte de votre sélection n’a d’adresse courriel.', en: 'No account of your selection has an e-mail address.' })
          : AppError.badInput({ fr: 'Aucun compte ne correspond à votre sélection.', en: 'No account matches your selection.' });
      }
      await manager.query(`UPDATE mailing SET total = $2 WHERE id = $1`, [id, total]);
      const single = userIds.length === 1 ? userIds[0] : null;
      await this.audit.record(
        {
          actorId: actor.userId,
          actorLabel: `${displayName(actor)} (${actor.login})`,
          action: input.kind === MailingKind.PDF ? 'MAILING_PDF' : 'MAILING_EMAIL',
          targetUserId: single,
          clientAddress,
          details: { mailingId: id, layout: input.layout, accounts: total },
        },
        manager,
      );
      return id;
    });
    // After the commit: a lost enqueue (crash right here) is picked up by the runner's sweep.
    await this.queue.enqueue(input.kind, created).catch((error: Error) => logger.warn('mailing not enqueued yet', { error: error.message }));
    return this.find(actor, created);
  }

  /** `mailing(id)`: only its author sees it; anyone else gets NOT_FOUND. */
  async find(actor: Actor, mailingId: string): Promise<MailingView> {
    const row = await this.findRow(actor, mailingId);
    if (!row) throw AppError.notFound();
    return view(row);
  }

  async findRow(actor: Actor, mailingId: string): Promise<MailingRow | null> {
    if (!isUuid(mailingId)) return null;
    const rows = (await this.dataSource.query(`SELECT ${MAILING_COLUMNS} FROM mailing m ${MAILING_COUNTS} WHERE m.id = $1 AND m.created_by_id = $2`, [
      mailingId,
      actor.userId,
    ])) as MailingRow[];
    return rows[0] ?? null;
  }

  /** `myMailings`: the actor's own mailings (PDF and e-mail), newest first, keyset on (created_at, id). */
  async mine(actor: Actor, first: number, after: string | null): Promise<MailingPage> {
    const size = Math.min(Math.max(first, 1), 50);
    const params = new SqlParams();
    const clauses = [`m.created_by_id = ${params.add(actor.userId, 'uuid')}`];
    if (after) {
      const { at, id } = decodeTimeCursor(after, { fr: 'Cette page de l\'historique a expiré : rechargez-la.', en: 'This page of the history is stale: reload it.' });
      clauses.push(`(m.created_at, m.id) < (${params.add(at, 'timestamptz')}, ${params.add(id, 'uuid')})`);
    }
    const rows = (await this.dataSource.query(
      `SELECT ${MAILING_COLUMNS} FROM mailing m ${MAILING_COUNTS} WHERE ${clauses.join(' AND ')}
        ORDER BY m.created_at DESC, m.id DESC LIMIT ${params.add(size + 1, 'int')}`,
      params.values,
    )) as MailingRow[];
    const page = rows.slice(0, size);
    const last = page.at(-1);
    return { nodes: page.map(view), endCursor: rows.length > size && last ? encodeTimeCursor(last.created_at, last.id) : null };
  }

  /** For live progress: the mailing and its author, whoever asks (the delivery checks the author). */
  async forDelivery(mailingId: string): Promise<{ authorId: string; mailing: MailingView } | null> {
    const rows = (await this.dataSource.query(`SELECT ${MAILING_COLUMNS}, m.created_by_id FROM mailing m ${MAILING_COUNTS} WHERE m.id = $1`, [mailingId])) as (MailingRow & {
      created_by_id: string;
    })[];
    return rows[0] ? { authorId: rows[0].created_by_id, mailing: view(rows[0]) } : null;
  }

  /** The PDF of a finished mailing of this actor, or null (absent, someone else's, expired). */
  async document(actor: Actor, mailingId: string): Promise<StoredDocument | null> {
    if (!isUuid(mailingId)) return null;
    return findDocument(this.dataSource, mailingId, actor.userId);
  }

  /** Per-recipient statuses of an e-mail mailing, in mailing order (keyset on position). */
  async recipients(actor: Actor, mailingId: string, status: RecipientStatus | null, first: number, after: string | null): Promise<MailingRecipientPage> {
    if (!(await this.findRow(actor, mailingId))) throw AppError.notFound();
    const size = Math.min(Math.max(first, 1), 200);
    const from = after ? positionFrom(after) : 0;
    const rows = (await this.dataSource.query(
      `SELECT r.user_id, r.position, r.email, r.status, r.attempts, r.sent_at, r.error, u.first_name, u.last_name, COALESCE(u.alias, u.login) AS login
         FROM mailing_recipient r JOIN app_user u ON u.id = r.user_id
        WHERE r.mailing_id = $1 AND r.position > $2 AND ($3::mailing_recipient_status IS NULL OR r.status = $3)
        ORDER BY r.position LIMIT $4`,
      [mailingId, from, status, size + 1],
    )) as {
      user_id: string;
      position: number;
      email: string | null;
      status: RecipientStatus;
      attempts: number;
      sent_at: Date | null;
      error: string | null;
      first_name: string;
      last_name: string;
      login: string;
    }[];
    const page = rows.slice(0, size);
    return {
      nodes: page.map((row) => ({
        userId: row.user_id,
        displayName: displayName({ firstName: row.first_name, lastName: row.last_name }),
        login: row.login,
        email: row.email,
        status: row.status,
        attempts: row.attempts,
        sentAt: row.sent_at,
        error: row.error,
      })),
      endCursor: rows.length > size ? Buffer.from(String(page.at(-1)!.position)).toString('base64url') : null,
    };
  }

  /** « N comptes sélectionnés au total » and « N comptes sans adresse courriel », in one scan. */
  async selectionCounts(actor: Actor, filter: UserFilter | null): Promise<MailingSelectionCounts> {
    if (actor.scope.isEmpty) return { total: 0, withoutEmail: 0 };
    await assertIdsInScope(this.dataSource, actor, { structureId: filter?.structureId, classIds: filter?.classIds, importId: filter?.importId });
    const params = new SqlParams();
    const condition = userFilterCondition(actor, { ...(filter ?? {}), predeleted: false } as UserFilter, params);
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE u.email IS NULL OR u.email = '')::int AS without_email FROM app_user u WHERE ${condition}`,
      params.values,
    )) as { total: number; without_email: number }[];
    return { total: row.total, withoutEmail: row.without_email };
  }
}
