import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { entities } from '../../app/entities';
import { migrations } from '../../migrations';
import { cloneTestDatabase } from '../../test-support/test-database';
import { createDataSource } from './data-source';
import { pendingSchemaChanges } from './schema-diff';

describe('entities and migrations', () => {
  let dataSource: DataSource;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await cloneTestDatabase();
    drop = database.drop;
    dataSource = createDataSource({ url: database.url, entities, migrations, poolSize: 1 });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await drop?.();
  });

  it('should agree: the migrated schema needs no change to match the entities', async () => {
    expect(await dataSource.showMigrations()).toBe(false); // every migration is applied
    expect(await pendingSchemaChanges(dataSource)).toEqual([]);
  });

  it('should detect a disagreement (the check can fail)', async () => {
    await dataSource.query('ALTER TABLE app_user DROP COLUMN mobile');
    try {
      const changes = await pendingSchemaChanges(dataSource);
      expect(changes.join('\n')).toContain('"mobile"');
    } finally {
      await dataSource.query('ALTER TABLE app_user ADD COLUMN mobile text');
    }
  });

  it('should have the hand-written search indexes that the entities declare unsynchronised', async () => {
    const rows: { indexname: string }[] = await dataSource.query(`SELECT indexname FROM pg_indexes WHERE schemaname = 'public'`);
    expect(rows.map((row) => row.indexname)).toEqual(
      expect.arrayContaining(['app_user_search_last_idx', 'app_user_search_first_idx', 'account_name_pattern_idx', 'audit_log_structures_idx']),
    );
  });
});
