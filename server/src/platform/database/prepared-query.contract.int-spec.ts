import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTestDatabase } from '../../test-support/test-database';
import { createDataSource } from './data-source';
import { closePreparedQueryPools, preparedQuery } from './prepared-query';

// preparedQuery reaches under TypeORM: its postgres driver's `master` pg Pool (not a public API)
// and that pool's `options`, copied for the generic-plan connections. If TypeORM changes either,
// this fails here rather than as a slow search in production.
describe("contract with TypeORM's postgres driver: driver.master", () => {
  let database: Awaited<ReturnType<typeof cloneTestDatabase>>;
  let dataSource: ReturnType<typeof createDataSource>;

  beforeAll(async () => {
    database = await cloneTestDatabase();
    dataSource = createDataSource({ url: database.url, entities: [], migrations: [], poolSize: 2, applicationName: 'preau-contract' });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await closePreparedQueryPools(dataSource);
    await dataSource.destroy();
    await database.drop();
  });

  it("is the data source's pg Pool, with the connection options it was made with", () => {
    const master = (dataSource.driver as unknown as { master: Pool & { options: Record<string, unknown> } }).master;
    expect(master).toBeInstanceOf(Pool);
    expect(master.options).toMatchObject({ connectionString: database.url, max: 2, application_name: 'preau-contract' });
  });

  it('runs named statements on the same database, and generic plans on connections of their own', async () => {
    const [own] = await preparedQuery<{ db: string; mode: string }>(dataSource, 'SELECT current_database() AS db, current_setting($1) AS mode', ['plan_cache_mode']);
    const [generic] = await preparedQuery<{ db: string; mode: string; app: string }>(
      dataSource,
      "SELECT current_database() AS db, current_setting($1) AS mode, current_setting('application_name') AS app",
      ['plan_cache_mode'],
      { genericPlan: true },
    );
    expect(own).toEqual({ db: new URL(database.url).pathname.slice(1), mode: 'auto' });
    expect(generic).toEqual({ db: own!.db, mode: 'force_generic_plan', app: 'preau-contract' });
  });
});
