import PgBoss from 'pg-boss';
import { logger } from '../logging/logger';

export interface RecurringJob {
  name: string;
  /** Cron expression (UTC), e.g. every 10 minutes: `*\/10 * * * *`. */
  cron: string;
  run: () => Promise<void>;
}

/**
 * Background work through pg-boss, in the same PostgreSQL: any instance (or a dedicated worker) may
 * run a job, and a job survives a restart. Schedules are idempotent across instances.
 */
export class Jobs {
  private constructor(private readonly boss: PgBoss) {}

  static async start(databaseUrl: string, recurring: RecurringJob[] = []): Promise<Jobs> {
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
    return new Jobs(boss);
  }

  get queue(): PgBoss {
    return this.boss;
  }

  /** Lets running jobs finish (up to 20 s), then closes the queue's connections. */
  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 20_000, wait: true });
  }
}
