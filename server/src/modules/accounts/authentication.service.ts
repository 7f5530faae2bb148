import { timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dummyHash, verifyPassword } from '../../platform/auth/password-hasher';
import { SessionService } from '../../platform/auth/session.service';
import { SecretBox } from '../../platform/crypto/secret-box';
import { AppError } from '../../platform/errors/app-error';
import { LoginStatus } from './me.types';

interface Credentials {
  id: string;
  password_hash: string | null;
  activation_code_secret: string | null;
  can_sign_in: boolean;
}

export interface LoginOutcome {
  status: LoginStatus;
  userId?: string;
  session?: { token: string; tokenHash: string };
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Sign-in. Unknown login, blocked or pre-deleted account and wrong password all end in the same
 * error after the same work (one argon2 verification), so the answer tells nothing about accounts.
 */
export class AuthenticationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly secretBox: SecretBox,
  ) {}

  async login(loginOrAlias: string, password: string, client: { address: string | null; userAgent: string | null }): Promise<LoginOutcome> {
    const name = loginOrAlias.trim().toLowerCase();
    if (!name || !password || name.length > 200 || password.length > 1024) {
      await verifyPassword(await dummyHash(), password.slice(0, 128));
      throw AppError.of('BAD_CREDENTIALS');
    }
    const rows: Credentials[] = await this.dataSource.query(
      `SELECT u.id, u.password_hash, u.activation_code_secret,
              (u.predeleted_at IS NULL AND (u.blocked_at IS NULL OR (u.blocked_until IS NOT NULL AND u.blocked_until <= now()))) AS can_sign_in
         FROM account_name n JOIN app_user u ON u.id = n.user_id
        WHERE n.name = $1`,
      [name],
    );
    const account = rows[0];
    if (!account || !account.can_sign_in) {
      await verifyPassword(await dummyHash(), password);
      throw AppError.of('BAD_CREDENTIALS');
    }
    if (account.password_hash) {
      if (!(await verifyPassword(account.password_hash, password))) throw AppError.of('BAD_CREDENTIALS');
      await this.dataSource.query('UPDATE app_user SET last_login_at = now() WHERE id = $1', [account.id]);
      const session = await this.sessions.create(account.id, client.address, client.userAgent);
      return { status: LoginStatus.SIGNED_IN, userId: account.id, session };
    }
    // Not activated yet: the "password" must be the activation code printed on the sheet.
    await verifyPassword(await dummyHash(), password);
    const code = account.activation_code_secret ? this.secretBox.open(account.activation_code_secret) : null;
    if (!code || !sameText(code, password.trim().toLowerCase())) throw AppError.of('BAD_CREDENTIALS');
    return { status: LoginStatus.ACTIVATION_REQUIRED, userId: account.id };
  }

  async logout(sessionId: string | undefined): Promise<void> {
    if (sessionId) await this.sessions.revoke(sessionId);
  }
}
