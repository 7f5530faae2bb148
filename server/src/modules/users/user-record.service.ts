import { DataSource } from 'typeorm';
import { Actor } from '../../platform/auth/actor';
import { SecretBox } from '../../platform/crypto/secret-box';
import { preparedQuery } from '../../platform/database/prepared-query';
import { SqlParams } from '../../platform/database/sql-builder';
import { AdminFunction } from '../../platform/model/admin-function';
import { SchoolClassView, StructureView, findAccessibleUser, AccountSource, USER_COLUMNS, UserRow, UserView, userView } from '../directory';

/**
 * The nested fields of a page of users (records, classes, écoles, parents, functions) are read in one
 * batch each, a shape whose plan does not depend on the ids: prepared and planned once per
 * connection, since planning was most of each statement's time (docs/performance.md, bench/users-page).
 */
const BATCH = { genericPlan: true };

export interface UserRecordRow {
  id: string;
  email: string | null;
  mobile: string | null;
  externalId: string | null;
  source: AccountSource;
  createdAt: Date;
  updatedAt: Date;
  birthDate: string | null;
  hasPhoto: boolean;
  activationCode: string | null;
  predeletedAt: Date | null;
  deleteAfter: Date | null;
  leftFeedAt: Date | null;
}

function groupBy<T>(ids: readonly string[], rows: T[], key: (row: T) => string): T[][] {
  const map = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) map.get(key(row))?.push(row);
  return ids.map((id) => map.get(id) ?? []);
}

/**
 * The user record (« fiche ») and its sections, loaded in batches (one query per section per page,
 * whatever the number of users shown). Nested lists are filtered to the caller's scope in SQL.
 */
export class UserRecordService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secretBox: SecretBox,
  ) {}

  /** `user(id)`: the account if the actor administers it (or teaches this pupil), else NOT_FOUND. */
  async find(actor: Actor, userId: string): Promise<UserView> {
    const target = await findAccessibleUser(this.dataSource, actor, userId, 'administer-or-teach');
    const [row] = (await this.dataSource.query(`SELECT ${USER_COLUMNS} FROM app_user u WHERE u.id = $1`, [target.id])) as UserRow[];
    return userView(row, true);
  }

  async records(ids: readonly string[]): Promise<UserRecordRow[]> {
    const rows: {
      id: string;
      email: string | null;
      mobile: string | null;
      external_id: string | null;
      source: AccountSource;
      created_at: Date;
      updated_at: Date;
      birth_date: string | null;
      photo_path: string | null;
      activation_code_secret: string | null;
      predeleted_at: Date | null;
      delete_after: Date | null;
      left_feed_at: Date | null;
    }[] = await preparedQuery(
      this.dataSource,
      `SELECT id, email, mobile, external_id, source, created_at, updated_at, to_char(birth_date, 'YYYY-MM-DD') AS birth_date,
              photo_path, activation_code_secret, predeleted_at, delete_after, left_feed_at
         FROM app_user WHERE id = ANY($1::uuid[])`,
      [ids],
      BATCH,
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => {
      const row = byId.get(id)!;
      return {
        id,
        email: row.email,
        mobile: row.mobile,
        externalId: row.external_id,
        source: row.source,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        birthDate: row.birth_date,
        hasPhoto: !!row.photo_path,
        activationCode: row.activation_code_secret ? this.secretBox.open(row.activation_code_secret) : null,
        predeletedAt: row.predeleted_at,
        deleteAfter: row.delete_after,
        leftFeedAt: row.left_feed_at,
      };
    });
  }

  /** « Classe(s) »: for admins, the classes in their scope; for a teacher, their own. */
  async classes(actor: Actor, ids: readonly string[]): Promise<SchoolClassView[][]> {
    const params = new SqlParams();
    const idsParam = params.add(ids, 'uuid[]');
    const visible = `(${actor.scope.contains('c.school_id', params)} OR c.id = ANY(${params.add(actor.teacherClassIds, 'uuid[]')}))`;
    const rows: { user_id: string; id: string; name: string; levels: string[]; school_id: string }[] = await preparedQuery(
      this.dataSource,
      `SELECT m.user_id, c.id, c.name, c.levels, c.school_id FROM class_member m JOIN school_class c ON c.id = m.class_id
        WHERE m.user_id = ANY(${idsParam}) AND ${visible} ORDER BY c.name, c.id`,
      params.values,
      BATCH,
    );
    return groupBy(ids, rows, (row) => row.user_id).map((list) =>
      list.map((row) => ({ id: row.id, name: row.name, levels: row.levels, schoolId: row.school_id })),
    );
  }

  /** « Établissement(s) » within the caller's scope. */
  async structures(actor: Actor, ids: readonly string[]): Promise<StructureView[][]> {
    const params = new SqlParams();
    const idsParam = params.add(ids, 'uuid[]');
    const scope = actor.scope.contains('s.id', params);
    const rows: { user_id: string; id: string; kind: StructureView['kind']; name: string; code: string | null; parent_id: string | null }[] =
      await preparedQuery(
        this.dataSource,
        `SELECT us.user_id, s.id, s.kind, s.name, s.code, s.parent_id FROM user_structure us JOIN structure s ON s.id = us.structure_id
          WHERE us.user_id = ANY(${idsParam}) AND ${scope} ORDER BY s.name, s.id`,
        params.values,
        BATCH,
      );
    return groupBy(ids, rows, (row) => row.user_id).map((list) =>
      list.map((row) => ({ id: row.id, kind: row.kind, name: row.name, code: row.code, parentId: row.parent_id })),
    );
  }

  /**
   * « Responsable(s) » (direction 'relatives') or « Enfant(s) » ('children'), limited to accounts the
   * caller administers: a parent registered in another circonscription does not leak through.
   */
  async links(actor: Actor, ids: readonly string[], direction: 'relatives' | 'children'): Promise<UserView[][]> {
    const [from, to] = direction === 'relatives' ? ['student_id', 'relative_id'] : ['relative_id', 'student_id'];
    const params = new SqlParams();
    const idsParam = params.add(ids, 'uuid[]');
    const scope = actor.scope.all ? 'TRUE' : `EXISTS (SELECT 1 FROM user_structure us WHERE us.user_id = u.id AND ${actor.scope.contains('us.structure_id', params)})`;
    const rows: (UserRow & { owner: string })[] = await preparedQuery(
      this.dataSource,
      `SELECT r.${from} AS owner, ${USER_COLUMNS} FROM relative_link r JOIN app_user u ON u.id = r.${to}
        WHERE r.${from} = ANY(${idsParam}) AND ${scope}
        ORDER BY u.search_last COLLATE "C", u.search_first COLLATE "C", u.id`,
      params.values,
      BATCH,
    );
    return groupBy(ids, rows, (row) => row.owner).map((list) => list.map((row) => userView(row, true)));
  }

  /**
   * « Fonctions » over structures in the caller's scope (the operator's, bound to none, included): a
   * teacher who directs another école does not show that école's name to this one's director.
   */
  async functions(actor: Actor, ids: readonly string[]): Promise<{ function: AdminFunction; structureId: string | null }[][]> {
    const params = new SqlParams();
    const idsParam = params.add(ids, 'uuid[]');
    const rows: { user_id: string; function: AdminFunction; structure_id: string | null }[] = await preparedQuery(
      this.dataSource,
      `SELECT f.user_id, f.function, f.structure_id FROM admin_function f
        WHERE f.user_id = ANY(${idsParam}) AND (f.structure_id IS NULL OR ${actor.scope.contains('f.structure_id', params)})
        ORDER BY f.granted_at, f.id`,
      params.values,
      BATCH,
    );
    return groupBy(ids, rows, (row) => row.user_id).map((list) => list.map((row) => ({ function: row.function, structureId: row.structure_id })));
  }
}
