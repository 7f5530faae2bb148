import { DataSource } from 'typeorm';
import { Actor } from '../../platform/auth/actor';
import { isUuid } from '../../platform/database/uuid';
import { SqlParams } from '../../platform/database/sql-builder';
import { AppError } from '../../platform/errors/app-error';
import { SchoolClassView } from './directory.types';
import { Profile } from '../../platform/model/profile';
import { USER_COLUMNS, UserRow, UserView, userView } from './user.types';

/**
 * A class as its admins and teachers see it (« Paramétrage de la classe »). Access: an admin whose
 * scope holds the école, or a teacher of this very class. Otherwise "not found".
 */
export class ClassService {
  constructor(private readonly dataSource: DataSource) {}

  /** Admin of the class's école, or teacher of this class. */
  private access(actor: Actor, params: SqlParams): { admin: string; teacher: string } {
    return { admin: actor.scope.contains('c.school_id', params), teacher: `c.id = ANY(${params.add(actor.teacherClassIds, 'uuid[]')})` };
  }

  async find(actor: Actor, classId: string): Promise<SchoolClassView> {
    if (!isUuid(classId)) throw AppError.notFound();
    const params = new SqlParams();
    const id = params.add(classId, 'uuid');
    const access = this.access(actor, params);
    const rows: { id: string; name: string; levels: string[]; school_id: string }[] = await this.dataSource.query(
      `SELECT c.id, c.name, c.levels, c.school_id FROM school_class c WHERE c.id = ${id} AND (${access.admin} OR ${access.teacher})`,
      params.values,
    );
    if (!rows[0]) throw AppError.notFound();
    return { id: rows[0].id, name: rows[0].name, levels: rows[0].levels, schoolId: rows[0].school_id };
  }

  /**
   * Members with one profile of several classes, alphabetical, at most `first` per class, in one
   * statement (a nested `pupils` under a list of classes is one query per level, not one per class).
   * Checks access again: a nested field is only as visible as its class.
   */
  async members(actor: Actor, classIds: readonly string[], profile: Profile, first: number): Promise<UserView[][]> {
    const ids = classIds.filter(isUuid);
    if (!ids.length) return classIds.map(() => []);
    const params = new SqlParams();
    const idList = params.add(ids, 'uuid[]');
    const access = this.access(actor, params);
    const rows: (UserRow & { class_id: string; detail: boolean })[] = await this.dataSource.query(
      `SELECT * FROM (
         SELECT ${USER_COLUMNS}, c.id AS class_id, (${access.admin} OR (u.profile = 'STUDENT' AND ${access.teacher})) AS detail,
                row_number() OVER (PARTITION BY c.id ORDER BY u.search_last COLLATE "C", u.search_first COLLATE "C", u.id) AS rank
           FROM school_class c
           JOIN class_member m ON m.class_id = c.id
           JOIN app_user u ON u.id = m.user_id AND u.profile = ${params.add(profile, 'user_profile')}
          WHERE c.id = ANY(${idList}) AND (${access.admin} OR ${access.teacher})
       ) ranked
       WHERE rank <= ${params.add(first, 'int')}
       ORDER BY rank`,
      params.values,
    );
    const byClass = new Map<string, UserView[]>(classIds.map((id) => [id, []]));
    for (const row of rows) byClass.get(row.class_id)?.push(userView(row, row.detail));
    return classIds.map((id) => byClass.get(id) ?? []);
  }
}
