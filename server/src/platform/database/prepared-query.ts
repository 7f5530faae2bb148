import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { logger } from '../logging/logger';

/**
 * Distinct statements prepared at most: every connection keeps each one for its lifetime, so the
 * SQL text must be one of a few fixed shapes with every value as a parameter.
 */
const MAX_STATEMENTS = 64;
/** Names already given, by SQL text: the text is hashed once per distinct statement. */
const names = new Map<string, string>();
let warned = false;

/**
 * Runs a statement as a named prepared statement on the data source's own pool: each connection
 * parses it once, and after a few executions PostgreSQL keeps one generic plan instead of planning
 * every call. For hot statements whose plan does not depend on the values (write conditions as
 * ranges, not `LIKE $1`, whose index range needs the pattern at planning time): the search typed
 * letter by letter spent as long planning as executing. Outside TypeORM's query runner (no
 * transaction): for reads and single-statement writes (each its own transaction). Not for a
 * transaction-pooling PgBouncer, which loses prepared statements.
 */
export async function preparedQuery<T>(dataSource: DataSource, sql: string, params: unknown[]): Promise<T[]> {
  let name = names.get(sql);
  if (!name && names.size < MAX_STATEMENTS) {
    name = `p_${createHash('sha1').update(sql).digest('base64url').slice(0, 20)}`;
    names.set(sql, name);
  }
  if (!name) {
    if (!warned) logger.warn('too many distinct prepared statements: values must be parameters; planning each call instead');
    warned = true;
    return dataSource.query(sql, params);
  }
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const result = await pool.query<T & Record<string, unknown>>({ name, text: sql, values: params });
  return result.rows;
}
