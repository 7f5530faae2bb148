import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../platform/auth/actor';
import { SqlParams } from '../../platform/database/sql-builder';
import { isUuid } from '../../platform/database/uuid';

/** Whether a structure lies in the actor's scope: one index probe through the structure closure. */
export async function structureInScope(db: DataSource | EntityManager, actor: Actor, structureId: string): Promise<boolean> {
  if (!isUuid(structureId)) return false;
  const params = new SqlParams();
  const rows = await db.query(
    `SELECT 1 FROM structure s WHERE s.id = ${params.add(structureId, 'uuid')} AND ${actor.scope.contains('s.id', params)}`,
    params.values,
  );
  return rows.length > 0;
}
