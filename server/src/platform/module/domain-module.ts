import type { DataSource } from 'typeorm';
import type { ThrottleLimits } from '../auth/login-throttle';
import type { Config } from '../config/config';
import type { Services } from '../context/services';
import type { Jobs, JobsOptions, QueueWorker, RecurringJob } from '../jobs/jobs';
import type { EventBus } from '../pubsub/event-bus';

/** What a module's services are built from, besides the services of the modules before it. */
export interface Infrastructure {
  config: Config;
  dataSource: DataSource;
  events: EventBus;
  /** Tests only: tighter sign-in throttling. */
  throttleLimits?: ThrottleLimits;
  /** Tests only: the time the API clients' buckets refill by, so a test moves it instead of waiting. */
  clock?: () => number;
}

/**
 * A domain, as the composition root sees it: everything app/ needs to wire it, declared in the
 * module's index.ts. Adding a domain is adding its manifest to the list in app/modules.ts.
 */
export interface DomainModule {
  name: string;
  /** TypeORM entities (the migrations must describe exactly these: see the schema-drift test). */
  entities: readonly Function[];
  /** type-graphql resolvers. */
  resolvers: readonly Function[];
  /**
   * Its services, added to the request context's `services` (the module augments the Services
   * interface with their types). `services` holds the platform's and those of earlier modules.
   */
  createServices?(services: Services, infrastructure: Infrastructure): object;
  /** Delivers its cross-instance events (services.events) to this instance's subscribers. */
  live?(services: Services): void;
  /** Housekeeping run by whichever instance picks it up. */
  recurringJobs?(services: Services): RecurringJob[];
  /** Queues of one-off jobs this module works. */
  queues?(services: Services): QueueWorker[];
  /** What it needs of the job queue as a whole (the shortest maintenance interval asked for wins). */
  jobsOptions?(services: Services): JobsOptions;
  /** Once the job queue runs (not in tests started without jobs). */
  started?(services: Services, jobs: Jobs): void;
  /** At shutdown, after HTTP and WebSocket are drained and before the database closes. */
  stop?(services: Services): Promise<void> | void;
}
