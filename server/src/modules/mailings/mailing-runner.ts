import { DataSource } from 'typeorm';
import { ConnectionSheet, SheetLayout } from '../../documents/connection-sheet';
import type { JobAttempt } from '../../platform/jobs/jobs';
import { logger } from '../../platform/logging/logger';
import { Mailer } from '../../platform/mail/mailer';
import { accountMail } from './account-mail';
import { MailingDocumentWriter } from './mailing-document-store';
import { MailingKind, RecipientStatus } from './mailing.entity';
import { MailingProgress } from './mailing-progress';
import { RecipientResults } from './recipient-results';
import { RecipientSheet, SheetSource } from './sheet-source';

/** What the runner needs of the PDF printer (documents/sheet-printer.ts). */
export interface SheetPrinting {
  printTo(
    layout: SheetLayout,
    total: number,
    load: (offset: number, limit: number) => Promise<ConnectionSheet[]>,
    write: (bytes: Uint8Array) => Promise<void>,
    onProgress?: (sheetsDone: number) => void,
  ): Promise<void>;
}

/** One job of a mailing: the whole PDF, or the e-mails of the recipients at positions `from`..`to`. */
export interface MailingJob {
  mailingId: string;
  from?: number;
  to?: number;
}

export interface RunnerOptions {
  publicUrl: string;
  /** E-mails handed to the SMTP pool at once, within a batch. */
  sendWindow: number;
  /** Tries of one e-mail (MAILING_MAX_ATTEMPTS), counted on its recipient row. */
  maxAttempts: number;
}

export const defaultRunnerOptions = (publicUrl: string): RunnerOptions => ({ publicUrl, sendWindow: 50, maxAttempts: 5 });

/** How a batch ended: all answered for good, some to try again later, or stopped by its deadline. */
export type BatchOutcome = 'done' | 'retry' | 'interrupted';

const FAILED_MESSAGE = 'Le publipostage a échoué. Relancez-le ; si le problème continue, contactez l’assistance.';

/** The job ran out of its time: pg-boss would soon take it for lost and start it again elsewhere. */
class PastDeadline extends Error {
  constructor() {
    super('mailing job past its deadline');
  }
}

/**
 * Runs the pg-boss jobs of mailings (mailing-jobs.ts). pg-boss owns the lifecycle: a job whose
 * instance dies expires and is tried again by another, a job that throws is retried with backoff,
 * a job out of tries goes to the dead-letter queue. What must survive a crash is in the database:
 * each recipient's status (the idempotence record: a recipient marked SENT is never sent again) and
 * the PDF, written from scratch by each try.
 */
export class MailingRunner {
  constructor(
    readonly dataSource: DataSource,
    private readonly sheets: SheetSource,
    private readonly printer: SheetPrinting,
    private readonly mailer: Mailer,
    private readonly progress: MailingProgress,
    private readonly options: RunnerOptions,
  ) {}

  /** Prints the whole PDF into its store. Throws (for pg-boss to retry) unless it was the last try. */
  async printPdf(mailingId: string, attempt: JobAttempt): Promise<void> {
    const [claimed] = (await this.dataSource.query(
      `UPDATE mailing SET status = 'RUNNING', printed = 0 WHERE id = $1 AND kind = 'PDF' AND status IN ('PENDING', 'RUNNING') RETURNING layout, total`,
      [mailingId],
    )) as [{ layout: SheetLayout; total: number }[], number];
    const row = claimed[0];
    if (!row) return; // done, or failed for good
    try {
      const writer = new MailingDocumentWriter(this.dataSource, mailingId);
      await writer.begin();
      let lastWrite = 0;
      await this.printer.printTo(
        row.layout,
        row.total,
        (offset, limit) => this.sheets.slice(mailingId, offset, limit),
        async (bytes) => {
          if (Date.now() > attempt.deadline) throw new PastDeadline();
          await writer.write(bytes);
        },
        (done) => {
          const now = Date.now();
          if (now - lastWrite < 250 && done < row.total) return;
          lastWrite = now;
          this.dataSource
            .query(`UPDATE mailing SET printed = $2 WHERE id = $1`, [mailingId, done])
            .then(() => this.progress.touch(mailingId))
            .catch((error: Error) => logger.warn('mailing progress not saved', { error: error.message }));
        },
      );
      await this.dataSource.transaction(async (manager) => {
        await writer.finish(manager);
        await manager.query(`UPDATE mailing SET status = 'DONE', printed = total, finished_at = now() WHERE id = $1`, [mailingId]);
      });
    } catch (error) {
      await this.failedTry(mailingId, attempt, error as Error);
    } finally {
      this.progress.touch(mailingId, true);
    }
  }

  /**
   * Sends the e-mails of one batch. A temporary (4xx) refusal leaves its recipient PENDING and the
   * outcome 'retry' (pg-boss tries the batch again after its backoff); on the last try it is FAILED
   * with the SMTP answer. 'interrupted': the deadline came first, the rest of the batch waits.
   */
  async sendBatch(job: MailingJob, attempt: JobAttempt): Promise<BatchOutcome> {
    const { mailingId } = job;
    const from = job.from ?? 0;
    const to = job.to ?? 2 ** 31 - 1;
    // Claims the mailing (and refuses work on a finished one). An instance that cannot send never
    // gets here: it does not work the e-mail queue.
    const [started] = (await this.dataSource.query(
      `UPDATE mailing SET status = 'RUNNING' WHERE id = $1 AND kind = 'EMAIL' AND status IN ('PENDING', 'RUNNING') RETURNING id`,
      [mailingId],
    )) as [unknown[], number];
    if (started.length === 0) return 'done';
    try {
      if (attempt.retryCount > 0) {
        // pg-boss tries a job again only once its previous try is over (failed, or expired with its
        // instance): the rows that try had claimed go back in line. An e-mail may have left before
        // it died; it goes again with the same Message-ID.
        await this.dataSource.query(
          `UPDATE mailing_recipient SET status = 'PENDING' WHERE mailing_id = $1 AND position BETWEEN $2 AND $3 AND status = 'SENDING'`,
          [mailingId, from, to],
        );
      }
      // The job's last try, or the recipient's (counted on its row: a batch cut by its deadline goes
      // on as a new job, whose tries start again).
      const jobLastTry = attempt.retryCount >= attempt.retryLimit;
      const results = new RecipientResults(this.dataSource, mailingId);
      let deferred = 0;
      let interrupted = false;
      // A sliding window rather than batch after batch: the SMTP pool never idles waiting for the
      // slowest e-mail of a batch. Refilled when half of it has been answered.
      const window = this.options.sendWindow;
      const inFlight = new Set<Promise<void>>();
      for (;;) {
        while (inFlight.size > window / 2) await Promise.race(inFlight);
        if (Date.now() > attempt.deadline) {
          interrupted = true;
          break;
        }
        const claimed = (await this.dataSource.query(
          `UPDATE mailing_recipient r SET status = 'SENDING', attempts = r.attempts + 1
             FROM (SELECT user_id FROM mailing_recipient
                    WHERE mailing_id = $1 AND position BETWEEN $2 AND $3 AND status = 'PENDING'
                    ORDER BY position LIMIT $4 FOR UPDATE SKIP LOCKED) c
            WHERE r.mailing_id = $1 AND r.user_id = c.user_id
            RETURNING r.user_id, r.attempts`,
          [mailingId, from, to, window - inFlight.size],
        )) as [{ user_id: string; attempts: number }[], number];
        const rows = claimed[0];
        if (rows.length === 0) {
          if (inFlight.size === 0) break;
          await Promise.race(inFlight);
          continue;
        }
        const attempts = new Map(rows.map((row) => [row.user_id, row.attempts]));
        for (const sheet of await this.sheets.recipients(mailingId, [...attempts.keys()])) {
          const sending: Promise<void> = this.sendOne(mailingId, sheet, attempts.get(sheet.userId) ?? 1, jobLastTry, results)
            .then((retry) => void (deferred += retry ? 1 : 0))
            .finally(() => inFlight.delete(sending));
          inFlight.add(sending);
        }
      }
      while (inFlight.size > 0) await Promise.race(inFlight);
      await results.flush();
      if (interrupted) return 'interrupted';
      await this.finishIfComplete(mailingId);
      return deferred > 0 ? 'retry' : 'done';
    } catch (error) {
      await this.failedTry(mailingId, attempt, error as Error);
      return 'done';
    }
  }

  /** `true` when the recipient should be tried again (temporary refusal, tries left). */
  private async sendOne(mailingId: string, sheet: RecipientSheet, attempt: number, jobLastTry: boolean, results: RecipientResults): Promise<boolean> {
    const lastTry = jobLastTry || attempt >= this.options.maxAttempts;
    const result = await this.mailer.send(accountMail({ ...sheet, email: sheet.email! }, mailingId, this.options.publicUrl));
    let retry = false;
    if (result.delivered) {
      results.add({ userId: sheet.userId, status: RecipientStatus.SENT, error: null });
    } else if (result.temporary && !lastTry) {
      results.add({ userId: sheet.userId, status: RecipientStatus.PENDING, error: result.error ?? null });
      retry = true;
    } else {
      const reason = result.error ?? 'refusé par le serveur de messagerie';
      results.add({
        userId: sheet.userId,
        status: RecipientStatus.FAILED,
        error: result.temporary ? `Échec après ${attempt} tentatives : ${reason}` : reason,
      });
    }
    this.progress.touch(mailingId);
    return retry;
  }

  /** The last batch to finish closes the campaign. */
  private async finishIfComplete(mailingId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE mailing SET status = 'DONE', finished_at = now()
        WHERE id = $1 AND status = 'RUNNING'
          AND NOT EXISTS (SELECT 1 FROM mailing_recipient WHERE mailing_id = $1 AND status IN ('PENDING', 'SENDING'))`,
      [mailingId],
    );
    this.progress.touch(mailingId, true);
  }

  /** A try that threw: pg-boss retries it, unless it was the last. */
  private async failedTry(mailingId: string, attempt: JobAttempt, error: Error): Promise<void> {
    if (error instanceof PastDeadline || attempt.retryCount < attempt.retryLimit) {
      logger.warn('mailing job failed, pg-boss will retry it', { mailingId, error: error.message, retryCount: attempt.retryCount });
      throw error;
    }
    logger.error('mailing failed', { mailingId, error: error.message });
    await this.markFailed(mailingId);
  }

  /**
   * A mailing whose job failed its last try (here, or lost with its instance: pg-boss's dead-letter
   * queue): FAILED, and its recipients still waiting FAILED too, so the counts add up.
   */
  async markFailed(mailingId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [updated] = (await manager.query(
        `UPDATE mailing SET status = 'FAILED', error = $2, finished_at = now() WHERE id = $1 AND status IN ('PENDING', 'RUNNING') RETURNING id`,
        [mailingId, FAILED_MESSAGE],
      )) as [unknown[], number];
      if (updated.length === 0) return;
      await manager.query(`UPDATE mailing_recipient SET status = 'FAILED', error = $2 WHERE mailing_id = $1 AND status IN ('PENDING', 'SENDING')`, [
        mailingId,
        'non envoyé : le publipostage a échoué',
      ]);
    });
    this.progress.touch(mailingId, true);
  }

  /** Mailings whose jobs were never sent (a crash between their commit and the send), oldest first. */
  async unqueued(olderThanSeconds: number): Promise<{ id: string; kind: MailingKind }[]> {
    return (await this.dataSource.query(
      `SELECT id, kind FROM mailing
        WHERE queued_at IS NULL AND status IN ('PENDING', 'RUNNING') AND created_at < now() - make_interval(secs => $1)
        ORDER BY created_at LIMIT 100`,
      [olderThanSeconds],
    )) as { id: string; kind: MailingKind }[];
  }
}
