import { describe, expect, it } from 'vitest';
import { migrations } from '../migrations';
import { COPY_NULL, COPY_TABLES, copyEscape, copyLine, copyStatement, copyValue, pgArrayLiteral, UserSecrets } from './copy-format';
import { DemoChunk, generateDemoDirectory } from './demo-generator';

describe('COPY text format', () => {
  it('should escape backslash, tab, newline and carriage return', () => {
    expect(copyEscape('a\tb')).toBe('a\\tb');
    expect(copyEscape('ligne 1\nligne 2\r\n')).toBe('ligne 1\\nligne 2\\r\\n');
    expect(copyEscape('C:\\dossier\\n')).toBe('C:\\\\dossier\\\\n');
    expect(copyEscape("Éloïse N'Diaye-Lefèvre ; « ok » 😀")).toBe("Éloïse N'Diaye-Lefèvre ; « ok » 😀");
  });

  it('should write null as \\N and keep a literal backslash-N a string', () => {
    expect(copyValue(null)).toBe(COPY_NULL);
    expect(copyValue(undefined)).toBe('\\N');
    expect(copyValue('\\N')).toBe('\\\\N');
    expect(copyValue('')).toBe('');
    expect(copyValue(42)).toBe('42');
    expect(copyValue(true)).toBe('t');
  });

  it('should join columns with tabs and end the line', () => {
    expect(copyLine(['a', null, 'b\tc', 3])).toBe('a\t\\N\tb\\tc\t3\n');
  });

  it('should quote array elements that need it', () => {
    expect(pgArrayLiteral(['CP', 'CE1'])).toBe('{CP,CE1}');
    expect(pgArrayLiteral([])).toBe('{}');
    expect(pgArrayLiteral(['a b', 'c,d', 'e"f', 'g\\h', '', 'null', null])).toBe('{"a b","c,d","e\\"f","g\\\\h","","null",NULL}');
    // Then escaped once more for the COPY line.
    expect(copyValue(pgArrayLiteral(['g\\h']))).toBe('{"g\\\\\\\\h"}');
  });

  it('should build COPY statements with quoted identifiers', () => {
    expect(copyStatement({ table: 'class_member', columns: ['class_id', 'user_id'] })).toBe('COPY "class_member" ("class_id", "user_id") FROM STDIN');
  });
});

/** The columns of the schema, from the migrations' SQL (CREATE TABLE and ADD column). */
async function schemaColumns(): Promise<Map<string, Map<string, { required: boolean }>>> {
  const statements: string[] = [];
  const runner = { query: async (sql: string) => void statements.push(sql) };
  for (const Migration of migrations) await new (Migration as new () => { up(q: unknown): Promise<void> })().up(runner);
  const tables = new Map<string, Map<string, { required: boolean }>>();
  for (const sql of statements) {
    const create = /^CREATE TABLE "(\w+)" \((.*)\)$/s.exec(sql.trim());
    if (create) {
      const columns = new Map<string, { required: boolean }>();
      for (const part of create[2].split(/, (?=")/)) {
        const column = /^"(\w+)" (.*)$/s.exec(part);
        if (column) columns.set(column[1], { required: /NOT NULL/.test(column[2]) && !/DEFAULT|GENERATED/.test(column[2]) });
      }
      tables.set(create[1], columns);
    }
    const add = /^ALTER TABLE "(\w+)" ADD "(\w+)" (.*)$/s.exec(sql.trim());
    if (add) tables.get(add[1])?.set(add[2], { required: /NOT NULL/.test(add[3]) && !/DEFAULT/.test(add[3]) });
  }
  return tables;
}

describe('COPY_TABLES', () => {
  it('should name existing columns and fill every required one', async () => {
    const schema = await schemaColumns();
    for (const target of COPY_TABLES) {
      const columns = schema.get(target.table);
      expect(columns, target.table).toBeDefined();
      for (const column of target.columns) expect(columns!.has(column), `${target.table}.${column}`).toBe(true);
      for (const [name, column] of columns!) if (column.required) expect(target.columns, `${target.table}.${name}`).toContain(name);
    }
  });

  it('should be in foreign-key order', () => {
    const order = COPY_TABLES.map((t) => t.table);
    const before = (a: string, b: string) => expect(order.indexOf(a)).toBeLessThan(order.indexOf(b));
    before('structure', 'school_class');
    before('app_user', 'account_name');
    for (const table of ['user_structure', 'class_member', 'relative_link', 'admin_function']) {
      before('app_user', table);
      before('structure', table);
    }
    before('school_class', 'class_member');
  });

  it('should turn every row into one line with one value per column, secrets from the loader', () => {
    const chunk = generateDemoDirectory().next().value as DemoChunk;
    const secrets: UserSecrets = { passwordHash: '$argon2id$hash', seal: (code) => `sealed(${code})` };
    for (const target of COPY_TABLES) {
      const rows = target.rows(chunk);
      expect(rows.length, target.table).toBeGreaterThan(0);
      for (const row of rows) {
        const line = target.line(row, secrets);
        expect(line.endsWith('\n')).toBe(true);
        expect(line.slice(0, -1)).not.toMatch(/[\n\r]/);
        expect(line.split('\t')).toHaveLength(target.columns.length);
      }
    }
    const users = COPY_TABLES.find((t) => t.table === 'app_user')!;
    const hash = users.columns.indexOf('password_hash');
    const secret = users.columns.indexOf('activation_code_secret');
    for (const user of chunk.users) {
      const values = users.line(user, secrets).slice(0, -1).split('\t');
      expect(values[hash]).toBe(user.activated ? '$argon2id$hash' : '\\N');
      expect(values[secret]).toBe(user.activationCode ? `sealed(${user.activationCode})` : '\\N');
    }
  });
});
