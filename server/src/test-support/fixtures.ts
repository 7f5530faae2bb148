import { DataSource } from 'typeorm';
import { hashPassword } from '../platform/auth/password-hasher';
import { SecretBox } from '../platform/crypto/secret-box';
import { searchKey } from '../modules/directory';

export const FIXTURE_PASSWORD = 'Fixture-Pass-2026';
let passwordHash: Promise<string> | undefined;

/**
 * A small, explicit directory for integration tests: each call adds rows and returns their ids, so a
 * test reads as the situation it checks ("a director of école A, a pupil of école B").
 */
export class Fixtures {
  private counter = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly secretBox?: SecretBox,
  ) {}

  async structure(kind: 'DEPARTEMENT' | 'CIRCONSCRIPTION' | 'ECOLE', name: string, parentId: string | null = null): Promise<string> {
    const [row] = await this.dataSource.query('INSERT INTO structure (kind, name, parent_id) VALUES ($1, $2, $3) RETURNING id', [kind, name, parentId]);
    return row.id;
  }

  async schoolClass(schoolId: string, name: string, levels: string[] = []): Promise<string> {
    const [row] = await this.dataSource.query('INSERT INTO school_class (school_id, name, levels) VALUES ($1, $2, $3) RETURNING id', [schoolId, name, levels]);
    return row.id;
  }

  /** A user; activated with FIXTURE_PASSWORD unless `activationCode` is given. */
  async user(options: {
    profile: 'STUDENT' | 'RELATIVE' | 'TEACHER' | 'PERSONNEL' | 'GUEST';
    firstName?: string;
    lastName?: string;
    login?: string;
    schools?: string[];
    classes?: string[];
    functions?: { function: 'SCHOOL_ADMIN' | 'CIRCONSCRIPTION_ADMIN' | 'DEPARTEMENT_ADMIN' | 'OPERATOR'; structureId: string | null }[];
    activationCode?: string;
    email?: string;
    blockedUntil?: Date | 'forever';
  }): Promise<{ id: string; login: string }> {
    this.counter += 1;
    const firstName = options.firstName ?? `Prénom${this.counter}`;
    const lastName = options.lastName ?? `Nom${this.counter}`;
    const login = options.login ?? `fixture.user${this.counter}.${Math.random().toString(36).slice(2, 7)}`;
    passwordHash ??= hashPassword(FIXTURE_PASSWORD);
    const activated = !options.activationCode;
    if (!activated && !this.secretBox) throw new Error('Fixtures need the SecretBox to store an activation code');
    const [row] = await this.dataSource.query(
      `INSERT INTO app_user (profile, first_name, last_name, search_first, search_last, login, password_hash,
                             activation_code_secret, activated_at, email, source, blocked_at, blocked_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'AAF1D', $11, $12) RETURNING id`,
      [
        options.profile,
        firstName,
        lastName,
        searchKey(firstName),
        searchKey(lastName),
        login,
        activated ? await passwordHash : null,
        activated ? null : this.secretBox!.seal(options.activationCode!),
        activated ? new Date() : null,
        options.email ?? null,
        options.blockedUntil ? new Date() : null,
        options.blockedUntil instanceof Date ? options.blockedUntil : null,
      ],
    );
    await this.dataSource.query(`INSERT INTO account_name (name, user_id, kind) VALUES ($1, $2, 'LOGIN')`, [login, row.id]);
    for (const schoolId of options.schools ?? []) {
      await this.dataSource.query('INSERT INTO user_structure (user_id, structure_id) VALUES ($1, $2)', [row.id, schoolId]);
    }
    for (const classId of options.classes ?? []) {
      await this.dataSource.query('INSERT INTO class_member (class_id, user_id) VALUES ($1, $2)', [classId, row.id]);
    }
    for (const grant of options.functions ?? []) {
      await this.dataSource.query('INSERT INTO admin_function (user_id, function, structure_id) VALUES ($1, $2, $3)', [row.id, grant.function, grant.structureId]);
    }
    return { id: row.id, login };
  }

  /**
   * The usual two-circonscription shape: département D → circonscriptions C1 (écoles A, B) and C2
   * (école Z); a director per école, an ERUN per circonscription, a CPD, an operator, a teacher and
   * pupils in A.
   */
  async departement() {
    const dep = await this.structure('DEPARTEMENT', 'Département test');
    const c1 = await this.structure('CIRCONSCRIPTION', 'Circonscription Nord', dep);
    const c2 = await this.structure('CIRCONSCRIPTION', 'Circonscription Sud', dep);
    const schoolA = await this.structure('ECOLE', 'École A', c1);
    const schoolB = await this.structure('ECOLE', 'École B', c1);
    const schoolZ = await this.structure('ECOLE', 'École Z', c2);
    const classA1 = await this.schoolClass(schoolA, 'CP A', ['CP']);
    const classA2 = await this.schoolClass(schoolA, 'CE1 A', ['CE1']);
    const classZ1 = await this.schoolClass(schoolZ, 'CM2 Z', ['CM2']);
    const directorA = await this.user({ profile: 'TEACHER', lastName: 'Directrice', firstName: 'Anne', schools: [schoolA], classes: [classA2], functions: [{ function: 'SCHOOL_ADMIN', structureId: schoolA }] });
    const directorZ = await this.user({ profile: 'TEACHER', lastName: 'Directeur', firstName: 'Zoé', schools: [schoolZ], functions: [{ function: 'SCHOOL_ADMIN', structureId: schoolZ }] });
    const erun1 = await this.user({ profile: 'PERSONNEL', lastName: 'Erun', firstName: 'Nord', functions: [{ function: 'CIRCONSCRIPTION_ADMIN', structureId: c1 }] });
    const erun2 = await this.user({ profile: 'PERSONNEL', lastName: 'Erun', firstName: 'Sud', functions: [{ function: 'CIRCONSCRIPTION_ADMIN', structureId: c2 }] });
    const cpd = await this.user({ profile: 'PERSONNEL', lastName: 'Cpd', firstName: 'Numérique', functions: [{ function: 'DEPARTEMENT_ADMIN', structureId: dep }] });
    const operator = await this.user({ profile: 'PERSONNEL', lastName: 'Opérateur', firstName: 'Plateforme', functions: [{ function: 'OPERATOR', structureId: null }] });
    const teacherA = await this.user({ profile: 'TEACHER', lastName: 'Enseignant', firstName: 'Paul', schools: [schoolA], classes: [classA1] });
    const pupilA = await this.user({ profile: 'STUDENT', lastName: 'Élève', firstName: 'Léa', schools: [schoolA], classes: [classA1] });
    const pupilZ = await this.user({ profile: 'STUDENT', lastName: 'Élève', firstName: 'Zacharie', schools: [schoolZ], classes: [classZ1] });
    return { dep, c1, c2, schoolA, schoolB, schoolZ, classA1, classA2, classZ1, directorA, directorZ, erun1, erun2, cpd, operator, teacherA, pupilA, pupilZ };
  }

  /**
   * People who belong to two écoles of one circonscription: « École Jules Ferry » (the director's,
   * `own`) and « École Arc-en-ciel » (`other`, whose name and classes sort first, so that anything
   * leaking from it shows on the director's sheets and orders). A parent with a child in each, a
   * teacher of a class in each (and director of the other), a pupil of the own école whose only other
   * parent lives in the other one. Accounts are not activated (activation codes) but for the staff.
   */
  async twoEcoles() {
    const circonscription = await this.structure('CIRCONSCRIPTION', 'Circonscription des deux écoles');
    const own = await this.structure('ECOLE', 'École Jules Ferry', circonscription);
    const other = await this.structure('ECOLE', 'École Arc-en-ciel', circonscription);
    const ownClass = await this.schoolClass(own, 'CP Ferry', ['CP']);
    /** Sorts between the other école's class and `ownClass`. */
    const ownSecondClass = await this.schoolClass(own, 'CM1 Ferry', ['CM1']);
    const otherClass = await this.schoolClass(other, 'CE2 Arc-en-ciel', ['CE2']);
    const pending = (key: string, options: Parameters<Fixtures['user']>[0]) =>
      this.user({ activationCode: `${key}2345678`.slice(0, 8), ...options });
    const director = await this.user({ profile: 'TEACHER', firstName: 'Denise', lastName: 'Ferry', schools: [own], functions: [{ function: 'SCHOOL_ADMIN', structureId: own }] });
    const erun = await this.user({ profile: 'PERSONNEL', firstName: 'Eric', lastName: 'Circo', functions: [{ function: 'CIRCONSCRIPTION_ADMIN', structureId: circonscription }] });
    const ownChild = await pending('a', { profile: 'STUDENT', firstName: 'Olivia', lastName: 'Double', schools: [own], classes: [ownClass] });
    const otherChild = await pending('b', { profile: 'STUDENT', firstName: 'Arthur', lastName: 'Double', schools: [other], classes: [otherClass] });
    const parent = await pending('c', { profile: 'RELATIVE', firstName: 'Paule', lastName: 'Double', schools: [own, other], email: 'paule.double@example.org' });
    const teacher = await this.user({
      profile: 'TEACHER', firstName: 'Tristan', lastName: 'Deuxecoles', schools: [own, other], classes: [ownClass, otherClass],
      functions: [{ function: 'SCHOOL_ADMIN', structureId: other }], email: 'tristan.deuxecoles@example.org',
    });
    const ownPupil = await pending('e', { profile: 'STUDENT', firstName: 'Camille', lastName: 'Seule', schools: [own], classes: [ownSecondClass] });
    const otherParent = await pending('f', { profile: 'RELATIVE', firstName: 'Albert', lastName: 'Ailleurs', schools: [other] });
    for (const [relative, student] of [[parent, ownChild], [parent, otherChild], [otherParent, ownPupil]]) {
      await this.dataSource.query('INSERT INTO relative_link (relative_id, student_id) VALUES ($1, $2)', [relative.id, student.id]);
    }
    return { circonscription, own, other, ownClass, ownSecondClass, otherClass, director, erun, ownChild, otherChild, parent, teacher, ownPupil, otherParent };
  }
}
