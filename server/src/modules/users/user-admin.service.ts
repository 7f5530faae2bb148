import { DataSource, EntityManager } from 'typeorm';
import { Actor, displayName } from '../../platform/auth/actor';
import { generateCode } from '../../platform/crypto/codes';
import { SecretBox } from '../../platform/crypto/secret-box';
import { isUuid } from '../../platform/database/uuid';
import { SqlParams } from '../../platform/database/sql-builder';
import { AppError } from '../../platform/errors/app-error';
import { EventBus } from '../../platform/pubsub/event-bus';
import { AuditRecord, AuditService } from '../audit';
import { FormErrors, normaliseEmail } from '../accounts';
import { AdminFunction } from '../../platform/model/admin-function';
import { ALIAS_MAX_LENGTH, ALIAS_PATTERN, baseLogin, chooseLogins, searchKey, structureInScope, findAccessibleUser, TargetUser, AccountSource, USER_COLUMNS, UserRow, UserView, userView } from '../directory';
import { Profile } from '../../platform/model/profile';

export interface ClientInfo {
  address: string | null;
}

export interface CreateUserInput {
  profile: Profile;
  firstName: string;
  lastName: string;
  schoolId: string;
  classId?: string | null;
  email?: string | null;
  birthDate?: string | null;
}

const functionKinds: Record<AdminFunction, string | null> = {
  [AdminFunction.SCHOOL_ADMIN]: 'ECOLE',
  [AdminFunction.CIRCONSCRIPTION_ADMIN]: 'CIRCONSCRIPTION',
  [AdminFunction.DEPARTEMENT_ADMIN]: 'DEPARTEMENT',
  [AdminFunction.OPERATOR]: null,
};

/**
 * The actions of the user record. Each one: checks the target (and any class, structure or other
 * account involved) is in the actor's scope — else NOT_FOUND — then changes and audits in one
 * transaction, so a refused action changes nothing.
 */
export class UserAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly events: EventBus,
    private readonly secretBox: SecretBox,
    private readonly options: { predeleteGraceDays: number },
  ) {}

  private log(manager: EntityManager, actor: Actor, client: ClientInfo, action: string, target: { id: string; login: string }, details?: Record<string, unknown>) {
    const record: AuditRecord = {
      actorId: actor.userId,
      actorLabel: `${displayName(actor)} (${actor.login})`,
      action,
      targetUserId: target.id,
      targetLabel: target.login,
      clientAddress: client.address,
      details,
    };
    return this.audit.record(record, manager);
  }

  private async reload(manager: EntityManager, userId: string): Promise<UserView> {
    const [row] = (await manager.query(`SELECT ${USER_COLUMNS} FROM app_user u WHERE u.id = $1`, [userId])) as UserRow[];
    return userView(row, true);
  }

  private async inTransaction(actor: Actor, userId: string, work: (manager: EntityManager, target: TargetUser) => Promise<void>): Promise<UserView> {
    return this.dataSource.transaction(async (manager) => {
      const target = await findAccessibleUser(manager, actor, userId, 'administer', true);
      await work(manager, target);
      return this.reload(manager, target.id);
    });
  }

  /** « Identifiant personnalisé » — Enregistrer. An empty value removes the alias. */
  async setAlias(actor: Actor, userId: string, alias: string | null | undefined, client: ClientInfo): Promise<UserView> {
    const value = (alias ?? '').trim();
    if (value && (!ALIAS_PATTERN.test(value) || value.length > ALIAS_MAX_LENGTH)) {
      const text = {
        fr: "L'identifiant personnalisé ne peut contenir que des lettres minuscules sans accent, des chiffres et des points (64 caractères au plus).",
        en: 'The custom login may only hold lower-case letters without accents, digits and dots (64 characters at most).',
      };
      throw AppError.badInput(text, { alias: text });
    }
    return this.inTransaction(actor, userId, async (manager, target) => {
      const [current] = (await manager.query('SELECT alias FROM app_user WHERE id = $1', [target.id])) as { alias: string | null }[];
      if ((current.alias ?? '') === value) return;
      if (value) {
        const [taken] = (await manager.query('SELECT user_id FROM account_name WHERE name = $1', [value])) as { user_id: string }[];
        if (taken && taken.user_id !== target.id) {
          const text = { fr: `« ${value} » est déjà pris par un autre compte : choisissez-en un autre.`, en: `"${value}" is already taken by another account: choose another one.` };
          throw new AppError('ALIAS_TAKEN', text, { alias: text });
        }
        if (value === target.login) {
          const text = { fr: "C'est déjà l'identifiant de ce compte.", en: 'This is already the login of this account.' };
          throw AppError.badInput(text, { alias: text });
        }
      }
      await manager.query(`DELETE FROM account_name WHERE user_id = $1 AND kind = 'ALIAS'`, [target.id]);
      if (value) await manager.query(`INSERT INTO account_name (name, user_id, kind) VALUES ($1, $2, 'ALIAS')`, [value, target.id]);
      await manager.query('UPDATE app_user SET alias = $2, updated_at = now() WHERE id = $1', [target.id, value || null]);
      await this.log(manager, actor, client, value ? 'ALIAS_SET' : 'ALIAS_REMOVED', target, { before: current.alias, after: value || null });
    });
  }

  private async classInScope(manager: EntityManager, actor: Actor, classId: string): Promise<{ id: string; name: string; school_id: string }> {
    if (!isUuid(classId)) throw AppError.notFound();
    const params = new SqlParams();
    const [found] = (await manager.query(
      `SELECT c.id, c.name, c.school_id FROM school_class c WHERE c.id = ${params.add(classId, 'uuid')} AND ${actor.scope.contains('c.school_id', params)}`,
      params.values,
    )) as { id: string; name: string; school_id: string }[];
    if (!found) throw AppError.notFound();
    return found;
  }

  private async attach(manager: EntityManager, actor: Actor, client: ClientInfo, target: TargetUser, schoolClass: { id: string; name: string; school_id: string }) {
    if (![Profile.STUDENT, Profile.TEACHER, Profile.PERSONNEL].includes(target.profile)) {
      throw new AppError('WRONG_PROFILE', { fr: 'Seuls les élèves, les enseignants et les personnels peuvent être rattachés à une classe.', en: 'Only pupils, teachers and staff can be attached to a class.' });
    }
    const [member] = (await manager.query('SELECT 1 FROM user_structure WHERE user_id = $1 AND structure_id = $2', [target.id, schoolClass.school_id])) as unknown[];
    if (!member) {
      throw new AppError('OTHER_SCHOOL', {
        fr: `${target.lastName.toUpperCase()} ${target.firstName} n'appartient pas à l'école de la classe ${schoolClass.name}.`,
        en: `${target.lastName.toUpperCase()} ${target.firstName} does not belong to the school of class ${schoolClass.name}.`,
      });
    }
    await manager.query('INSERT INTO class_member (class_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [schoolClass.id, target.id]);
    await this.log(manager, actor, client, 'CLASS_ATTACHED', target, { classId: schoolClass.id, className: schoolClass.name });
  }

  /** « Ajouter une classe ». */
  attachToClass(actor: Actor, userId: string, classId: string, client: ClientInfo): Promise<UserView> {
    return this.inTransaction(actor, userId, async (manager, target) => {
      await this.attach(manager, actor, client, target, await this.classInScope(manager, actor, classId));
    });
  }

  /** From the class page: several teachers at once, all or nothing. */
  async attachTeachers(actor: Actor, classId: string, userIds: string[], client: ClientInfo): Promise<void> {
    if (userIds.length === 0 || userIds.length > 50) {
      throw AppError.badInput({ fr: 'Choisissez entre 1 et 50 enseignants.', en: 'Choose between 1 and 50 teachers.' });
    }
    await this.dataSource.transaction(async (manager) => {
      const schoolClass = await this.classInScope(manager, actor, classId);
      for (const userId of [...new Set(userIds)]) {
        const target = await findAccessibleUser(manager, actor, userId, 'administer', true);
        await this.attach(manager, actor, client, target, schoolClass);
      }
    });
  }

  /** Remove a class from the record. */
  detachFromClass(actor: Actor, userId: string, classId: string, client: ClientInfo): Promise<UserView> {
    return this.inTransaction(actor, userId, async (manager, target) => {
      const schoolClass = await this.classInScope(manager, actor, classId);
      await manager.query('DELETE FROM class_member WHERE class_id = $1 AND user_id = $2', [schoolClass.id, target.id]);
      await this.log(manager, actor, client, 'CLASS_DETACHED', target, { classId: schoolClass.id, className: schoolClass.name });
    });
  }

  /** « Ajouter un responsable »: a RELATIVE account in scope becomes a parent of the pupil. */
  addRelative(actor: Actor, studentId: string, relativeId: string, client: ClientInfo): Promise<UserView> {
    return this.inTransaction(actor, studentId, async (manager, student) => {
      const relative = await findAccessibleUser(manager, actor, relativeId, 'administer', true);
      if (student.profile !== Profile.STUDENT || relative.profile !== Profile.RELATIVE) {
        throw new AppError('WRONG_PROFILE', { fr: "Un responsable est un compte « Parent » rattaché à un compte « Élève ».", en: 'A guardian is a Parent account linked to a Pupil account.' });
      }
      await manager.query('INSERT INTO relative_link (relative_id, student_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [relative.id, student.id]);
      // A parent belongs to the écoles of their children.
      await manager.query(
        `INSERT INTO user_structure (user_id, structure_id) SELECT $1, structure_id FROM user_structure WHERE user_id = $2 ON CONFLICT DO NOTHING`,
        [relative.id, student.id],
      );
      await this.log(manager, actor, client, 'RELATIVE_ADDED', student, { relativeId: relative.id, relativeLogin: relative.login });
    });
  }

  removeRelative(actor: Actor, studentId: string, relativeId: string, client: ClientInfo): Promise<UserView> {
    return this.inTransaction(actor, studentId, async (manager, student) => {
      const relative = await findAccessibleUser(manager, actor, relativeId, 'administer', true);
      await manager.query('DELETE FROM relative_link WHERE relative_id = $1 AND student_id = $2', [relative.id, student.id]);
      await this.log(manager, actor, client, 'RELATIVE_REMOVED', student, { relativeId: relative.id, relativeLogin: relative.login });
    });
  }

  private async checkGrant(actor: Actor, fn: AdminFunction, structureId: string | null | undefined): Promise<string | null> {
    if (fn === AdminFunction.OPERATOR) {
      if (!actor.scope.all) throw AppError.forbidden();
      return null;
    }
    if (!structureId || !(await structureInScope(this.dataSource, actor, structureId))) throw AppError.notFound();
    return structureId;
  }


  /** « Attribuer droit d'Administrateur »: only over a structure of the actor's own scope. */
  async grantFunction(actor: Actor, userId: string, fn: AdminFunction, structureId: string | null | undefined, client: ClientInfo): Promise<UserView> {
    const structure = await this.checkGrant(actor, fn, structureId);
    return this.inTransaction(actor, userId, async (manager, target) => {
      if (structure) {
        const [found] = (await manager.query('SELECT kind FROM structure WHERE id = $1', [structure])) as { kind: string }[];
        if (found?.kind !== functionKinds[fn]) {
          throw AppError.badInput({ fr: 'Cette fonction ne correspond pas à ce type de structure.', en: 'This function does not match this kind of structure.' });
        }
      }
      await manager.query(
        `INSERT INTO admin_function (user_id, function, structure_id, granted_by_id) SELECT $1, $2, $3, $4
          WHERE NOT EXISTS (SELECT 1 FROM admin_function WHERE user_id = $1 AND function = $2 AND structure_id IS NOT DISTINCT FROM $3)`,
        [target.id, fn, structure, actor.userId],
      );
      await this.log(manager, actor, client, 'FUNCTION_GRANTED', target, { function: fn, structureId: structure });
    });
  }

  async revokeFunction(actor: Actor, userId: string, fn: AdminFunction, structureId: string | null | undefined, client: ClientInfo): Promise<UserView> {
    const structure = await this.checkGrant(actor, fn, structureId);
    if (userId === actor.userId) {
      throw new AppError('SELF_REVOKE', { fr: 'Vous ne pouvez pas retirer vos propres droits : demandez-le à votre ERUN.', en: 'You cannot remove your own rights: ask your digital adviser.' });
    }
    return this.inTransaction(actor, userId, async (manager, target) => {
      await manager.query('DELETE FROM admin_function WHERE user_id = $1 AND function = $2 AND structure_id IS NOT DISTINCT FROM $3', [target.id, fn, structure]);
      await this.log(manager, actor, client, 'FUNCTION_REVOKED', target, { function: fn, structureId: structure });
    });
  }

  /** « Supprimer la photo ». */
  removePhoto(actor: Actor, userId: string, client: ClientInfo): Promise<UserView> {
    return this.inTransaction(actor, userId, async (manager, target) => {
      await manager.query('UPDATE app_user SET photo_path = NULL, updated_at = now() WHERE id = $1', [target.id]);
      await this.log(manager, actor, client, 'PHOTO_REMOVED', target);
    });
  }

  /** « Pré-supprimer le compte »: disabled at once, deleted for good after the grace period unless restored. */
  predelete(actor: Actor, userId: string, client: ClientInfo): Promise<UserView> {
    if (userId === actor.userId) {
      throw new AppError('SELF_PREDELETE', { fr: 'Vous ne pouvez pas pré-supprimer votre propre compte.', en: 'You cannot pre-delete your own account.' });
    }
    return this.inTransaction(actor, userId, async (manager, target) => {
      const [row] = (await manager.query('SELECT source, left_feed_at, predeleted_at FROM app_user WHERE id = $1', [target.id])) as {
        source: AccountSource;
        left_feed_at: Date | null;
        predeleted_at: Date | null;
      }[];
      if (row.predeleted_at) return;
      if (row.source !== AccountSource.MANUAL && !row.left_feed_at) {
        throw new AppError('FEED_ACCOUNT', {
          fr: "Ce compte vient de l'annuaire (ONDE) : il ne peut être pré-supprimé qu'une fois que l'annuaire ne le contient plus.",
          en: 'This account comes from the directory feed (ONDE): it can only be pre-deleted once the feed no longer lists it.',
        });
      }
      await manager.query(
        `UPDATE app_user SET predeleted_at = now(), delete_after = now() + make_interval(days => $2), updated_at = now() WHERE id = $1`,
        [target.id, this.options.predeleteGraceDays],
      );
      await manager.query('DELETE FROM user_session WHERE user_id = $1', [target.id]);
      await this.log(manager, actor, client, 'USER_PREDELETED', target, { graceDays: this.options.predeleteGraceDays });
      await this.events.publish({ type: 'session.revoked', userId: target.id }, (sql, params) => manager.query(sql, params));
    });
  }

  /** « Restaurer ». */
  restore(actor: Actor, userId: string, client: ClientInfo): Promise<UserView> {
    return this.inTransaction(actor, userId, async (manager, target) => {
      await manager.query('UPDATE app_user SET predeleted_at = NULL, delete_after = NULL, updated_at = now() WHERE id = $1 AND predeleted_at IS NOT NULL', [target.id]);
      await this.log(manager, actor, client, 'USER_RESTORED', target);
    });
  }

  /** The background purge: pre-deleted accounts whose grace period is over are deleted for good. */
  async purgeExpired(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `SELECT id, login, first_name, last_name FROM app_user WHERE delete_after IS NOT NULL AND delete_after <= now() FOR UPDATE SKIP LOCKED`,
      )) as { id: string; login: string; first_name: string; last_name: string }[];
      for (const row of rows) {
        // Logged before the delete so the line keeps the account's écoles for scoping.
        await this.audit.record({ actorId: null, actorLabel: 'Préau (fin du délai de pré-suppression)', action: 'USER_DELETED', targetUserId: row.id, targetLabel: row.login, details: { name: `${row.last_name.toUpperCase()} ${row.first_name}` } }, manager);
        await manager.query('DELETE FROM app_user WHERE id = $1', [row.id]);
      }
      return rows.length;
    });
  }

  /** « Créer un utilisateur » (behind the guide's warning): login and activation code generated. */
  async create(actor: Actor, input: CreateUserInput, client: ClientInfo): Promise<UserView> {
    const errors = new FormErrors();
    const firstName = input.firstName.trim();
    const lastName = input.lastName.trim();
    if (!firstName || firstName.length > 100) errors.add('firstName', { fr: 'Indiquez le prénom (100 caractères au plus).', en: 'Enter the first name (100 characters at most).' });
    if (!lastName || lastName.length > 100) errors.add('lastName', { fr: 'Indiquez le nom (100 caractères au plus).', en: 'Enter the last name (100 characters at most).' });
    const email = normaliseEmail(errors, input.email, false);
    if (input.birthDate && !/^\d{4}-\d{2}-\d{2}$/.test(input.birthDate)) errors.add('birthDate', { fr: 'Date de naissance au format AAAA-MM-JJ.', en: 'Birth date as YYYY-MM-DD.' });
    errors.throwIfAny();
    if (!(await structureInScope(this.dataSource, actor, input.schoolId))) throw AppError.notFound();
    const code = generateCode();
    return this.dataSource.transaction(async (manager) => {
      const [school] = (await manager.query(`SELECT id FROM structure WHERE id = $1 AND kind = 'ECOLE'`, [input.schoolId])) as unknown[];
      if (!school) throw AppError.notFound();
      // Under the import writer's per-base lock: two creations of one name at once get two counters, not a unique violation.
      const [login] = await chooseLogins(manager, [baseLogin(firstName, lastName)]);
      const [row] = (await manager.query(
        `INSERT INTO app_user (profile, first_name, last_name, search_first, search_last, login, activation_code_secret, email, birth_date, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'MANUAL') RETURNING id`,
        [input.profile, firstName, lastName, searchKey(firstName), searchKey(lastName), login, this.secretBox.seal(code), email, input.birthDate ?? null],
      )) as { id: string }[];
      await manager.query(`INSERT INTO account_name (name, user_id, kind) VALUES ($1, $2, 'LOGIN')`, [login, row.id]);
      await manager.query('INSERT INTO user_structure (user_id, structure_id) VALUES ($1, $2)', [row.id, input.schoolId]);
      const target: TargetUser = { id: row.id, login, firstName, lastName, profile: input.profile, activated: false, blocked: false, predeleted: false };
      if (input.classId) await this.attach(manager, actor, client, target, await this.classInScope(manager, actor, input.classId));
      await this.log(manager, actor, client, 'USER_CREATED', target, { profile: input.profile, manual: true });
      return this.reload(manager, row.id);
    });
  }
}
