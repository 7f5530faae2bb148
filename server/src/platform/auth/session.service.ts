import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { activityMark } from './activity-mark';

export const SESSION_COOKIE = 'preau_session';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * Browser sessions in PostgreSQL: any server instance accepts any session, and revoking one is a
 * DELETE seen by all instances at once. Reading a session (with its sliding expiry, refreshed at most
 * once a minute) is part of the actor query: see loadActorBySession.
 */
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ttlHours: number,
  ) {}

  /**
   * Opens a session and records the sign-in as the user's last connection and today in their
   * activity mask (the day only, for « actifs sur 7/30 jours »): one statement, one commit.
   * That commit does not wait for the WAL flush (`synchronous_commit` off for this transaction only):
   * every instance sees the session at once all the same, and only a crash of PostgreSQL itself in
   * the next fraction of a second could lose it, which asks that person to sign in again. Waiting
   * for the disk took half a millisecond and a third of PostgreSQL's CPU per sign-in.
   */
  async create(userId: string, clientAddress: string | null, userAgent: string | null): Promise<{ token: string; tokenHash: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const tokenHash = hashToken(token);
    const expiresAt = new Date(Date.now() + this.ttlHours * 3_600_000);
    await preparedQuery(
      this.dataSource,
      `WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true)),
            signed_in AS (UPDATE app_user SET last_login_at = now() WHERE id = $2),
            ${activityMark('$2::uuid')}
       INSERT INTO user_session (token_hash, user_id, expires_at, last_seen_at, client_address, user_agent)
       SELECT $1, $2, $3::timestamptz, now(), $4, $5 FROM relaxed`,
      [tokenHash, userId, expiresAt, clientAddress, userAgent?.slice(0, 300) ?? null],
    );
    return { token, tokenHash, expiresAt };
  }

  async revoke(tokenHash: string): Promise<void> {
    await this.dataSource.query('DELETE FROM user_session WHERE token_hash = $1', [tokenHash]);
  }

  /** Ends every session of a user (blocking, password change); returns how many were ended. */
  async revokeAllForUser(userId: string): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query('DELETE FROM user_session WHERE user_id = $1', [userId]);
    return result[1] ?? 0;
  }

  async purgeExpired(): Promise<void> {
    await this.dataSource.query('DELETE FROM user_session WHERE expires_at < now()');
  }
}
