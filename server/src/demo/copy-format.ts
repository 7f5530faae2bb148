import type { AccountNameRow, AdminFunctionRow, ClassMemberRow, DemoChunk, RelativeLinkRow, SchoolClassRow, StructureRow, UserRow, UserStructureRow } from './demo-generator';

/**
 * PostgreSQL COPY text format (`COPY t (cols) FROM STDIN`, the default format): one line per row,
 * columns separated by a tab, `\N` for null, and backslash, tab, newline and carriage return escaped
 * as `\\`, `\t`, `\n`, `\r`.
 */
export const COPY_NULL = '\\N';

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One text value escaped for a COPY text line. */
export function copyEscape(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPES[c]) : value;
}

/** A column value: null/undefined → `\N`, strings escaped, numbers and booleans as PostgreSQL reads them. */
export function copyValue(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return COPY_NULL;
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return copyEscape(String(value));
}

const ARRAY_QUOTE = /[{}",\\\s]/;

/** A PostgreSQL array literal (`{CP,CE1}`), elements quoted when they need it. Escape it afterwards. */
export function pgArrayLiteral(items: readonly (string | null)[]): string {
  const parts = items.map((item) => {
    if (item === null) return 'NULL';
    if (item === '' || ARRAY_QUOTE.test(item) || item.toUpperCase() === 'NULL') {
      return `"${item.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
    }
    return item;
  });
  return `{${parts.join(',')}}`;
}

/** A COPY text line (with its newline) from column values. */
export function copyLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i) line += '\t';
    line += copyValue(values[i]);
  }
  return line + '\n';
}

/** How the loader turns a user row into stored secrets. */
export interface UserSecrets {
  /** The one demo password hash, shared by every activated account. */
  passwordHash: string;
  /** Seals a plain activation code (SecretBox.seal). */
  seal(code: string): string;
}

export interface CopyTable<Row> {
  table: string;
  columns: readonly string[];
  rows(chunk: DemoChunk): readonly Row[];
  line(row: Row, secrets: UserSecrets): string;
}

function table<Row>(
  name: string,
  columns: readonly string[],
  rows: (chunk: DemoChunk) => readonly Row[],
  values: (row: Row, secrets: UserSecrets) => readonly (string | number | boolean | null | undefined)[],
): CopyTable<Row> {
  return { table: name, columns, rows, line: (row, secrets) => copyLine(values(row, secrets)) };
}

/** The directory tables in foreign-key order, with the columns the demo fills. */
export const COPY_TABLES: readonly CopyTable<unknown>[] = [
  table<StructureRow>('structure', ['id', 'kind', 'name', 'code', 'parent_id', 'created_at'], (c) => c.structures, (r) => [
    r.id,
    r.kind,
    r.name,
    r.code,
    r.parentId,
    r.createdAt,
  ]),
  table<SchoolClassRow>('school_class', ['id', 'school_id', 'name', 'levels', 'created_at'], (c) => c.schoolClasses, (r) => [
    r.id,
    r.schoolId,
    r.name,
    pgArrayLiteral(r.levels),
    r.createdAt,
  ]),
  table<UserRow>(
    'app_user',
    [
      'id', 'profile', 'first_name', 'last_name', 'search_first', 'search_last', 'login', 'alias', 'password_hash',
      'activation_code_secret', 'activated_at', 'email', 'mobile', 'external_id', 'source', 'birth_date', 'created_at',
      'updated_at', 'last_login_at', 'blocked_at', 'blocked_until', 'blocked_reason',
    ],
    (c) => c.users,
    (r, secrets) => [
      r.id,
      r.profile,
      r.firstName,
      r.lastName,
      r.searchFirst,
      r.searchLast,
      r.login,
      r.alias,
      r.activated ? secrets.passwordHash : null,
      r.activationCode === null ? null : secrets.seal(r.activationCode),
      r.activatedAt,
      r.email,
      r.mobile,
      r.externalId,
      r.source,
      r.birthDate,
      r.createdAt,
      r.updatedAt,
      r.lastLoginAt,
      r.blockedAt,
      r.blockedUntil,
      r.blockedReason,
    ],
  ),
  table<AccountNameRow>('account_name', ['name', 'user_id', 'kind'], (c) => c.accountNames, (r) => [r.name, r.userId, r.kind]),
  table<UserStructureRow>('user_structure', ['user_id', 'structure_id'], (c) => c.userStructures, (r) => [r.userId, r.structureId]),
  table<ClassMemberRow>('class_member', ['class_id', 'user_id', 'created_at'], (c) => c.classMembers, (r) => [r.classId, r.userId, r.createdAt]),
  table<RelativeLinkRow>('relative_link', ['relative_id', 'student_id', 'created_at'], (c) => c.relativeLinks, (r) => [
    r.relativeId,
    r.studentId,
    r.createdAt,
  ]),
  table<AdminFunctionRow>(
    'admin_function',
    ['id', 'user_id', 'function', 'structure_id', 'granted_by_id', 'granted_at'],
    (c) => c.adminFunctions,
    (r) => [r.id, r.userId, r.function, r.structureId, r.grantedById, r.grantedAt],
  ),
];

/** `COPY "table" ("a", "b") FROM STDIN` for one of COPY_TABLES. */
export function copyStatement(target: { table: string; columns: readonly string[] }): string {
  return `COPY "${target.table}" (${target.columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`;
}
