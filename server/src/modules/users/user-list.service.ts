import { DataSource } from 'typeorm';
import { Actor } from '../../platform/auth/actor';
import { isUuid } from '../../platform/database/uuid';
import { likePrefix, SqlParams } from '../../platform/database/sql-builder';
import { AppError } from '../../platform/errors/app-error';
import { searchKey } from '../directory/login-generator';
import { structureInScope } from '../directory/structure-access';
import { USER_COLUMNS, UserRow, userView } from '../directory/user.types';
import { userScope } from './user-scope-sql';
import { UserConnection, UserFilter, UserOrder } from './users.types';

const C = 'COLLATE "C"';
/** Sorts after any class name in the C collation: accounts without a class come last. */
const NO_CLASS = '~';

interface Ordering {
  /** Sort expressions, in order, ending with u.id for a total order. */
  keys: { sql: string; cast: string }[];
  descending: boolean;
}

const CLASS_KEY = `COALESCE((SELECT min(c.name ${C}) FROM class_member m JOIN school_class c ON c.id = m.class_id WHERE m.user_id = u.id), '${NO_CLASS}')`;

const orderings: Record<UserOrder, Ordering> = {
  [UserOrder.NAME]: {
    keys: [
      { sql: `u.search_last ${C}`, cast: `text ${C}` },
      { sql: `u.search_first ${C}`, cast: `text ${C}` },
      { sql: 'u.id', cast: 'uuid' },
    ],
    descending: false,
  },
  [UserOrder.PROFILE]: {
    keys: [
      { sql: 'u.profile', cast: 'user_profile' },
      { sql: `u.search_last ${C}`, cast: `text ${C}` },
      { sql: `u.search_first ${C}`, cast: `text ${C}` },
      { sql: 'u.id', cast: 'uuid' },
    ],
    descending: false,
  },
  [UserOrder.CLASS]: {
    keys: [
      { sql: `${CLASS_KEY} ${C}`, cast: `text ${C}` },
      { sql: `u.search_last ${C}`, cast: `text ${C}` },
      { sql: `u.search_first ${C}`, cast: `text ${C}` },
      { sql: 'u.id', cast: 'uuid' },
    ],
    descending: false,
  },
  [UserOrder.CREATED_AT]: {
    keys: [
      { sql: 'u.created_at', cast: 'timestamptz' },
      { sql: 'u.id', cast: 'uuid' },
    ],
    descending: true,
  },
};

function encodeCursor(order: UserOrder, values: unknown[]): string {
  return Buffer.from(JSON.stringify([order, ...values])).toString('base64url');
}

function decodeCursor(order: UserOrder, cursor: string): unknown[] {
  try {
    const [cursorOrder, ...values] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (cursorOrder !== order || values.length !== orderings[order].keys.length) throw new Error('mismatch');
    return values;
  } catch {
    throw AppError.badInput({ fr: 'Cette page de résultats a expiré : relancez la recherche.', en: 'This page of results is stale: run the search again.' });
  }
}

/**
 * The user list of the admin console: filters, column search, four sorts, keyset paging (no OFFSET:
 * page 10,000 costs what page 1 costs) and the total. Everything is filtered in SQL, scope first.
 */
export class UserListService {
  constructor(private readonly dataSource: DataSource) {}


  private where(actor: Actor, filter: UserFilter, params: SqlParams): string {
    const scope = userScope(actor, params, filter.structureId ?? undefined);
    const clauses = [scope.condition];
    if (filter.profiles?.length) clauses.push(`u.profile = ANY(${params.add(filter.profiles, 'user_profile[]')})`);
    if (filter.activated === true) clauses.push('u.password_hash IS NOT NULL');
    if (filter.activated === false) clauses.push('u.password_hash IS NULL');
    if (filter.classIds?.length) {
      if (!filter.classIds.every(isUuid)) throw AppError.notFound();
      clauses.push(`u.id IN (SELECT m.user_id FROM class_member m WHERE m.class_id = ANY(${params.add(filter.classIds, 'uuid[]')}))`);
    }
    if (filter.functions?.length) {
      clauses.push(`u.id IN (SELECT f.user_id FROM admin_function f WHERE f.function = ANY(${params.add(filter.functions, 'admin_function_kind[]')}))`);
    }
    const blocked = `(u.blocked_at IS NOT NULL AND (u.blocked_until IS NULL OR u.blocked_until > now()))`;
    if (filter.blocked === true) clauses.push(blocked);
    if (filter.blocked === false) clauses.push(`NOT ${blocked}`);
    // Pre-deleted accounts only show when asked for, as in the guide's lists.
    clauses.push(filter.predeleted === true ? 'u.predeleted_at IS NOT NULL' : 'u.predeleted_at IS NULL');
    if (filter.hasEmail === true) clauses.push('u.email IS NOT NULL');
    if (filter.hasEmail === false) clauses.push('u.email IS NULL');
    const lastName = searchKey(filter.lastName ?? '');
    if (lastName) clauses.push(`u.search_last ${C} LIKE ${params.add(likePrefix(lastName))}`);
    const firstName = searchKey(filter.firstName ?? '');
    if (firstName) clauses.push(`u.search_first ${C} LIKE ${params.add(likePrefix(firstName))}`);
    const login = (filter.login ?? '').trim().toLowerCase();
    if (login) clauses.push(`u.id IN (SELECT n.user_id FROM account_name n WHERE n.name ${C} LIKE ${params.add(likePrefix(login))})`);
    const className = (filter.className ?? '').trim().toLowerCase();
    if (className) {
      clauses.push(
        `u.id IN (SELECT m.user_id FROM class_member m JOIN school_class c ON c.id = m.class_id WHERE lower(c.name) LIKE ${params.add(likePrefix(className))})`,
      );
    }
    return clauses.join(' AND ');
  }

  async page(actor: Actor, filter: UserFilter, order: UserOrder, first: number, after: string | null | undefined): Promise<UserConnection> {
    if (actor.scope.isEmpty) return { countTotal: async () => 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
    if (filter.structureId && !(await structureInScope(this.dataSource, actor, filter.structureId))) throw AppError.notFound();
    const size = Math.min(Math.max(first, 1), 200);
    const ordering = orderings[order];
    const params = new SqlParams();
    const where = this.where(actor, filter, params);
    const countParams = [...params.values];
    const keyList = ordering.keys.map((key) => key.sql).join(', ');
    let keyset = 'TRUE';
    if (after) {
      const values = decodeCursor(order, after);
      const placeholders = values.map((value, index) => `${params.add(value)}::${ordering.keys[index].cast}`);
      keyset = `(${keyList}) ${ordering.descending ? '<' : '>'} (${placeholders.join(', ')})`;
    }
    const direction = ordering.descending ? 'DESC' : 'ASC';
    const sortKeys = ordering.keys.map((key, index) => `${key.sql} AS sort_${index}`).join(', ');
    const rows = (await this.dataSource.query(
      `SELECT ${USER_COLUMNS}, ${sortKeys} FROM app_user u
        WHERE ${where} AND ${keyset}
        ORDER BY ${ordering.keys.map((key) => `${key.sql} ${direction}`).join(', ')}
        LIMIT ${params.add(size + 1, 'int')}`,
      params.values,
    )) as (UserRow & Record<string, unknown>)[];
    const countTotal = async () =>
      ((await this.dataSource.query(`SELECT count(*)::int AS n FROM app_user u WHERE ${where}`, countParams)) as { n: number }[])[0].n;
    const pageRows = rows.slice(0, size);
    const edges = pageRows.map((row) => ({
      cursor: encodeCursor(
        order,
        ordering.keys.map((_, index) => {
          const value = row[`sort_${index}`];
          return value instanceof Date ? value.toISOString() : value;
        }),
      ),
      node: userView(row, true),
    }));
    return { countTotal, edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}
