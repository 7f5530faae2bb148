import { DataSource } from 'typeorm';
import { Actor, displayName } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors/app-error';
import { EventBus } from '../../platform/pubsub/event-bus';
import { AuditService } from '../audit';
import { findAccessibleUser, USER_COLUMNS, UserRow, UserView, userView } from '../directory';
import { ClientInfo } from './authentication.service';

const REASON_MAX = 500;

/**
 * « Bloquer le compte » / « Débloquer ». Blocking ends every session of the user in the same
 * transaction and tells every server instance (LISTEN/NOTIFY, delivered at commit) to close the
 * user's live connections. An end date unblocks by itself: sign-in checks it, and a job clears it.
 */
export class BlockingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly events: EventBus,
  ) {}

  async block(actor: Actor, userId: string, until: Date | null | undefined, reason: string | null | undefined, client: ClientInfo): Promise<UserView> {
    const cleanReason = reason?.trim() || null;
    if (cleanReason && cleanReason.length > REASON_MAX) {
      throw AppError.badInput({ fr: `Le motif doit faire au plus ${REASON_MAX} caractères.`, en: `The reason must have at most ${REASON_MAX} characters.` }, { reason: { fr: `${REASON_MAX} caractères au plus.`, en: `${REASON_MAX} characters at most.` } });
    }
    if (until && until.getTime() <= Date.now()) {
      throw AppError.badInput({ fr: 'La date de fin du blocage doit être dans le futur.', en: 'The end of the block must be in the future.' }, { until: { fr: 'Choisissez une date à venir.', en: 'Choose a future date.' } });
    }
    if (userId === actor.userId) {
      throw new AppError('SELF_BLOCK', { fr: 'Vous ne pouvez pas bloquer votre propre compte.', en: 'You cannot block your own account.' });
    }
    return this.dataSource.transaction(async (manager) => {
      const target = await findAccessibleUser(manager, actor, userId, 'administer', true);
      const [rows] = (await manager.query(
        `UPDATE app_user u SET blocked_at = now(), blocked_until = $2, blocked_reason = $3, updated_at = now()
          WHERE u.id = $1 RETURNING ${USER_COLUMNS}`,
        [target.id, until ?? null, cleanReason],
      )) as [UserRow[], number];
      await manager.query('DELETE FROM user_session WHERE user_id = $1', [target.id]);
      await manager.query('UPDATE renewal_code SET revoked_at = now() WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL', [target.id]);
      await this.audit.record(
        { actorId: actor.userId, actorLabel: `${displayName(actor)} (${actor.login})`, action: 'USER_BLOCKED', targetUserId: target.id, targetLabel: target.login, clientAddress: client.address, details: { until: until?.toISOString() ?? null, reason: cleanReason } },
        manager,
      );
      await this.events.publish({ type: 'session.revoked', userId: target.id }, (sql, params) => manager.query(sql, params));
      await this.events.publish({ type: 'account.blocked', userId: target.id }, (sql, params) => manager.query(sql, params));
      return userView(rows[0], true);
    });
  }

  async unblock(actor: Actor, userId: string, client: ClientInfo): Promise<UserView> {
    return this.dataSource.transaction(async (manager) => {
      const target = await findAccessibleUser(manager, actor, userId, 'administer', true);
      const [rows] = (await manager.query(
        `UPDATE app_user u SET blocked_at = NULL, blocked_until = NULL, blocked_reason = NULL, updated_at = now()
          WHERE u.id = $1 RETURNING ${USER_COLUMNS}`,
        [target.id],
      )) as [UserRow[], number];
      if (target.blocked) {
        await this.audit.record(
          { actorId: actor.userId, actorLabel: `${displayName(actor)} (${actor.login})`, action: 'USER_UNBLOCKED', targetUserId: target.id, targetLabel: target.login, clientAddress: client.address },
          manager,
        );
        await this.events.publish({ type: 'account.unblocked', userId: target.id }, (sql, params) => manager.query(sql, params));
      }
      return userView(rows[0], true);
    });
  }

  /** Clears blocks whose end date has passed (they already no longer apply), for a tidy record. */
  async clearExpiredBlocks(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE app_user SET blocked_at = NULL, blocked_until = NULL, blocked_reason = NULL, updated_at = now()
          WHERE blocked_until IS NOT NULL AND blocked_until <= now() RETURNING id, login`,
      )) as [{ id: string; login: string }[], number];
      for (const row of rows) {
        await this.audit.record({ actorId: null, actorLabel: 'Préau (fin de blocage programmée)', action: 'USER_UNBLOCKED', targetUserId: row.id, targetLabel: row.login, details: { automatic: true } }, manager);
        await this.events.publish({ type: 'account.unblocked', userId: row.id }, (sql, params) => manager.query(sql, params));
      }
      return rows.length;
    });
  }
}
