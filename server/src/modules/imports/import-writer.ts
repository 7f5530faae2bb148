import type { EntityManager } from 'typeorm';
import { generateCode } from '../../platform/crypto/codes';
import { AppError } from '../../platform/errors/app-error';
import type { SecretBox } from '../../platform/crypto/secret-box';
import { baseLogin, chooseLogins, lockLoginBases, searchKey } from '../directory';
import { ClassOperation, LineOperation, type FieldChange } from './import-report';
import type { ImportActions } from './import-planner';

/** What an applied import did, kept on its session and in the audit log. */
export interface ImportOutcome {
  created: number;
  modified: number;
  transfers: number;
  leavers: number;
  classesCreated: number;
  classesRenamed: number;
  /** The accounts it created, for « Publipostage des comptes » afterwards. */
  createdUserIds: string[];
}

/** An account to create: a pupil (with its class) or a guardian. */
interface NewAccount {
  key: string;
  profile: 'STUDENT' | 'RELATIVE';
  firstName: string;
  lastName: string;
  birthDate?: string | null;
  externalId?: string | null;
  email?: string | null;
  mobile?: string | null;
  classId?: string;
}

const written = (operation: LineOperation) => operation === LineOperation.UPDATE || operation === LineOperation.TRANSFER;

/**
 * Writes a planned import inside the caller's transaction. Accounts are created as « Créer un
 * utilisateur » creates them (login `prenom.nom` with a free counter, activation code
 * sealed with the SecretBox), with source ONDE_CSV; an UNCHANGED line writes nothing, and every
 * membership insert skips what exists, so applying what is already there writes no row.
 */
export class ImportWriter {
  private readonly outcome: ImportOutcome = { created: 0, modified: 0, transfers: 0, leavers: 0, classesCreated: 0, classesRenamed: 0, createdUserIds: [] };
  /** Planned keys (`line:<n>` or an id) → account ids, for guardians' children created by this import. */
  private readonly accounts = new Map<string, string>();

  constructor(
    private readonly manager: EntityManager,
    private readonly secretBox: SecretBox,
    private readonly schoolId: string,
    /** Called after each line written (classes and leavers count as one step each): done, total. */
    private readonly onStep: (done: number, total: number) => void = () => undefined,
  ) {}

  async apply(actions: ImportActions): Promise<ImportOutcome> {
    const lines = [...actions.pupils, ...actions.guardians].filter((action) => action.operation !== LineOperation.ERROR && action.operation !== LineOperation.ARBITRATE);
    const total = lines.length + 2;
    let done = 0;
    const step = (n = 1) => this.onStep((done += n), total);
    await this.lockLogins(actions);
    const classIds = await this.classes(actions);
    step();

    // Pupils: the accounts already there line by line (few change), the new ones in one go.
    const newPupils: NewAccount[] = [];
    for (const action of actions.pupils) {
      if (action.operation === LineOperation.ERROR || action.operation === LineOperation.ARBITRATE) continue;
      const classId = classIds.get(action.classKey)!;
      const p = action.pupil;
      if (!action.userId) {
        newPupils.push({ key: action.key, profile: 'STUDENT', firstName: p.firstName, lastName: p.usageName || p.lastName, birthDate: p.birthDate, externalId: p.ine ?? p.externalId, classId });
        continue;
      }
      const userId = action.userId;
      await this.update(userId, action.changes);
      if (action.operation === LineOperation.TRANSFER) await this.transfer(userId);
      if (action.returning) await this.returning(userId);
      if (written(action.operation)) this.outcome.modified += 1;
      if (action.operation === LineOperation.TRANSFER) this.outcome.transfers += 1;
      this.accounts.set(action.key, userId);
      if (action.classChange) await this.placeInClass(userId, classId);
      step();
    }

    // Guardians already there: the same.
    const newGuardians: NewAccount[] = [];
    for (const action of actions.guardians) {
      if (action.operation === LineOperation.ERROR || action.operation === LineOperation.ARBITRATE) continue;
      if (!action.userId) {
        newGuardians.push({ key: `guardian:${action.row.line}`, profile: 'RELATIVE', firstName: action.row.firstName, lastName: action.row.usageName || action.row.lastName, email: action.email, mobile: action.mobile });
        continue;
      }
      await this.update(action.userId, action.changes);
      if (action.returning) await this.returning(action.userId);
      if (written(action.operation)) this.outcome.modified += 1;
      step();
    }

    // The new accounts, pupils then guardians (their logins in that order), one statement per table;
    // then the links, and only then the memberships: a new pupil's supervision row is made with its
    // guardians counted, rather than made and then updated by the links in the same transaction.
    const ids = await this.createAccounts([...newPupils, ...newGuardians]);
    const pupilIds = ids.slice(0, newPupils.length);
    const guardianIds = ids.slice(newPupils.length);
    if (pupilIds.length) {
      await this.manager.query('INSERT INTO class_member (class_id, user_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])', [newPupils.map((p) => p.classId), pupilIds]);
    }
    step(newPupils.length);
    const guardianOf = new Map(newGuardians.map((guardian, index) => [guardian.key, guardianIds[index]]));
    const known: string[] = [];
    const links: [string, string][] = [];
    const addresses: [string, string][] = [];
    for (const action of actions.guardians) {
      if (action.operation === LineOperation.ERROR || action.operation === LineOperation.ARBITRATE) continue;
      const userId = action.userId ?? guardianOf.get(`guardian:${action.row.line}`)!;
      if (action.userId) known.push(userId);
      for (const key of action.childKeys) {
        const child = this.accounts.get(key) ?? (key.startsWith('line:') ? undefined : key);
        if (child) links.push([userId, child]);
      }
      if (action.addressKey) addresses.push([userId, action.addressKey]);
    }
    if (links.length) {
      await this.manager.query('INSERT INTO relative_link (relative_id, student_id) SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT DO NOTHING', [
        links.map(([relative]) => relative),
        links.map(([, student]) => student),
      ]);
    }
    if (ids.length || known.length) {
      // The new accounts, and the guardians already there who are not yet members: only the missing
      // ones, as the membership's row trigger locks its account before ON CONFLICT would skip it.
      await this.manager.query(
        `INSERT INTO user_structure (user_id, structure_id)
         SELECT u, $2 FROM unnest($1::uuid[]) u WHERE NOT EXISTS (SELECT 1 FROM user_structure us WHERE us.user_id = u AND us.structure_id = $2)
         ON CONFLICT DO NOTHING`,
        [[...ids, ...known], this.schoolId],
      );
    }
    if (addresses.length) {
      // One row per account (a guardian on two rows keeps the last address, as line by line did).
      const latest = new Map(addresses);
      // Only the addresses that differ: an upsert locks every row it conflicts with, even one it leaves alone.
      await this.manager.query(
        `INSERT INTO import_address (user_id, address_key)
         SELECT t.u, t.k FROM unnest($1::uuid[], $2::text[]) t(u, k)
          WHERE NOT EXISTS (SELECT 1 FROM import_address ia WHERE ia.user_id = t.u AND ia.address_key = t.k)
         ON CONFLICT (user_id) DO UPDATE SET address_key = EXCLUDED.address_key WHERE import_address.address_key IS DISTINCT FROM EXCLUDED.address_key`,
        [[...latest.keys()], [...latest.values()]],
      );
    }
    step(newGuardians.length);
    await this.leavers([...actions.leavingPupils, ...actions.leavingRelatives]);
    step();
    return this.outcome;
  }

  /**
   * New accounts as « Créer un utilisateur » makes them (login `prenom.nom` with a free counter,
   * `chooseLogins`, activation code sealed, source ONDE_CSV; `apply` makes them members of the école), one statement per
   * table for all of them: each statement fires the tables' statement-level triggers (supervision
   * counts, actor cache) once. Returns their ids in the order given; records them as `keys`.
   */
  private async createAccounts(accounts: NewAccount[]): Promise<string[]> {
    if (!accounts.length) return [];
    // An INE is national: held by an imported account outside this département, it cannot be given twice.
    const ines = accounts.map((a) => a.externalId).filter((v): v is string => !!v);
    if (ines.length) {
      const [taken] = (await this.manager.query(`SELECT external_id FROM app_user WHERE source = 'ONDE_CSV' AND external_id = ANY($1::text[]) LIMIT 1`, [ines])) as { external_id: string }[];
      if (taken) {
        throw new AppError('IMPORT_INE_TAKEN', {
          fr: `L'INE ${taken.external_id} appartient déjà à un compte hors de ce département : contactez l'opérateur de la plateforme.`,
          en: `INE ${taken.external_id} already belongs to an account outside this département: contact the platform operator.`,
        });
      }
    }
    const bases = accounts.map((a) => baseLogin(a.firstName, a.lastName));
    const logins = await chooseLogins(this.manager, bases);
    const column = <T>(pick: (a: NewAccount) => T) => accounts.map(pick);
    const inserted = (await this.manager.query(
      `INSERT INTO app_user (profile, first_name, last_name, search_first, search_last, login, activation_code_secret, email, mobile, birth_date, external_id, source)
       SELECT p, f, l, sf, sl, lo, c, e, m, b, x, 'ONDE_CSV'
         FROM unnest($1::user_profile[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::date[], $11::text[])
              AS t(p, f, l, sf, sl, lo, c, e, m, b, x)
       RETURNING id, login`,
      [
        column((a) => a.profile),
        column((a) => a.firstName),
        column((a) => a.lastName),
        column((a) => searchKey(a.firstName)),
        column((a) => searchKey(a.lastName)),
        logins,
        column(() => this.secretBox.seal(generateCode())),
        column((a) => a.email ?? null),
        column((a) => a.mobile ?? null),
        column((a) => a.birthDate ?? null),
        column((a) => a.externalId ?? null),
      ],
    )) as { id: string; login: string }[];
    const idOf = new Map(inserted.map((row) => [row.login, row.id]));
    const ids = logins.map((login) => idOf.get(login)!);
    await this.manager.query(`INSERT INTO account_name (name, user_id, kind) SELECT n, u, 'LOGIN' FROM unnest($1::text[], $2::uuid[]) AS t(n, u)`, [logins, ids]);
    accounts.forEach((account, index) => this.accounts.set(account.key, ids[index]));
    this.outcome.created += ids.length;
    this.outcome.createdUserIds.push(...ids);
    return ids;
  }

  /**
   * The login locks (`lockLoginBases`) of every base this import will create, taken as the writing
   * starts: `chooseLogins` takes them again when it chooses (a lock the transaction already holds is
   * granted at once), so where they sit among the apply's other locks stays what it was.
   */
  private async lockLogins(actions: ImportActions): Promise<void> {
    const creating = (operation: LineOperation, userId: string | null) => !userId && operation !== LineOperation.ERROR && operation !== LineOperation.ARBITRATE;
    const bases: string[] = [];
    for (const action of actions.pupils) if (creating(action.operation, action.userId)) bases.push(baseLogin(action.pupil.firstName, action.pupil.usageName || action.pupil.lastName));
    for (const action of actions.guardians) if (creating(action.operation, action.userId)) bases.push(baseLogin(action.row.firstName, action.row.usageName || action.row.lastName));
    await lockLoginBases(this.manager, bases);
  }

  /** Classes keyed on (école, « Identifiant classe »): created, renamed, or taken over by their ONDE id. */
  private async classes(actions: ImportActions): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (const [key, plan] of actions.classes.byKey) {
      let classId = plan.classId;
      if (plan.operation === ClassOperation.CREATE) {
        const [row] = await this.manager.query('INSERT INTO school_class (school_id, name, levels) VALUES ($1, $2, $3) RETURNING id', [this.schoolId, plan.name, plan.levels]);
        classId = row.id as string;
        this.outcome.classesCreated += 1;
      } else if (plan.operation === ClassOperation.RENAME) {
        await this.manager.query('UPDATE school_class SET name = $2, levels = $3 WHERE id = $1', [classId, plan.name, plan.levels]);
        this.outcome.classesRenamed += 1;
      }
      if (plan.ondeClassId && (plan.operation === ClassOperation.CREATE || plan.operation === ClassOperation.ADOPT)) {
        await this.manager.query('INSERT INTO import_class (class_id, school_id, onde_class_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [classId, this.schoolId, plan.ondeClassId]);
      }
      ids.set(key, classId!);
    }
    return ids;
  }

  /** The report's old → new, field by field; the planner already left out empty cells and what the person chose. */
  private async update(userId: string, changes: FieldChange[]): Promise<void> {
    const sets: string[] = [];
    const values: unknown[] = [userId];
    const set = (column: string, value: unknown) => {
      values.push(value);
      sets.push(`${column} = $${values.length}`);
    };
    for (const change of changes) {
      if (change.field === 'lastName') set('last_name', change.new), set('search_last', searchKey(change.new ?? ''));
      if (change.field === 'firstName') set('first_name', change.new), set('search_first', searchKey(change.new ?? ''));
      if (change.field === 'birthDate') set('birth_date', change.new);
      if (change.field === 'ine') set('external_id', change.new);
      if (change.field === 'email') set('email', change.new);
      if (change.field === 'mobile') set('mobile', change.new);
    }
    if (sets.length) await this.manager.query(`UPDATE app_user SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, values);
  }

  /** The account moves école: its memberships elsewhere go, its login, password and activation stay. */
  private async transfer(userId: string): Promise<void> {
    await this.manager.query(
      `DELETE FROM class_member cm USING school_class c WHERE cm.class_id = c.id AND cm.user_id = $1 AND c.school_id <> $2`,
      [userId, this.schoolId],
    );
    await this.manager.query('DELETE FROM user_structure WHERE user_id = $1 AND structure_id <> $2', [userId, this.schoolId]);
    await this.manager.query('INSERT INTO user_structure (user_id, structure_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [userId, this.schoolId]);
    await this.manager.query('DELETE FROM import_absence WHERE user_id = $1', [userId]);
  }

  /** One class of this école: the others of this école are left (a class change), classes elsewhere untouched. */
  private async placeInClass(userId: string, classId: string): Promise<void> {
    await this.manager.query(
      `DELETE FROM class_member cm USING school_class c WHERE cm.class_id = c.id AND cm.user_id = $1 AND c.school_id = $2 AND c.id <> $3`,
      [userId, this.schoolId, classId],
    );
    await this.manager.query('INSERT INTO class_member (class_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [classId, userId]);
  }

  private async returning(userId: string): Promise<void> {
    await this.manager.query('DELETE FROM import_absence WHERE user_id = $1', [userId]);
    await this.manager.query('UPDATE app_user SET left_feed_at = NULL, updated_at = now() WHERE id = $1 AND left_feed_at IS NOT NULL', [userId]);
  }

  /**
   * « Absent du fichier »: `left_feed_at` as the directory means it (the feed no longer lists the
   * account, so an admin may pre-delete it now), and a row the nightly job pre-deletes after 14 days.
   */
  private async leavers(userIds: string[]): Promise<void> {
    if (!userIds.length) return;
    const marked = await this.manager.query(
      `INSERT INTO import_absence (user_id, school_id) SELECT unnest($1::uuid[]), $2 ON CONFLICT DO NOTHING RETURNING user_id`,
      [userIds, this.schoolId],
    );
    await this.manager.query('UPDATE app_user SET left_feed_at = now(), updated_at = now() WHERE id = ANY($1) AND left_feed_at IS NULL', [userIds]);
    this.outcome.leavers = marked.length;
  }
}
