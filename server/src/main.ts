import './production-mode';
import 'reflect-metadata';
import { printDemoBanner, loadDemoIfEmpty } from './app/demo-startup';
import { startServer } from './app/server';
import { loadConfig } from './platform/config/config';
import { logger, setLogLevel } from './platform/logging/logger';

async function main(): Promise<void> {
  const config = loadConfig();
  setLogLevel(config.logLevel);
  const startedAt = Date.now();
  const server = await startServer(config);
  if (config.demoData) await loadDemoIfEmpty(server.services);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 30_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (error: Error) => {
        logger.error('shutdown failed', { error: error.message });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  const publicUrl = process.env.PUBLIC_URL ? config.publicUrl : server.url.replace('127.0.0.1', 'localhost');
  logger.info('ready', { url: publicUrl, ms: Date.now() - startedAt });
  if (config.demoData) await printDemoBanner(server.services, publicUrl);
  else process.stdout.write(`\nPréau est prêt : ${publicUrl}\n\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`\nPréau n'a pas pu démarrer : ${error.message}\n`);
  process.exit(1);
});
