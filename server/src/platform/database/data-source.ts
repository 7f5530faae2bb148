import { DataSource } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

type Classes = Function[];

export interface DataSourceOptions {
  url: string;
  entities: Classes;
  migrations: Classes;
  poolSize?: number;
  applicationName?: string;
}

/** The TypeORM data source. Never `synchronize`: the schema comes only from migrations. */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'schema_migration',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    logging: ['error'],
    extra: {
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? 'preau',
      // A dead connection must not hang a request for minutes.
      connectionTimeoutMillis: 10_000,
      // pg closes a connection idle for 10 s by default, and with it the statements prepared on it:
      // at a steady 200 searches a second most connections sit idle between bursts, and each burst
      // paid for new connections and for planning again (docs/performance.md, bench/search, session 6).
      idleTimeoutMillis: 300_000,
    },
  });
}
