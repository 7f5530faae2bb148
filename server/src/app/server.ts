import 'reflect-metadata';
import { createServer, Server } from 'node:http';
import { migrations } from '../migrations';
import { Config } from '../platform/config/config';
import { Database, openDatabase } from '../platform/database/database';
import { Jobs } from '../platform/jobs/jobs';
import { logger } from '../platform/logging/logger';
import { EventBus } from '../platform/pubsub/event-bus';
import { forgetOnActorChanges } from '../platform/notified-cache/forget-on-actor-changes';
import { ThrottleLimits } from '../platform/auth/login-throttle';
import { createApollo } from './apollo';
import { mountGraphql } from './graphql-route';
import { buildContext } from './context';
import { entities } from './entities';
import { clientAddressOf, createHttpApp, serveClient } from './http';
import { createSchema } from './schema';
import { mountSchemaDownload } from './schema-download';
import { createServices } from './services';
import { Services } from '../platform/context/services';
import { SocketRegistry } from './socket-registry';
import { TokenSockets } from './token-sockets';
import { attachWebSocket } from './ws';
import { mountDownloads } from './downloads';
import { mountImportUpload } from './import-upload';
import { modules } from './modules';

export interface RunningServer {
  url: string;
  port: number;
  database: Database;
  services: Services;
  httpServer: Server;
  /** Drains HTTP, closes WebSockets, stops jobs, closes the database (and the embedded server). */
  close(): Promise<void>;
}

export interface StartOptions {
  /** Skip pg-boss (some tests do not need background jobs). */
  jobs?: boolean;
  throttleLimits?: ThrottleLimits;
  /** Tests only: see Infrastructure.clock. */
  clock?: () => number;
}

/** The composition root: config → database → schema → http + ws → jobs → listen. */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const database = await openDatabase(config, { entities, migrations });
  let jobs: Jobs | undefined;
  let events: EventBus | undefined;
  let startedServices: Services | undefined;
  try {
    events = await EventBus.start(database.url, database.dataSource);
    const services = createServices({ config, dataSource: database.dataSource, events, throttleLimits: options.throttleLimits, clock: options.clock });
    startedServices = services;
    if (!services.mailer.canSend) {
      logger.warn('no SMTP_URL outside demo mode: this instance sends no e-mail (campaigns wait for an instance that has one)');
    }
    const schema = await createSchema();
    const app = createHttpApp(config);
    const httpServer = createServer(app);
    const sockets = new SocketRegistry();
    const apollo = createApollo(schema, httpServer);
    await apollo.start();
    mountGraphql(app, apollo, (req, res) =>
      buildContext(services, {
        req,
        clientAddress: clientAddressOf(req, config),
        transport: 'http',
        setCookie: (header) => res.appendHeader('Set-Cookie', header),
      }),
    );
    mountDownloads(app, services);
    mountImportUpload(app, services);
    mountSchemaDownload(app, schema);
    serveClient(app, config);
    const tokenSockets = new TokenSockets(services);
    const ws = attachWebSocket(schema, httpServer, services, sockets, tokenSockets);
    events.on('session.revoked', (event) => sockets.closeFor(event.userId, event.sessionId));
    // A token's sockets close when it stops being honoured: revoked, expired, creator changed.
    forgetOnActorChanges(events, tokenSockets);
    for (const module of modules) module.live?.(services);
    if (options.jobs !== false) {
      const intervals = modules.map((module) => module.jobsOptions?.(services).maintenanceIntervalSeconds).filter((seconds) => seconds !== undefined);
      jobs = await Jobs.start(
        database.url,
        modules.flatMap((module) => module.recurringJobs?.(services) ?? []),
        modules.flatMap((module) => module.queues?.(services) ?? []),
        intervals.length ? { maintenanceIntervalSeconds: Math.min(...intervals) } : {},
      );
      for (const module of modules) module.started?.(services, jobs);
    }
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
    const address = httpServer.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    let closing: Promise<void> | undefined;
    return {
      url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
      port,
      database,
      services,
      httpServer,
      close: () =>
        (closing ??= (async () => {
          await ws.close();
          logger.debug('websockets closed');
          await apollo.stop(); // drains in-flight HTTP requests, then closes the server
          logger.debug('http drained');
          await jobs?.stop();
          logger.debug('jobs stopped');
          for (const module of [...modules].reverse()) await module.stop?.(services);
          services.mailer.close();
          await services.clientBuckets.drain();
          await events!.close();
          await database.close();
          logger.info('stopped');
        })()),
    };
  } catch (error) {
    await jobs?.stop().catch(() => undefined);
    for (const module of modules) await Promise.resolve(startedServices && module.stop?.(startedServices)).catch(() => undefined);
    await events?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    logger.error('start failed', { error: (error as Error).message });
    throw error;
  }
}
