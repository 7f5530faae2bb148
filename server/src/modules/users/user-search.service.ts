import { DataSource } from 'typeorm';
import { Actor } from '../../platform/auth/actor';
import { preparedQuery } from '../../platform/database/prepared-query';
import { SqlParams } from '../../platform/database/sql-builder';
import { searchKey } from '../directory';
import { Profile } from '../../platform/model/profile';
import { userScope } from './user-scope-sql';
import { UserSearchHit } from './users.types';

interface HitRow {
  id: string;
  first_name: string;
  last_name: string;
  login: string;
  profile: Profile;
  activated: boolean;
  classes: string[] | null;
  schools: string[] | null;
}

const C = 'COLLATE "C"';

interface PrefixRange {
  from: string;
  to: string;
}

/** `column` starts with the prefix: `from <= column < to` in the C collation (an index range). */
function startsWith(column: string, prefix: PrefixRange): string {
  return `(${column} ${C} >= ${prefix.from} AND ${column} ${C} < ${prefix.to})`;
}

/**
 * The first key after every key starting with `key`. Search keys are ASCII (searchKey keeps
 * [a-z0-9 ]), so in the C collation that is `key` with its last character raised by one.
 */
export function rangeEnd(key: string): string {
  return key.slice(0, -1) + String.fromCharCode(key.charCodeAt(key.length - 1) + 1);
}

/** A first-name prefix and a last-name prefix typed together ("maia fr", "francois ma"). */
export interface NameSplit {
  first: string;
  last: string;
}

/**
 * Every way of reading a key of several words as a first-name part and a last-name part, in both
 * orders: "maia fr" → maia + fr, fr + maia. At most the first three places between words, so a long
 * query stays a few index ranges ("jean pierre le" also reads as « Jean-Pierre » + « Le… »).
 */
export function nameSplits(key: string): NameSplit[] {
  const words = key.split(' ').filter(Boolean);
  const splits: NameSplit[] = [];
  for (let at = 1; at < Math.min(words.length, 4); at++) {
    const before = words.slice(0, at).join(' ');
    const after = words.slice(at).join(' ');
    splits.push({ first: before, last: after }, { first: after, last: before });
  }
  return splits;
}

/**
 * One index range and a filter: the range on the column whose prefix is the longer (fewer names
 * start with "maia" than with "fr"), the other prefix checked on the same index entries.
 */
interface PairRange {
  scan: 'search_first' | 'search_last';
  other: 'search_first' | 'search_last';
  scanPrefix: PrefixRange;
  otherPrefix: PrefixRange;
}

function pairRange(split: NameSplit, params: SqlParams): PairRange {
  const range = (key: string) => ({ from: params.add(key, 'text'), to: params.add(rangeEnd(key), 'text') });
  return split.first.length >= split.last.length
    ? { scan: 'search_first', other: 'search_last', scanPrefix: range(split.first), otherPrefix: range(split.last) }
    : { scan: 'search_last', other: 'search_first', scanPrefix: range(split.last), otherPrefix: range(split.first) };
}

/**
 * « Rechercher un utilisateur »: the first letters of a first or last name, or of both in any order
 * ("maia fr", "fr maia"), accents and case ignored.
 * Last-name matches come first (by last then first name), then first-name matches (by first then
 * last name), then first and last name together (by last then first name). Both branches walk a B-tree in the C collation and stop at `first` rows; the scope is
 * in the same SQL. Pre-deleted accounts are left out. Measured in bench/search.
 */
export class UserSearchService {
  constructor(private readonly dataSource: DataSource) {}

  async search(actor: Actor, query: string, first: number): Promise<UserSearchHit[]> {
    const key = searchKey(query);
    if (!key || actor.scope.isEmpty) return [];
    const limit = Math.min(Math.max(first, 1), 50);
    const params = new SqlParams();
    const lim = params.add(limit, 'int');
    const prefix = { from: params.add(key, 'text'), to: params.add(rangeEnd(key), 'text') };
    const pairs = nameSplits(key).map((split) => pairRange(split, params));
    const hits = actor.scope.isSmall
      ? this.withinFewStructures(actor, params, prefix, pairs, lim)
      : this.byNameIndex(userScope(actor, params).condition, prefix, pairs, lim);
    const classScope = actor.scope.contains('c.school_id', params);
    const schoolScope = actor.scope.contains('s.id', params);
    // Ranked on the keys alone; the account rows are read for the ≤ `first` hits kept.
    const sql = `SELECT u.id, u.first_name, u.last_name, u.login, u.profile, (u.password_hash IS NOT NULL) AS activated,
              (SELECT array_agg(c.name ORDER BY c.name) FROM class_member m JOIN school_class c ON c.id = m.class_id
                WHERE m.user_id = u.id AND ${classScope}) AS classes,
              (SELECT array_agg(s.name ORDER BY s.name) FROM user_structure us JOIN structure s ON s.id = us.structure_id
                WHERE us.user_id = u.id AND s.kind = 'ECOLE' AND ${schoolScope}) AS schools
         FROM (SELECT ranked.id,
                      row_number() OVER (ORDER BY rank,
                                         CASE WHEN rank = 1 THEN search_first ELSE search_last END ${C},
                                         CASE WHEN rank = 1 THEN search_last ELSE search_first END ${C}, id) AS position
                 FROM (SELECT id, min(rank) AS rank, min(search_last ${C}) AS search_last, min(search_first ${C}) AS search_first
                         FROM (${hits}) found GROUP BY id) ranked) h
         JOIN app_user u ON u.id = h.id
        WHERE h.position <= ${lim}
        ORDER BY h.position`;
    // The plan is the same for every prefix (index ranges with the bounds as parameters): prepared
    // and planned once per connection, not again at every keystroke, where planning cost more than
    // executing (docs/performance.md, bench/search). Left to itself PostgreSQL kept planning the
    // département's statement for each call.
    const rows = await preparedQuery<HitRow>(this.dataSource, sql, params.values, { genericPlan: true });
    return rows.map((row) => ({
      id: row.id,
      firstName: row.first_name,
      lastName: row.last_name,
      displayName: `${row.last_name.toUpperCase()} ${row.first_name}`,
      login: row.login,
      profile: row.profile,
      activated: row.activated,
      classes: row.classes ?? [],
      schools: row.schools ?? [],
    }));
  }

  /**
   * A school or a circonscription: in each école of the scope, the first `lim` memberships by last
   * name, then by first name, from the search keys copied onto user_structure (one short index range
   * each); each branch keeps its first `lim` distinct accounts (one met in two écoles counts once),
   * so that only 2 × `lim` rows are ranked.
   */
  private withinFewStructures(actor: Actor, params: SqlParams, prefix: PrefixRange, pairs: PairRange[], lim: string): string {
    const structures = actor.scope.structuresSql(params);
    const branch = (key: string, other: string, rank: number, where: string) =>
      `(SELECT DISTINCT m.user_id AS id, m.search_last ${C} AS search_last, m.search_first ${C} AS search_first, ${rank} AS rank
          FROM (${structures}) AS s(id)
          CROSS JOIN LATERAL (
            SELECT us.user_id, us.search_last, us.search_first FROM user_structure us
             WHERE us.structure_id = s.id AND NOT us.predeleted AND ${where}
             ORDER BY us.${key} ${C}, us.${other} ${C}, us.user_id LIMIT ${lim}) m
         ORDER BY ${key}, ${other}, id LIMIT ${lim})`;
    return [
      branch('search_last', 'search_first', 0, startsWith('us.search_last', prefix)),
      branch('search_first', 'search_last', 1, `${startsWith('us.search_first', prefix)} AND NOT (${startsWith('us.search_last', prefix)})`),
      ...pairs.map((pair) => branch(pair.scan, pair.other, 2, `${startsWith(`us.${pair.scan}`, pair.scanPrefix)} AND ${startsWith(`us.${pair.other}`, pair.otherPrefix)}`)),
    ].join('\n            UNION ALL\n            ');
  }

  /**
   * A département or everything: the accounts' own name indexes walked in order from the prefix,
   * the scope checked per row until `lim` are found (a large scope holds most of the names).
   */
  private byNameIndex(scopeCondition: string, prefix: PrefixRange, pairs: PairRange[], lim: string): string {
    const branch = (key: string, other: string, rank: number, where: string) =>
      `(SELECT u.id, u.search_last, u.search_first, ${rank} AS rank FROM app_user u
              WHERE ${where} AND u.predeleted_at IS NULL AND ${scopeCondition}
              ORDER BY u.${key} ${C}, u.${other} ${C}, u.id LIMIT ${lim})`;
    return [
      branch('search_last', 'search_first', 0, startsWith('u.search_last', prefix)),
      branch('search_first', 'search_last', 1, `${startsWith('u.search_first', prefix)} AND NOT ${startsWith('u.search_last', prefix)}`),
      ...pairs.map((pair) => branch(pair.scan, pair.other, 2, `${startsWith(`u.${pair.scan}`, pair.scanPrefix)} AND ${startsWith(`u.${pair.other}`, pair.otherPrefix)}`)),
    ].join('\n            UNION ALL\n            ');
  }
}
