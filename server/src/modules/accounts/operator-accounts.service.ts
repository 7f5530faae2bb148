import { DataSource } from 'typeorm';
import { hashPassword } from '../../platform/auth/password-hasher';
import { AppError } from '../../platform/errors/app-error';
import { AuditService } from '../audit';
import { ALIAS_MAX_LENGTH, ALIAS_PATTERN, searchKey } from '../directory';
import { randomPassword } from './password-policy';

const CLI_ACTOR = 'Console opérateur (npm run admin)';

/** What the operator console (`npm run admin`) does to accounts. */
export class OperatorAccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Creates an activated operator account and returns its one-time password. */
  async createOperator(login: string, firstName = 'Opérateur', lastName = 'Préau'): Promise<string> {
    const name = login.trim().toLowerCase();
    if (!ALIAS_PATTERN.test(name) || name.length > ALIAS_MAX_LENGTH) {
      throw AppError.badInput({
        fr: `Identifiant invalide « ${login} » : lettres minuscules sans accent, chiffres et points uniquement (64 au plus).`,
        en: `Invalid login "${login}": lower-case letters without accents, digits and dots only (64 at most).`,
      });
    }
    const password = randomPassword();
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (manager) => {
      const taken = await manager.query('SELECT 1 FROM account_name WHERE name = $1', [name]);
      if (taken.length) {
        throw AppError.badInput({ fr: `L'identifiant « ${name} » est déjà pris.`, en: `The login "${name}" is already taken.` });
      }
      const [user] = (await manager.query(
        `INSERT INTO app_user (profile, first_name, last_name, search_first, search_last, login, password_hash, activated_at, source)
         VALUES ('PERSONNEL', $1, $2, $3, $4, $5, $6, now(), 'MANUAL') RETURNING id`,
        [firstName, lastName, searchKey(firstName), searchKey(lastName), name, passwordHash],
      )) as { id: string }[];
      await manager.query(`INSERT INTO account_name (name, user_id, kind) VALUES ($1, $2, 'LOGIN')`, [name, user.id]);
      await manager.query(`INSERT INTO admin_function (user_id, function, structure_id) VALUES ($1, 'OPERATOR', NULL)`, [user.id]);
      await this.audit.record(
        { actorId: null, actorLabel: CLI_ACTOR, action: 'OPERATOR_CREATED', targetUserId: user.id, targetLabel: name },
        manager,
      );
    });
    return password;
  }

  /**
   * Sets a new random password (login or alias accepted) and ends the user's sessions. The account
   * counts as activated from then on. Returns the password and the account's login.
   */
  async resetPassword(loginOrAlias: string): Promise<{ userId: string; login: string; password: string }> {
    const name = loginOrAlias.trim().toLowerCase();
    const password = randomPassword();
    const passwordHash = await hashPassword(password);
    return this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `UPDATE app_user u SET password_hash = $2, activation_code_secret = NULL,
                activated_at = COALESCE(u.activated_at, now()), updated_at = now()
           FROM account_name n WHERE n.name = $1 AND u.id = n.user_id RETURNING u.id, u.login`,
        [name, passwordHash],
      )) as [{ id: string; login: string }[], number];
      const user = rows[0][0];
      if (!user) {
        throw new AppError('NOT_FOUND', {
          fr: `Aucun compte ne porte l'identifiant « ${name} ».`,
          en: `No account has the login "${name}".`,
        });
      }
      await manager.query('DELETE FROM user_session WHERE user_id = $1', [user.id]);
      await this.audit.record(
        { actorId: null, actorLabel: CLI_ACTOR, action: 'PASSWORD_RESET', targetUserId: user.id, targetLabel: user.login },
        manager,
      );
      return { userId: user.id, login: user.login, password };
    });
  }
}
