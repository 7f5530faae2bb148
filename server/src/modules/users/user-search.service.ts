import { DataSource } from 'typeorm';
import { Actor } from '../../platform/auth/actor';
import { likePrefix, SqlParams } from '../../platform/database/sql-builder';
import { searchKey } from '../directory/login-generator';
import { Profile } from '../directory/user.entity';
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

/**
 * « Rechercher un utilisateur »: the first letters of a first or last name, accents and case ignored.
 * Last-name matches come first (by last then first name), then first-name matches (by first then
 * last name). Both branches walk a B-tree in the C collation and stop at `first` rows; the scope is
 * in the same SQL. Pre-deleted accounts are left out.
 */
export class UserSearchService {
  constructor(private readonly dataSource: DataSource) {}

  async search(actor: Actor, query: string, first: number): Promise<UserSearchHit[]> {
    const key = searchKey(query);
    if (!key || actor.scope.isEmpty) return [];
    const limit = Math.min(Math.max(first, 1), 50);
    const params = new SqlParams();
    const prefix = params.add(likePrefix(key));
    const lim = params.add(limit, 'int');
    const scope = userScope(actor, params);
    const columns = `u.id, u.first_name, u.last_name, u.login, u.profile, u.search_last, u.search_first, (u.password_hash IS NOT NULL) AS activated`;
    const hits = scope.membershipDriven
      ? // A few hundred to a few thousand accounts in scope: filter them by name directly.
        `SELECT ${columns}, CASE WHEN u.search_last ${C} LIKE ${prefix} THEN 0 ELSE 1 END AS rank
           FROM app_user u
          WHERE ${scope.condition} AND u.predeleted_at IS NULL
            AND (u.search_last ${C} LIKE ${prefix} OR u.search_first ${C} LIKE ${prefix})`
      : `(SELECT ${columns}, 0 AS rank FROM app_user u
           WHERE u.search_last ${C} LIKE ${prefix} AND u.predeleted_at IS NULL AND ${scope.condition}
           ORDER BY u.search_last ${C}, u.search_first ${C}, u.id LIMIT ${lim})
         UNION ALL
         (SELECT ${columns}, 1 AS rank FROM app_user u
           WHERE u.search_first ${C} LIKE ${prefix} AND NOT (u.search_last ${C} LIKE ${prefix})
             AND u.predeleted_at IS NULL AND ${scope.condition}
           ORDER BY u.search_first ${C}, u.search_last ${C}, u.id LIMIT ${lim})`;
    const classScope = actor.scope.contains('c.school_id', params);
    const schoolScope = actor.scope.contains('s.id', params);
    const rows: HitRow[] = await this.dataSource.query(
      `SELECT h.id, h.first_name, h.last_name, h.login, h.profile, h.activated,
              (SELECT array_agg(c.name ORDER BY c.name) FROM class_member m JOIN school_class c ON c.id = m.class_id
                WHERE m.user_id = h.id AND ${classScope}) AS classes,
              (SELECT array_agg(s.name ORDER BY s.name) FROM user_structure us JOIN structure s ON s.id = us.structure_id
                WHERE us.user_id = h.id AND s.kind = 'ECOLE' AND ${schoolScope}) AS schools
         FROM (SELECT ranked.*,
                      row_number() OVER (ORDER BY rank,
                                         CASE WHEN rank = 0 THEN search_last ELSE search_first END ${C},
                                         CASE WHEN rank = 0 THEN search_first ELSE search_last END ${C}, id) AS position
                 FROM (${hits}) ranked) h
        WHERE h.position <= ${lim}
        ORDER BY h.position`,
      params.values,
    );
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
}
