import type { DataSource } from 'typeorm';
import { displayName } from '../platform/auth/actor';
import type { SecretBox } from '../platform/crypto/secret-box';
import { DEMO_PASSWORD } from './demo-loader';

/**
 * The demo's role accounts, found in the loaded data by fixed rules (so any seed and size works):
 * the first circonscription by code, its first école by code and that école's director, a teacher of
 * the école with a class, a pupil of that class, parents of the école, and the director of the first
 * école of the second circonscription. The generator makes sure each of them exists (activated where
 * needed) in the first école of each circonscription.
 */

export type DemoRole =
  | 'OPERATOR'
  | 'DEPARTEMENT_ADMIN'
  | 'CIRCONSCRIPTION_ADMIN'
  | 'SCHOOL_ADMIN'
  | 'TEACHER'
  | 'STUDENT'
  | 'RELATIVE'
  | 'RELATIVE_NOT_ACTIVATED';

export const DEMO_ROLE_LABELS: Record<DemoRole, string> = {
  OPERATOR: 'Opérateur de la plateforme',
  DEPARTEMENT_ADMIN: 'CPD numérique (administrateur du département)',
  CIRCONSCRIPTION_ADMIN: 'ERUN (administrateur de la circonscription)',
  SCHOOL_ADMIN: "Directeur ou directrice d'école (administrateur local)",
  TEACHER: 'Enseignant',
  STUDENT: 'Élève',
  RELATIVE: 'Parent',
  RELATIVE_NOT_ACTIVATED: 'Parent (compte non activé)',
};

export interface DemoAccount {
  role: DemoRole;
  /** French label of the role, for the demo page and the README. */
  label: string;
  userId: string;
  login: string;
  /** DEMO_PASSWORD for activated accounts, null for the not-activated parent. */
  password: string | null;
  /** The decrypted activation code of the not-activated parent, null otherwise. */
  activationCode: string | null;
  /** « NOM Prénom », as the ENT shows people. */
  displayName: string;
  /** The école of the account (null for the operator, the CPD and the ERUN). */
  school: string | null;
  /** What the account administers or belongs to: département, circonscription, école or class name. */
  scope: string | null;
}

export interface DemoAccounts {
  /** One entry per role, in DemoRole order. */
  accounts: DemoAccount[];
  byRole: Record<DemoRole, DemoAccount>;
  /** A director of an école of another circonscription (sees nothing of the first one). */
  otherDirector: DemoAccount;
}

interface UserFound {
  id: string;
  login: string;
  first_name: string;
  last_name: string;
  activation_code_secret: string | null;
}

type Query = <T>(sql: string, parameters?: unknown[]) => Promise<T[]>;

const USER_COLUMNS = 'u.id, u.login, u.first_name, u.last_name, u.activation_code_secret';
const USABLE = 'u.blocked_at IS NULL AND u.predeleted_at IS NULL';

function missing(what: string): never {
  throw new Error(`Comptes de démonstration introuvables : ${what}. La base a-t-elle été remplie par le générateur de démonstration ?`);
}

async function one<T>(query: Query, what: string, sql: string, parameters: unknown[] = []): Promise<T> {
  const rows = await query<T>(sql, parameters);
  return rows[0] ?? missing(what);
}

async function functionHolder(query: Query, fn: string, structureId: string | null, what: string): Promise<UserFound> {
  return one<UserFound>(
    query,
    what,
    `SELECT ${USER_COLUMNS} FROM admin_function f JOIN app_user u ON u.id = f.user_id
      WHERE f.function = $1 AND f.structure_id IS NOT DISTINCT FROM $2 AND u.activated_at IS NOT NULL AND ${USABLE}
      ORDER BY u.login LIMIT 1`,
    [fn, structureId],
  );
}

async function schoolDirector(query: Query, circonscriptionId: string, what: string): Promise<UserFound & { school_id: string; school_name: string }> {
  return one(
    query,
    what,
    `SELECT ${USER_COLUMNS}, s.id AS school_id, s.name AS school_name
       FROM structure s
       JOIN admin_function f ON f.structure_id = s.id AND f.function = 'SCHOOL_ADMIN'
       JOIN app_user u ON u.id = f.user_id
      WHERE s.parent_id = $1 AND s.kind = 'ECOLE' AND u.activated_at IS NOT NULL AND ${USABLE}
      ORDER BY s.code, s.name, u.login LIMIT 1`,
    [circonscriptionId],
  );
}

export async function findDemoAccounts(query: Query, secretBox: SecretBox): Promise<DemoAccounts> {
  const entry = (
    role: DemoRole,
    user: UserFound,
    school: string | null,
    scope: string | null,
  ): DemoAccount => ({
    role,
    label: DEMO_ROLE_LABELS[role],
    userId: user.id,
    login: user.login,
    password: user.activation_code_secret ? null : DEMO_PASSWORD,
    activationCode: user.activation_code_secret ? secretBox.open(user.activation_code_secret) : null,
    displayName: displayName({ firstName: user.first_name, lastName: user.last_name }),
    school,
    scope,
  });

  const departement = await one<{ id: string; name: string }>(
    query,
    'le département',
    `SELECT id, name FROM structure WHERE kind = 'DEPARTEMENT' ORDER BY code, name LIMIT 1`,
  );
  const circonscriptions = await query<{ id: string; name: string }>(
    `SELECT id, name FROM structure WHERE kind = 'CIRCONSCRIPTION' AND parent_id = $1 ORDER BY code, name LIMIT 2`,
    [departement.id],
  );
  if (circonscriptions.length < 2) missing('deux circonscriptions');
  const [first, second] = circonscriptions;

  const operator = await functionHolder(query, 'OPERATOR', null, "l'opérateur");
  const cpd = await functionHolder(query, 'DEPARTEMENT_ADMIN', departement.id, 'le CPD numérique');
  const erun = await functionHolder(query, 'CIRCONSCRIPTION_ADMIN', first.id, "l'ERUN de la première circonscription");
  const director = await schoolDirector(query, first.id, 'le directeur de la première école');
  const otherDirector = await schoolDirector(query, second.id, "le directeur d'une école de la deuxième circonscription");

  const teacher = await one<UserFound & { class_id: string; class_name: string }>(
    query,
    "un enseignant activé de l'école du directeur",
    `SELECT ${USER_COLUMNS}, c.id AS class_id, c.name AS class_name
       FROM school_class c
       JOIN class_member m ON m.class_id = c.id
       JOIN app_user u ON u.id = m.user_id
      WHERE c.school_id = $1 AND u.profile = 'TEACHER' AND u.activated_at IS NOT NULL AND ${USABLE}
        AND NOT EXISTS (SELECT 1 FROM admin_function f WHERE f.user_id = u.id)
        AND EXISTS (SELECT 1 FROM class_member pm JOIN app_user p ON p.id = pm.user_id
                     WHERE pm.class_id = c.id AND p.profile = 'STUDENT' AND p.activated_at IS NOT NULL
                       AND p.blocked_at IS NULL AND p.predeleted_at IS NULL)
      ORDER BY c.name, u.login LIMIT 1`,
    [director.school_id],
  );
  const student = await one<UserFound>(
    query,
    "un élève activé de la classe de l'enseignant",
    `SELECT ${USER_COLUMNS}
       FROM class_member m JOIN app_user u ON u.id = m.user_id
      WHERE m.class_id = $1 AND u.profile = 'STUDENT' AND u.activated_at IS NOT NULL AND ${USABLE}
      ORDER BY EXISTS (SELECT 1 FROM relative_link l JOIN app_user r ON r.id = l.relative_id
                        WHERE l.student_id = u.id AND r.activated_at IS NOT NULL AND r.blocked_at IS NULL) DESC,
               u.login
      LIMIT 1`,
    [teacher.class_id],
  );
  const relative = await one<UserFound>(
    query,
    "un parent activé de l'école",
    `SELECT ${USER_COLUMNS}
       FROM user_structure us JOIN app_user u ON u.id = us.user_id
      WHERE us.structure_id = $1 AND u.profile = 'RELATIVE' AND u.activated_at IS NOT NULL AND ${USABLE}
      ORDER BY EXISTS (SELECT 1 FROM relative_link l WHERE l.relative_id = u.id AND l.student_id = $2) DESC, u.login
      LIMIT 1`,
    [director.school_id, student.id],
  );
  const relativeToActivate = await one<UserFound>(
    query,
    "un parent non activé de l'école",
    `SELECT ${USER_COLUMNS}
       FROM user_structure us JOIN app_user u ON u.id = us.user_id
      WHERE us.structure_id = $1 AND u.profile = 'RELATIVE' AND u.activation_code_secret IS NOT NULL AND ${USABLE}
      ORDER BY (u.email IS NULL) DESC, u.login
      LIMIT 1`,
    [director.school_id],
  );

  const school = director.school_name;
  const accounts = [
    entry('OPERATOR', operator, null, null),
    entry('DEPARTEMENT_ADMIN', cpd, null, departement.name),
    entry('CIRCONSCRIPTION_ADMIN', erun, null, first.name),
    entry('SCHOOL_ADMIN', director, school, school),
    entry('TEACHER', teacher, school, teacher.class_name),
    entry('STUDENT', student, school, teacher.class_name),
    entry('RELATIVE', relative, school, school),
    entry('RELATIVE_NOT_ACTIVATED', relativeToActivate, school, school),
  ];
  return {
    accounts,
    byRole: Object.fromEntries(accounts.map((a) => [a.role, a])) as Record<DemoRole, DemoAccount>,
    otherDirector: entry('SCHOOL_ADMIN', otherDirector, otherDirector.school_name, second.name),
  };
}

/** The demo role accounts with their credentials (password, or decrypted activation code). */
export async function demoAccounts(dataSource: DataSource, secretBox: SecretBox): Promise<DemoAccounts> {
  return findDemoAccounts(<T>(sql: string, parameters?: unknown[]) => dataSource.query(sql, parameters) as Promise<T[]>, secretBox);
}
