import { createHash } from 'node:crypto';
import { Pool, type PoolConfig } from 'pg';
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

/** A pool that answers `query` as pg's Pool does (a stand-in in benchmarks that capture the SQL). */
type QueryPool = Pick<Pool, 'query'>;

/**
 * Connections that always plan prepared statements once, generically (plan_cache_mode is per
 * connection and would also make TypeORM's unnamed statements generic: a LIKE pattern as a
 * parameter then reads the whole table). A few, beside the data source's own pool.
 */
const genericPlanPools = new WeakMap<DataSource, QueryPool>();
const GENERIC_PLAN_CONNECTIONS = 6;

function genericPlanPool(dataSource: DataSource): QueryPool {
  let pool = genericPlanPools.get(dataSource);
  if (!pool) {
    const master = (dataSource.driver as unknown as { master: Pool & { options: PoolConfig } }).master;
    const created = new Pool({ ...master.options, max: GENERIC_PLAN_CONNECTIONS, allowExitOnIdle: true, options: '-c plan_cache_mode=force_generic_plan' });
    // An idle connection dropped by the server must not crash the process: the pool replaces it.
    created.on('error', (error) => logger.warn('generic-plan connection lost', { error: error.message }));
    genericPlanPools.set(dataSource, created);
    pool = created;
  }
  return pool;
}

/** Uses `pool` for the data source's generic-plan statements (benchmarks capturing the SQL). */
export function useGenericPlanPool(dataSource: DataSource, pool: QueryPool): void {
  genericPlanPools.set(dataSource, pool);
}

/** Closes the generic-plan connections of a data source (before the data source itself). */
export async function closePreparedQueryPools(dataSource: DataSource): Promise<void> {
  const pool = genericPlanPools.get(dataSource);
  genericPlanPools.delete(dataSource);
  if (pool instanceof Pool) await pool.end();
}

export interface PreparedQueryOptions {
  /**
   * Plan once for every value. For statements whose best plan does not depend on the values but
   * which PostgreSQL would otherwise keep planning for each call (it compares a generic plan's
   * estimate, made without the values, to the custom plans', and may never switch).
   */
  genericPlan?: boolean;
}

/**
 * Runs a statement as a named prepared statement on the data source's own pool: each connection
 * parses it once, and after a few executions PostgreSQL keeps one generic plan instead of planning
 * every call. For hot statements whose plan does not depend on the values (write conditions as
 * ranges, not `LIKE $1`, whose index range needs the pattern at planning time): the search typed
 * letter by letter spent as long planning as executing. Outside TypeORM's query runner (no
 * transaction): for reads and single-statement writes (each its own transaction). Not for a
 * transaction-pooling PgBouncer, which loses prepared statements.
 */
export async function preparedQuery<T>(dataSource: DataSource, sql: string, params: unknown[], options: PreparedQueryOptions = {}): Promise<T[]> {
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
  const pool = options.genericPlan ? genericPlanPool(dataSource) : (dataSource.driver as unknown as { master: Pool }).master;
  const result = await pool.query<T & Record<string, unknown>>({ name, text: sql, values: params });
  return result.rows;
}
