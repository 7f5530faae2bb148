import { timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { LoginThrottle, ThrottleCounter } from '../../platform/auth/login-throttle';
import { dummyHash, verifyPassword } from '../../platform/auth/password-hasher';
import { SessionService } from '../../platform/auth/session.service';
import { looksLikeCode } from '../../platform/crypto/codes';
import { preparedQuery } from '../../platform/database/prepared-query';
import { SecretBox } from '../../platform/crypto/secret-box';
import { AppError } from '../../platform/errors/app-error';
import type { Actor } from '../../platform/auth/actor';
import type { EventBus } from '../../platform/pubsub/event-bus';
import { LoginStatus } from './me.types';

interface AccountSecrets {
  id: string;
  login: string;
  password_hash: string | null;
  activation_code_secret: string | null;
  can_sign_in: boolean;
  renewal_id: string | null;
  renewal_hash: string | null;
}

export type Credential =
  | { kind: 'password'; userId: string; login: string }
  | { kind: 'activation'; userId: string; login: string }
  | { kind: 'renewal'; userId: string; login: string; renewalCodeId: string };

export interface ClientInfo {
  address: string | null;
  userAgent: string | null;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Checks what someone typed in « Mot de passe »: their password, the activation code of a new
 * account, or a renewal code. Codes are lower-case only while every valid password has an upper-case
 * letter, so the two never overlap. Every path does exactly one argon2 verification, and unknown,
 * blocked and pre-deleted accounts fail like a wrong password: same message, same time.
 */
export class AuthenticationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly secretBox: SecretBox,
    private readonly throttle: LoginThrottle,
    private readonly events: EventBus,
  ) {}

  async verify(loginOrAlias: string, secret: string, client: ClientInfo): Promise<Credential> {
    const name = loginOrAlias.trim().toLowerCase().slice(0, 200);
    await this.throttle.refuseIfKnown(name, client.address);
    const { account, counters } = await this.lookup(name, this.throttle.keysFor(name, client.address));
    const attempt = await this.throttle.beforeAttempt(name, client.address, counters);
    try {
      const credential = await this.check(account, secret.slice(0, 1024));
      if (!credential) {
        await attempt.failed();
        throw AppError.of('BAD_CREDENTIALS');
      }
      await attempt.succeeded();
      return credential;
    } finally {
      attempt.end();
    }
  }

  /**
   * The account named `name` (login or alias) with its live renewal code, and the throttle's
   * counters for this attempt: one prepared statement, one round trip (a sign-in's costs besides
   * argon2 are mostly per statement).
   */
  private async lookup(name: string, throttleKeys: string[]): Promise<{ account: AccountSecrets | undefined; counters: ThrottleCounter[] }> {
    const [row] = await preparedQuery<AccountSecrets & { found: boolean; counters: ThrottleCounter[] }>(
      this.dataSource,
      `SELECT ${this.throttle.countersSql('$2::text[]')} AS counters, a.*
         FROM (SELECT 1) one
         LEFT JOIN LATERAL (
           SELECT true AS found, u.id, u.login, u.password_hash, u.activation_code_secret,
                  (u.predeleted_at IS NULL AND (u.blocked_at IS NULL OR (u.blocked_until IS NOT NULL AND u.blocked_until <= now()))) AS can_sign_in,
                  r.id AS renewal_id, r.code_hash AS renewal_hash
             FROM account_name n
             JOIN app_user u ON u.id = n.user_id
             LEFT JOIN LATERAL (
               SELECT id, code_hash FROM renewal_code
                WHERE user_id = u.id AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
                ORDER BY created_at DESC LIMIT 1
             ) r ON true
            WHERE n.name = $1 AND $1 <> ''
         ) a ON true`,
      [name, throttleKeys],
    );
    return { account: row?.found ? row : undefined, counters: row?.counters ?? [] };
  }

  private async check(account: AccountSecrets | undefined, secret: string): Promise<Credential | null> {
    if (!account || !account.can_sign_in || !secret) {
      await verifyPassword(await dummyHash(), secret);
      return null;
    }
    const typed = secret.trim();
    if (looksLikeCode(typed)) {
      if (!account.password_hash && account.activation_code_secret) {
        await verifyPassword(await dummyHash(), secret);
        const code = this.secretBox.open(account.activation_code_secret);
        return sameText(code, typed) ? { kind: 'activation', userId: account.id, login: account.login } : null;
      }
      if (account.renewal_hash && account.renewal_id) {
        return (await verifyPassword(account.renewal_hash, typed))
          ? { kind: 'renewal', userId: account.id, login: account.login, renewalCodeId: account.renewal_id }
          : null;
      }
    }
    if (!account.password_hash) {
      await verifyPassword(await dummyHash(), secret);
      return null;
    }
    return (await verifyPassword(account.password_hash, secret)) ? { kind: 'password', userId: account.id, login: account.login } : null;
  }

  /** « Se connecter ». A code leads to the activation or renewal page instead of a session. */
  async login(loginOrAlias: string, secret: string, client: ClientInfo): Promise<{ status: LoginStatus; userId: string; token?: string }> {
    const credential = await this.verify(loginOrAlias, secret, client);
    if (credential.kind === 'activation') return { status: LoginStatus.ACTIVATION_REQUIRED, userId: credential.userId };
    if (credential.kind === 'renewal') return { status: LoginStatus.RENEWAL_REQUIRED, userId: credential.userId };
    return { status: LoginStatus.SIGNED_IN, userId: credential.userId, token: await this.openSession(credential.userId, client) };
  }

  async openSession(userId: string, client: ClientInfo): Promise<string> {
    const session = await this.sessions.create(userId, client.address, client.userAgent);
    return session.token;
  }

  /** Ends the session and closes its live connections on every instance. */
  async logout(actor: Pick<Actor, 'userId' | 'sessionId'> | null): Promise<void> {
    if (!actor?.sessionId) return;
    await this.sessions.revoke(actor.sessionId);
    await this.events.publish({ type: 'session.revoked', userId: actor.userId, sessionId: actor.sessionId });
  }
}
