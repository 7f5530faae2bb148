import { DataSource } from 'typeorm';
import { Actor } from '../../platform/auth/actor';
import { isUuid } from '../../platform/database/uuid';
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

  private accessClause(classAlias: string, from: number): string {
    return `($${from}::boolean OR ${classAlias}.school_id = ANY($${from + 1}::uuid[]) OR ${classAlias}.id = ANY($${from + 2}::uuid[]))`;
  }

  private accessParams(actor: Actor): unknown[] {
    return [actor.scope.all, actor.scope.structureIds, actor.teacherClassIds];
  }

  async find(actor: Actor, classId: string): Promise<SchoolClassView> {
    if (!isUuid(classId)) throw AppError.notFound();
    const rows: { id: string; name: string; levels: string[]; school_id: string }[] = await this.dataSource.query(
      `SELECT c.id, c.name, c.levels, c.school_id FROM school_class c WHERE c.id = $1 AND ${this.accessClause('c', 2)}`,
      [classId, ...this.accessParams(actor)],
    );
    if (!rows[0]) throw AppError.notFound();
    return { id: rows[0].id, name: rows[0].name, levels: rows[0].levels, schoolId: rows[0].school_id };
  }

  /** Members of a class with one profile, alphabetical; checks access again (nested fields too). */
  async members(actor: Actor, classId: string, profile: Profile): Promise<UserView[]> {
    const rows: (UserRow & { detail: boolean })[] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS},
              ($2::boolean OR c.school_id = ANY($3::uuid[]) OR (u.profile = 'STUDENT' AND c.id = ANY($4::uuid[]))) AS detail
         FROM school_class c
         JOIN class_member m ON m.class_id = c.id
         JOIN app_user u ON u.id = m.user_id AND u.profile = $5
        WHERE c.id = $1 AND ${this.accessClause('c', 2)}
        ORDER BY u.search_last COLLATE "C", u.search_first COLLATE "C", u.id`,
      [classId, ...this.accessParams(actor), profile],
    );
    return rows.map((row) => userView(row, row.detail));
  }
}
