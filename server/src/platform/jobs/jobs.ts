import PgBoss from 'pg-boss';
import { logger } from '../logging/logger';

export interface RecurringJob {
  name: string;
  /** Cron expression (UTC), e.g. every 10 minutes: `*\/10 * * * *`. */
  cron: string;
  run: () => Promise<void>;
}

/** Where a job is in its life: pg-boss counts the tries, and stops at `retryLimit`. */
export interface JobAttempt {
  id: string;
  /** 0 on the first try. */
  retryCount: number;
  retryLimit: number;
  /** After this (ms since the epoch) pg-boss presumes the job lost and tries it again elsewhere: stop before. */
  deadline: number;
}

/** A queue of one-off jobs (a mailing to run), each job carrying its data. */
export interface QueueWorker<T extends object = any> {
  name: string;
  /** Jobs of this queue run by one instance at the same time (0: the queue exists, others work it). */
  concurrency?: number;
  /**
   * A job still active after this long is presumed lost (its instance died) and tried again by any
   * instance; each job may set its own when sent.
   */
  expireInSeconds?: number;
  /** Tries after the first when the job throws or is lost; `retryDelaySeconds` before the first, doubled with `retryBackoff`. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** Queue receiving the data of a job that failed its last try (for a worker to record the failure). */
  deadLetter?: string;
  run: (data: T, attempt: JobAttempt) => Promise<void>;
}

export interface JobsOptions {
  /**
   * How often pg-boss looks for expired jobs (one instance at a time): a job lost with its instance
   * is tried again at most this long after its expiry. pg-boss's default is 120 s.
   */
  maintenanceIntervalSeconds?: number;
}

export interface SentJob {
  data: object;
  singletonKey?: string;
  expireInSeconds?: number;
}

/**
 * Background work through pg-boss, in the same PostgreSQL: any instance (or a dedicated worker) may
 * run a job, and a job survives a restart. Schedules are idempotent across instances.
 */
export class Jobs {
  /** This instance's worker ids per queue, to wake one up when a job is sent from here. */
  private readonly workerIds = new Map<string, string[]>();

  private constructor(private readonly boss: PgBoss) {}

  static async start(databaseUrl: string, recurring: RecurringJob[] = [], workers: QueueWorker[] = [], options: JobsOptions = {}): Promise<Jobs> {
    const boss = new PgBoss({
      connectionString: databaseUrl,
      schema: 'pgboss',
      application_name: 'preau-jobs',
      max: 4,
      ...(options.maintenanceIntervalSeconds ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds } : {}),
    });
    boss.on('error', (error) => logger.error('job queue error', { error: error.message }));
    await boss.start();
    for (const job of recurring) {
      await boss.createQueue(job.name, { name: job.name, policy: 'singleton' } as PgBoss.Queue);
      await boss.schedule(job.name, job.cron, {}, { tz: 'UTC' });
      await boss.work(job.name, async () => {
        await job.run();
      });
    }
    const jobs = new Jobs(boss);
    // Dead-letter queues first: a queue naming one needs it to exist.
    const ordered = [...workers].sort((a, b) => Number(workers.some((w) => w.deadLetter === b.name)) - Number(workers.some((w) => w.deadLetter === a.name)));
    for (const worker of ordered) {
      const expireInSeconds = worker.expireInSeconds ?? 3600;
      const queue: PgBoss.Queue = {
        name: worker.name,
        // 'short': at most one waiting job per singleton key, so re-sending a job is harmless.
        policy: 'short',
        expireInSeconds,
        retryLimit: worker.retryLimit ?? 3,
        retryDelay: worker.retryDelaySeconds ?? 0,
        retryBackoff: worker.retryBackoff ?? false,
        ...(worker.deadLetter ? { deadLetter: worker.deadLetter } : {}),
      };
      // Options may have changed since the queue was made (another version, other settings).
      if (await boss.getQueue(worker.name)) await boss.updateQueue(worker.name, queue);
      else await boss.createQueue(worker.name, queue);
      const ids: string[] = [];
      for (let i = 0; i < (worker.concurrency ?? 1); i++) {
        const id: string = await boss.work<object>(worker.name, { pollingIntervalSeconds: 0.5, batchSize: 1, includeMetadata: true }, async ([job]) => {
          const started = Date.now();
          try {
            await worker.run(job.data, {
              id: job.id,
              retryCount: job.retryCount,
              retryLimit: job.retryLimit,
              // A safety margin before pg-boss's own timeout, which fails the job while it still runs.
              deadline: started + job.expireInSeconds * 1000 * 0.8,
            });
          } finally {
            // Another job may be waiting: fetch it now rather than after the polling interval.
            boss.notifyWorker(id);
          }
        });
        ids.push(id);
      }
      jobs.workerIds.set(worker.name, ids);
    }
    return jobs;
  }

  /** Enqueues a one-off job; `singletonKey` keeps a single waiting job per key. */
  async send(name: string, data: object, singletonKey?: string): Promise<void> {
    await this.sendMany(name, [{ data, singletonKey }]);
  }

  /** Enqueues several jobs of one queue in one statement (the queue's options apply to each). */
  async sendMany(name: string, sent: SentJob[]): Promise<void> {
    if (sent.length === 0) return;
    await this.boss.insert(sent.map((job) => ({ name, data: job.data, singletonKey: job.singletonKey, expireInSeconds: job.expireInSeconds })));
    // A director waits for this one: start now rather than at the next poll (busy workers ignore it).
    for (const id of this.workerIds.get(name) ?? []) this.boss.notifyWorker(id);
  }

  get queue(): PgBoss {
    return this.boss;
  }

  /** Lets running jobs finish (up to 20 s), then closes the queue's connections. */
  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 20_000, wait: true });
  }
}
