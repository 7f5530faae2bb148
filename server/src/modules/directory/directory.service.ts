import { DataSource } from 'typeorm';
import { Actor } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors/app-error';
import { isUuid } from '../../platform/database/uuid';
import { SqlParams } from '../../platform/database/sql-builder';
import { SchoolClassView, StructureView } from './directory.types';
import { structureInScope } from './structure-access';
import { pageSize } from '../../platform/graphql/list-cost';

/** The largest page of `structures` (when a page is asked for: integrations must). */
export const MAX_STRUCTURES_PAGE = 100;

interface StructureRow {
  id: string;
  kind: StructureView['kind'];
  name: string;
  code: string | null;
  parent_id: string | null;
}

const structureView = (row: StructureRow): StructureView => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  code: row.code,
  parentId: row.parent_id,
});

/** What `structures` lists, with each one's rank in the tree's reading order. */
function visibleStructures(actor: Actor, params: SqlParams): string {
  return `SELECT s.id, s.kind, s.name, s.code, s.parent_id,
            array_position(ARRAY['DEPARTEMENT','CIRCONSCRIPTION','ECOLE']::structure_kind[], s.kind) AS rank
       FROM structure s
      WHERE ${actor.scope.contains('s.id', params)}
         OR s.id IN (SELECT structure_id FROM user_structure WHERE user_id = ${params.add(actor.userId, 'uuid')})`;
}

/** Reads of the directory tree and classes, always filtered by the caller's scope in SQL. */
export class DirectoryService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The structures the actor may see: what they administer (whole subtree), else the écoles they
   * belong to. Ordered as a tree reads: département, circonscriptions, écoles, by name. With
   * `first`, one page of that order (at most 100), after the structure `after` (an id of the
   * previous page, which must be visible itself); without, all of them (the console's lists).
   */
  async structures(actor: Actor, page: { first?: number; after?: string } = {}): Promise<StructureView[]> {
    if (page.after !== undefined && !isUuid(page.after)) throw AppError.notFound();
    const params = new SqlParams();
    const visible = visibleStructures(actor, params);
    const after = page.after === undefined ? null : params.add(page.after, 'uuid');
    const limit = page.first === undefined ? '' : `LIMIT ${params.add(pageSize(page.first, MAX_STRUCTURES_PAGE), 'int')}`;
    const rows: StructureRow[] = await this.dataSource.query(
      `WITH visible AS (${visible}),
            cursor AS (SELECT rank, name, id FROM visible WHERE id = ${after ?? 'NULL'})
       SELECT v.id, v.kind, v.name, v.code, v.parent_id FROM visible v
        WHERE ${after === null ? 'true' : '(v.rank, v.name, v.id) > (SELECT rank, name, id FROM cursor)'}
        ORDER BY v.rank, v.name, v.id ${limit}`,
      params.values,
    );
    // An empty page after a structure the caller cannot see says not found, as for any other id.
    if (rows.length === 0 && after !== null) {
      const again = new SqlParams();
      const found: unknown[] = await this.dataSource.query(
        `WITH visible AS (${visibleStructures(actor, again)}) SELECT 1 FROM visible WHERE id = ${again.add(page.after, 'uuid')}`,
        again.values,
      );
      if (found.length === 0) throw AppError.notFound();
    }
    return rows.map(structureView);
  }

  /** By ids, for nested fields; the caller has already established the parent object is in scope. */
  async structuresByIds(ids: readonly string[]): Promise<Map<string, StructureView>> {
    const rows: StructureRow[] = await this.dataSource.query(
      'SELECT id, kind, name, code, parent_id FROM structure WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((row) => [row.id, structureView(row)]));
  }

  /**
   * Classes of an école: all of them for an admin in scope, only their own for a teacher there.
   * Anything else is "not found", exactly as for an id that does not exist.
   */
  async schoolClasses(actor: Actor, structureId: string): Promise<SchoolClassView[]> {
    if (!isUuid(structureId)) throw AppError.notFound();
    const params = new SqlParams();
    const rows: { id: string; name: string; levels: string[]; school_id: string }[] = await this.dataSource.query(
      `SELECT c.id, c.name, c.levels, c.school_id FROM school_class c
        WHERE c.school_id = ${params.add(structureId, 'uuid')}
          AND (${actor.scope.contains('c.school_id', params)} OR c.id = ANY(${params.add(actor.teacherClassIds, 'uuid[]')}))
        ORDER BY c.name, c.id`,
      params.values,
    );
    if (rows.length === 0) {
      const visible = (await structureInScope(this.dataSource, actor, structureId)) && (await this.isSchool(structureId));
      if (!visible) throw AppError.notFound();
    }
    return rows.map((row) => ({ id: row.id, name: row.name, levels: row.levels, schoolId: row.school_id }));
  }

  /** The classes a user is a member of (pupil or teacher). */
  async classesOfUser(userId: string): Promise<SchoolClassView[]> {
    const rows: { id: string; name: string; levels: string[]; school_id: string }[] = await this.dataSource.query(
      `SELECT c.id, c.name, c.levels, c.school_id FROM class_member m JOIN school_class c ON c.id = m.class_id
        WHERE m.user_id = $1 ORDER BY c.name, c.id`,
      [userId],
    );
    return rows.map((row) => ({ id: row.id, name: row.name, levels: row.levels, schoolId: row.school_id }));
  }

  async schoolsOfUser(userId: string): Promise<StructureView[]> {
    const rows: StructureRow[] = await this.dataSource.query(
      `SELECT s.id, s.kind, s.name, s.code, s.parent_id FROM user_structure us JOIN structure s ON s.id = us.structure_id
        WHERE us.user_id = $1 ORDER BY s.name, s.id`,
      [userId],
    );
    return rows.map(structureView);
  }

  private async isSchool(structureId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM structure WHERE id = $1 AND kind = 'ECOLE'`, [structureId]);
    return rows.length > 0;
  }
}
