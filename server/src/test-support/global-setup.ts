import 'reflect-metadata';
import type { TestProject } from 'vitest/node' with { 'resolution-mode': 'import' };
import { entities } from '../app/entities';
import { migrations } from '../migrations';
import { createDataSource } from '../platform/database/data-source';
import { openScratchDatabase } from '../platform/database/scratch-database';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabaseUrl: string;
  }
}

/**
 * One fresh, migrated template database per test run: on DATABASE_URL's server when it is set,
 * otherwise in a throw-away embedded PostgreSQL. Each test file clones it (CREATE DATABASE …
 * TEMPLATE), so files are isolated and can run in parallel. Everything is dropped at the end.
 */
export default async function setup(project: TestProject) {
  const scratch = await openScratchDatabase('preau_test');
  const dataSource = createDataSource({ url: scratch.url, entities, migrations, poolSize: 1 });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  project.provide('templateDatabaseUrl', scratch.url);
  return async () => {
    await scratch.close();
  };
}
