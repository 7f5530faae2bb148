import PgBoss from 'pg-boss';
import { logger } from '../logging/logger';

export interface RecurringJob {
  name: string;
  /** Cron expression (UTC), e.g. every 10 minutes: `*\/10 * * * *`. */
  cron: string;
  run: () => Promise<void>;
}

/** A queue of one-off jobs (a mailing to run), each job carrying its data. */
export interface QueueWorker<T extends object = any> {
  name: string;
  /** Jobs of this queue run by one instance at the same time (0: the queue exists, others work it). */
  concurrency?: number;
  /** A job still active after this long is considered lost and retried. */
  expireInSeconds?: number;
  run: (data: T) => Promise<void>;
}

/**
 * Background work through pg-boss, in the same PostgreSQL: any instance (or a dedicated worker) may
 * run a job, and a job survives a restart. Schedules are idempotent across instances.
 */
export class Jobs {
  /** This instance's worker ids per queue, to wake one up when a job is sent from here. */
  private readonly workerIds = new Map<string, string[]>();

  private constructor(private readonly boss: PgBoss) {}

  static async start(databaseUrl: string, recurring: RecurringJob[] = [], workers: QueueWorker[] = []): Promise<Jobs> {
    const boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss', application_name: 'preau-jobs', max: 4 });
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
    for (const worker of workers) {
      // 'short': at most one waiting job per singleton key, so re-enqueueing a mailing is harmless.
      await boss.createQueue(worker.name, { name: worker.name, policy: 'short', expireInSeconds: worker.expireInSeconds ?? 3600, retryLimit: 3 });
      const ids: string[] = [];
      for (let i = 0; i < (worker.concurrency ?? 1); i++) {
        ids.push(
          await boss.work<object>(worker.name, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async ([job]) => {
            await worker.run(job.data);
          }),
        );
      }
      jobs.workerIds.set(worker.name, ids);
    }
    return jobs;
  }

  /** Enqueues a one-off job; `singletonKey` keeps a single waiting job per key. */
  async send(name: string, data: object, singletonKey?: string): Promise<void> {
    await this.boss.send(name, data, singletonKey ? { singletonKey } : {});
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
