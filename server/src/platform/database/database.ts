import { DataSource } from 'typeorm';
import { Config } from '../config/config';
import { logger } from '../logging/logger';
import { createDataSource } from './data-source';
import { EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres';
import { ensureDatabase } from './ensure-database';
import { isPortFree } from './free-port';
import { closePreparedQueryPools } from './prepared-query';

/** Uncommon fixed port for the demo's embedded PostgreSQL, away from a system server on 5432. */
export const EMBEDDED_PORT = 54329;

export interface Database {
  dataSource: DataSource;
  url: string;
  /** Closes the pool, then stops the embedded server if we started one. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  entities: Function[];
  migrations: Function[];
  poolSize?: number;
  applicationName?: string;
  runMigrations?: boolean;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL whose data lives in `<dataDir>/pg`. */
export async function openDatabase(config: Config, options: OpenDatabaseOptions): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  if (!url) {
    const port = Number(process.env.EMBEDDED_PG_PORT || EMBEDDED_PORT);
    embedded = await startEmbeddedPostgres(config.dataDir, port).catch(async (error: Error) => {
      if (!(await isPortFree(port))) {
        throw new Error(`${error.message}\nLe port ${port} est déjà pris : arrêtez l'autre instance de Préau ou choisissez EMBEDDED_PG_PORT.`);
      }
      throw error;
    });
    url = embedded.url('preau');
    logger.info('embedded PostgreSQL started', { port, dir: config.dataDir });
  }
  try {
    await ensureDatabase(url);
    const dataSource = createDataSource({
      url,
      entities: options.entities,
      migrations: options.migrations,
      poolSize: options.poolSize,
      applicationName: options.applicationName,
    });
    await dataSource.initialize();
    if (options.runMigrations !== false) {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      if (applied.length) logger.info('migrations applied', { migrations: applied.map((m) => m.name) });
    }
    return {
      dataSource,
      url,
      close: async () => {
        await closePreparedQueryPools(dataSource).catch(() => undefined);
        await dataSource.destroy().catch(() => undefined);
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
