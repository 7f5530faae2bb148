import { DataSource } from 'typeorm';

/** SQL statements TypeORM would run to make the database match the entities (empty = in sync). */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return log.upQueries.map((query) => query.query);
}
