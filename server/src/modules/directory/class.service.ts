import { DataSource } from 'typeorm';
import { Actor } from '../../platform/auth/actor';
import { isUuid } from '../../platform/database/uuid';
import { SqlParams } from '../../platform/database/sql-builder';
import { AppError } from '../../platform/errors/app-error';
import { SchoolClassView } from './directory.types';
import { Profile } from './user.entity';
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

  /** Members of a class with one profile, alphabetical; checks access again (nested fields too). */
  async members(actor: Actor, classId: string, profile: Profile): Promise<UserView[]> {
    if (!isUuid(classId)) throw AppError.notFound();
    const params = new SqlParams();
    const id = params.add(classId, 'uuid');
    const access = this.access(actor, params);
    const rows: (UserRow & { detail: boolean })[] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS}, (${access.admin} OR (u.profile = 'STUDENT' AND ${access.teacher})) AS detail
         FROM school_class c
         JOIN class_member m ON m.class_id = c.id
         JOIN app_user u ON u.id = m.user_id AND u.profile = ${params.add(profile, 'user_profile')}
        WHERE c.id = ${id} AND (${access.admin} OR ${access.teacher})
        ORDER BY u.search_last COLLATE "C", u.search_first COLLATE "C", u.id`,
      params.values,
    );
    return rows.map((row) => userView(row, row.detail));
  }
}
