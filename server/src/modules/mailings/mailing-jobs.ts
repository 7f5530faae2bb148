import { Jobs, QueueWorker } from '../../platform/jobs/jobs';
import { logger } from '../../platform/logging/logger';
import { MailingKind } from './mailing.entity';
import { MailingRunner } from './mailing-runner';
import { MailingQueue } from './mailing.service';

const QUEUES: Record<MailingKind, string> = {
  [MailingKind.PDF]: 'mailing.pdf',
  [MailingKind.EMAIL]: 'mailing.email',
};

/**
 * The mailings' pg-boss queues. Bound to the job system once it runs; an instance without jobs
 * leaves its mailings to the sweep of an instance that has them.
 */
export class MailingJobQueue implements MailingQueue {
  private jobs?: Jobs;

  attach(jobs: Jobs): void {
    this.jobs = jobs;
  }

  async enqueue(kind: MailingKind, mailingId: string): Promise<void> {
    if (!this.jobs) {
      logger.debug('no job worker here: the mailing waits for one', { mailingId });
      return;
    }
    await this.jobs.send(QUEUES[kind], { mailingId }, mailingId);
  }
}

/** `sendsEmail`: false on an instance that cannot send (Mailer.canSend); its queue exists, unworked. */
export function mailingWorkers(runner: MailingRunner, sendsEmail: boolean): QueueWorker<{ mailingId: string }>[] {
  const run = ({ mailingId }: { mailingId: string }) => runner.run(mailingId);
  return [
    // One Chromium per instance already uses both cores: one PDF at a time.
    { name: QUEUES[MailingKind.PDF], concurrency: 1, run },
    // Campaigns mostly wait on SMTP: two may run side by side.
    { name: QUEUES[MailingKind.EMAIL], concurrency: sendsEmail ? 2 : 0, run },
  ];
}
