import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTestDatabase } from '../../test-support/test-database';
import { createDataSource } from '../database/data-source';
import { migrations } from '../../migrations';
import { defaultLimits, LoginThrottle } from './login-throttle';

// The sign-in reads the throttle's counters in its own SQL statement (LoginThrottle.countersSql),
// so it relies on how rate-limiter-flexible stores them: table login_throttle (made by our
// migration), rows keyed `<keyPrefix>:<key>`, `points` the count, `expire` in epoch milliseconds.
describe('contract with rate-limiter-flexible: the counters the sign-in reads itself', () => {
  let database: Awaited<ReturnType<typeof cloneTestDatabase>>;
  let dataSource: ReturnType<typeof createDataSource>;

  beforeAll(async () => {
    database = await cloneTestDatabase();
    dataSource = createDataSource({ url: database.url, entities: [], migrations, poolSize: 2 });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('stores a consumed point under `<keyPrefix>:<key>`, with its count and its end in epoch ms', async () => {
    const limiter = new RateLimiterPostgres({ storeClient: dataSource, storeType: 'typeorm', tableName: 'login_throttle', tableCreated: true, keyPrefix: 'pair', points: 10, duration: 900 });
    const before = Date.now();
    await limiter.consume('jean.dupont@192.0.2.1');
    await limiter.consume('jean.dupont@192.0.2.1');
    const rows: { key: string; points: number; expire: string }[] = await dataSource.query(`SELECT key, points, expire FROM login_throttle`);
    expect(rows).toEqual([{ key: 'pair:jean.dupont@192.0.2.1', points: 2, expire: expect.any(String) }]);
    expect(Number(rows[0]!.expire)).toBeGreaterThanOrEqual(before + 900_000);
    expect(Number(rows[0]!.expire)).toBeLessThanOrEqual(Date.now() + 900_000);
    // The keys the sign-in asks for are the ones the limiter writes.
    expect(new LoginThrottle(dataSource, defaultLimits).keysFor('jean.dupont', '192.0.2.1')).toContain(rows[0]!.key);
  });
});
