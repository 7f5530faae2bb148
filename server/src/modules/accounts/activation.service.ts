import { DataSource } from 'typeorm';
import { Config } from '../../platform/config/config';
import { hashPassword } from '../../platform/auth/password-hasher';
import { AppError } from '../../platform/errors/app-error';
import { AuditService } from '../audit';
import { Profile } from '../../platform/model/profile';
import { checkNewPassword, FormErrors, normaliseEmail, normaliseMobile } from './account-form';
import { AuthenticationService, ClientInfo } from './authentication.service';

export interface ActivationInput {
  login: string;
  activationCode: string;
  password: string;
  passwordConfirmation: string;
  email?: string | null;
  mobile?: string | null;
}

/**
 * First connection with the activation code printed on the sheet: choose a password (twice), give
 * an e-mail (required for parents unless configured otherwise) and optionally a mobile phone; the
 * code is erased, the account is active and the person is signed in.
 */
export class ActivationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authentication: AuthenticationService,
    private readonly audit: AuditService,
    private readonly config: Pick<Config, 'requireEmailForRelatives'>,
  ) {}

  async activate(input: ActivationInput, client: ClientInfo): Promise<{ userId: string; token: string }> {
    const credential = await this.authentication.verify(input.login, input.activationCode, client);
    if (credential.kind !== 'activation') throw AppError.of('BAD_CREDENTIALS');
    const [account] = (await this.dataSource.query('SELECT profile FROM app_user WHERE id = $1', [credential.userId])) as { profile: Profile }[];
    const errors = new FormErrors();
    checkNewPassword(errors, input.password, input.passwordConfirmation);
    const email = normaliseEmail(errors, input.email, account.profile === Profile.RELATIVE && this.config.requireEmailForRelatives);
    const mobile = normaliseMobile(errors, input.mobile);
    errors.throwIfAny();
    const passwordHash = await hashPassword(input.password);
    await this.dataSource.transaction(async (manager) => {
      // The code must still be there: two tabs activating at once → only one wins.
      const updated = (await manager.query(
        `UPDATE app_user SET password_hash = $2, activation_code_secret = NULL, activated_at = now(),
                email = COALESCE($3, email), mobile = COALESCE($4, mobile), updated_at = now()
          WHERE id = $1 AND activation_code_secret IS NOT NULL AND password_hash IS NULL RETURNING id`,
        [credential.userId, passwordHash, email, mobile],
      )) as [unknown[], number];
      if (updated[1] !== 1) throw AppError.of('BAD_CREDENTIALS');
      await this.audit.record(
        { actorId: credential.userId, actorLabel: credential.login, action: 'ACCOUNT_ACTIVATED', targetUserId: credential.userId, targetLabel: credential.login, clientAddress: client.address, details: { email: !!email, mobile: !!mobile } },
        manager,
      );
    });
    return { userId: credential.userId, token: await this.authentication.openSession(credential.userId, client) };
  }
}
