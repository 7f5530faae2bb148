import { DataSource } from 'typeorm';
import { Jobs, JobsOptions, QueueWorker, RecurringJob, SentJob } from '../../platform/jobs/jobs';
import { logger } from '../../platform/logging/logger';
import { purgeExpiredDocuments } from './mailing-document-store';
import { MailingKind } from './mailing.entity';
import { MailingJob, MailingRunner } from './mailing-runner';
import { MailingQueue } from './mailing.service';

const PDF_QUEUE = 'mailing.pdf';
const EMAIL_QUEUE = 'mailing.email';
/** pg-boss's dead-letter queue: jobs out of tries, whose mailing is then marked failed. */
const FAILED_QUEUE = 'mailing.failed';

/** Recipients per e-mail job: a crash or a retry concerns one batch, and a batch is seconds of SMTP. */
export const EMAIL_BATCH = 500;

/** How pg-boss runs the mailings' jobs (from the configuration). */
export interface MailingJobOptions {
  /** An e-mail batch still active after this long is presumed lost with its instance and run again. */
  jobExpireSeconds: number;
  /** First retry delay after a temporary SMTP refusal (4xx), doubled at each try (pg-boss backoff). */
  retryDelaySeconds: number;
  /** Tries of an e-mail before it is marked failed. */
  maxAttempts: number;
}

export const defaultMailingJobOptions: MailingJobOptions = { jobExpireSeconds: 120, retryDelaySeconds: 60, maxAttempts: 5 };

/**
 * A PDF is one job, as long as its printing: 2 minutes plus 50 ms a sheet (bench/pdf prints several
 * hundred a second), so that a live job is never taken for lost, and a lost one is run again.
 */
export const pdfExpireSeconds = (total: number) => 120 + Math.ceil(total / 20);

/**
 * Sends a mailing's pg-boss jobs: one for a PDF, one per batch of recipients for e-mail. Bound to the
 * job system once it runs; until then (an instance without jobs), the sweep of another sends them.
 */
export class MailingJobQueue implements MailingQueue {
  private jobs?: Jobs;

  constructor(private readonly dataSource: DataSource) {}

  attach(jobs: Jobs): void {
    this.jobs = jobs;
  }

  async enqueue(kind: MailingKind, mailingId: string): Promise<void> {
    if (!this.jobs) {
      logger.debug('no job worker here: the mailing waits for one', { mailingId });
      return;
    }
    const [{ total }] = (await this.dataSource.query(`SELECT total FROM mailing WHERE id = $1`, [mailingId])) as { total: number }[];
    if (kind === MailingKind.PDF) {
      await this.jobs.sendMany(PDF_QUEUE, [{ data: { mailingId }, singletonKey: mailingId, expireInSeconds: pdfExpireSeconds(total) }]);
    } else {
      const batches: SentJob[] = [];
      // Positions run from 1 to total (mailing.service.ts).
      for (let from = 1; from <= total; from += EMAIL_BATCH) {
        batches.push({ data: { mailingId, from, to: from + EMAIL_BATCH - 1 }, singletonKey: `${mailingId}:${from}` });
      }
      await this.jobs.sendMany(EMAIL_QUEUE, batches);
    }
    await this.dataSource.query(`UPDATE mailing SET queued_at = now() WHERE id = $1`, [mailingId]);
  }

  /** The rest of a batch stopped by its deadline, as a new job. */
  async continueBatch(job: MailingJob): Promise<void> {
    await this.jobs?.sendMany(EMAIL_QUEUE, [{ data: job, singletonKey: `${job.mailingId}:${job.from}` }]);
  }
}

/** Thrown to hand a batch back to pg-boss, which tries it again after its backoff. */
class TemporaryRefusals extends Error {
  constructor(mailingId: string) {
    super(`temporary SMTP refusals in a batch of mailing ${mailingId}: retried later`);
  }
}

/**
 * The mailings' part of the job system: their queues and workers, and their schedules (the sweep of
 * mailings never queued, the purge of PDFs). `sendsEmail` false (Mailer.canSend): the e-mail queue
 * exists on this instance but is not worked, campaigns wait for an instance that can send.
 */
export function mailingJobs(
  runner: MailingRunner,
  queue: MailingJobQueue,
  sendsEmail: boolean,
  options: MailingJobOptions,
): { workers: QueueWorker[]; recurring: RecurringJob[]; options: JobsOptions } {
  const workers: QueueWorker[] = [
    { name: FAILED_QUEUE, concurrency: 1, retryLimit: 2, run: ({ mailingId }: MailingJob) => runner.markFailed(mailingId) },
    // One Chromium per instance already uses both cores: one PDF at a time. One more try after a crash or an error.
    {
      name: PDF_QUEUE,
      concurrency: 1,
      retryLimit: 1,
      retryDelaySeconds: 5,
      deadLetter: FAILED_QUEUE,
      run: ({ mailingId }: MailingJob, attempt) => runner.printPdf(mailingId, attempt),
    },
    // Campaigns mostly wait on SMTP: two batches may run side by side.
    {
      name: EMAIL_QUEUE,
      concurrency: sendsEmail ? 2 : 0,
      expireInSeconds: options.jobExpireSeconds,
      retryLimit: Math.max(0, options.maxAttempts - 1),
      retryDelaySeconds: options.retryDelaySeconds,
      retryBackoff: true,
      deadLetter: FAILED_QUEUE,
      run: async (job: MailingJob, attempt) => {
        const outcome = await runner.sendBatch(job, attempt);
        if (outcome === 'interrupted') await queue.continueBatch(job);
        if (outcome === 'retry') throw new TemporaryRefusals(job.mailingId);
      },
    },
  ];
  const recurring: RecurringJob[] = [
    {
      // A schedule, run by one instance: mailings committed but never queued (a crash in between).
      name: 'mailings.sweep',
      cron: '* * * * *',
      run: async () => {
        for (const mailing of await runner.unqueued(30)) await queue.enqueue(mailing.kind, mailing.id);
      },
    },
    {
      // Mailing PDFs hold activation codes: gone after a day.
      name: 'mailings.purge-documents',
      cron: '41 * * * *',
      run: () => purgeExpiredDocuments(runner.dataSource),
    },
  ];
  // Lost jobs are looked for at least as often as an e-mail batch expires (at most every minute).
  return { workers, recurring, options: { maintenanceIntervalSeconds: Math.max(1, Math.min(60, options.jobExpireSeconds)) } };
}
