/** What runs SQL: a data source (its pool) or a transaction's manager, for code that serves both. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>;
}
