import { DataSource } from 'typeorm';
import { Actor } from '../../platform/auth/actor';
import { SqlParams } from '../../platform/database/sql-builder';
import { AppError } from '../../platform/errors/app-error';
import { USER_COLUMNS, UserRow, userView } from '../directory';
import { assertIdsInScope } from './input-ids-scope';
import { userFilterCondition } from './user-filter-sql';
import { UserConnection, UserFilter, UserOrder } from './users.types';

const C = 'COLLATE "C"';
/** Sorts after any class name in the C collation: accounts without a class come last. */
const NO_CLASS = '~';

interface Ordering {
  /** Sort expressions, in order, ending with u.id for a total order. */
  keys: { sql: string; cast: string }[];
  descending: boolean;
}

/**
 * The class an account sorts under, among the classes of the caller's scope: a teacher of two écoles
 * sorts under the class this director knows, and the page cursor never carries another école's class.
 */
function classKey(actor: Actor, params: SqlParams): string {
  return `COALESCE((SELECT min(c.name ${C}) FROM class_member m JOIN school_class c ON c.id = m.class_id
                     WHERE m.user_id = u.id AND ${actor.scope.contains('c.school_id', params)}), '${NO_CLASS}')`;
}

const NAME_KEYS = [
  { sql: `u.search_last ${C}`, cast: `text ${C}` },
  { sql: `u.search_first ${C}`, cast: `text ${C}` },
  { sql: 'u.id', cast: 'uuid' },
];

/** The sort of `order`; `classKeySql` is only called for the class sort (it adds parameters). */
function ordering(order: UserOrder, classKeySql: () => string): Ordering {
  switch (order) {
    case UserOrder.NAME:
      return { keys: NAME_KEYS, descending: false };
    case UserOrder.PROFILE:
      return { keys: [{ sql: 'u.profile', cast: 'user_profile' }, ...NAME_KEYS], descending: false };
    case UserOrder.CLASS:
      return { keys: [{ sql: `${classKeySql()} ${C}`, cast: `text ${C}` }, ...NAME_KEYS], descending: false };
    case UserOrder.CREATED_AT:
      return {
        keys: [
          { sql: 'u.created_at', cast: 'timestamptz' },
          { sql: 'u.id', cast: 'uuid' },
        ],
        descending: true,
      };
  }
}

function encodeCursor(order: UserOrder, values: unknown[]): string {
  return Buffer.from(JSON.stringify([order, ...values])).toString('base64url');
}

function decodeCursor(order: UserOrder, cursor: string): unknown[] {
  try {
    const [cursorOrder, ...values] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (cursorOrder !== order || values.length !== ordering(order, () => '').keys.length) throw new Error('mismatch');
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

  async page(actor: Actor, filter: UserFilter, order: UserOrder, first: number, after: string | null | undefined): Promise<UserConnection> {
    if (actor.scope.isEmpty) return { countTotal: async () => 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
    await assertIdsInScope(this.dataSource, actor, { structureId: filter.structureId, classIds: filter.classIds, importId: filter.importId });
    const size = Math.min(Math.max(first, 1), 200);
    const params = new SqlParams();
    const where = userFilterCondition(actor, filter, params);
    const countParams = [...params.values];
    // After the count's parameters: only the page's statement sorts.
    const sort = ordering(order, () => classKey(actor, params));
    const keyList = sort.keys.map((key) => key.sql).join(', ');
    let keyset = 'TRUE';
    if (after) {
      const values = decodeCursor(order, after);
      const placeholders = values.map((value, index) => `${params.add(value)}::${sort.keys[index].cast}`);
      keyset = `(${keyList}) ${sort.descending ? '<' : '>'} (${placeholders.join(', ')})`;
    }
    const direction = sort.descending ? 'DESC' : 'ASC';
    const sortKeys = sort.keys.map((key, index) => `${key.sql} AS sort_${index}`).join(', ');
    const rows = (await this.dataSource.query(
      `SELECT ${USER_COLUMNS}, ${sortKeys} FROM app_user u
        WHERE ${where} AND ${keyset}
        ORDER BY ${sort.keys.map((key) => `${key.sql} ${direction}`).join(', ')}
        LIMIT ${params.add(size + 1, 'int')}`,
      params.values,
    )) as (UserRow & Record<string, unknown>)[];
    const countTotal = async () =>
      ((await this.dataSource.query(`SELECT count(*)::int AS n FROM app_user u WHERE ${where}`, countParams)) as { n: number }[])[0].n;
    const pageRows = rows.slice(0, size);
    const edges = pageRows.map((row) => ({
      cursor: encodeCursor(
        order,
        sort.keys.map((_, index) => {
          const value = row[`sort_${index}`];
          return value instanceof Date ? value.toISOString() : value;
        }),
      ),
      node: userView(row, true),
    }));
    return { countTotal, edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}
