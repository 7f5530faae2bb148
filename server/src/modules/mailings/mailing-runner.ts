import { DataSource } from 'typeorm';
import { ConnectionSheet, SheetLayout } from '../../documents/connection-sheet';
import { logger } from '../../platform/logging/logger';
import { Mailer } from '../../platform/mail/mailer';
import { accountMail } from './account-mail';
import { MailingKind, RecipientStatus } from './mailing.entity';
import { MailingProgress } from './mailing-progress';
import { MailingQueue } from './mailing.service';
import { RecipientResults } from './recipient-results';
import { RecipientSheet, SheetSource } from './sheet-source';

/** What the runner needs of the PDF printer (documents/sheet-printer.ts). */
export interface SheetPrinting {
  print(
    layout: SheetLayout,
    total: number,
    load: (offset: number, limit: number) => Promise<ConnectionSheet[]>,
    onProgress?: (sheetsDone: number) => void,
  ): Promise<Uint8Array>;
}

export interface RunnerOptions {
  publicUrl: string;
  /** A worker silent for this long is presumed dead: its mailing is taken over. */
  leaseSeconds: number;
  /** First retry delay after a temporary (4xx) refusal; doubled at each attempt. */
  retryBaseMs: number;
  maxAttempts: number;
  /** E-mails handed to the SMTP pool at once. */
  sendWindow: number;
}

export const defaultRunnerOptions = (publicUrl: string): RunnerOptions => ({
  publicUrl,
  leaseSeconds: 30,
  retryBaseMs: 60_000,
  maxAttempts: 5,
  sendWindow: 50,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs mailings in the background (called by the pg-boss workers). Everything it needs to resume is
 * in the database: the lease (`heartbeat_at`), the PDF's progress, each recipient's status. So any
 * instance may run or take over a mailing, a job delivered twice does nothing the second time, and a
 * server killed mid-campaign leaves no recipient lost and sends nobody marked sent a second e-mail.
 */
export class MailingRunner {
  private sweepTimer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sheets: SheetSource,
    private readonly printer: SheetPrinting,
    private readonly mailer: Mailer,
    private readonly progress: MailingProgress,
    private readonly options: RunnerOptions,
  ) {}

  /** Takes the mailing if nobody alive holds it, runs it to the end, releases it. */
  async run(mailingId: string): Promise<void> {
    const lease = this.options.leaseSeconds;
    // An instance that cannot send e-mail never takes a campaign: it stays for one that can.
    const [claimed] = (await this.dataSource.query(
      `UPDATE mailing SET status = 'RUNNING', heartbeat_at = now()
        WHERE id = $1 AND (status = 'PENDING' OR (status = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => $2)))
          AND (kind <> 'EMAIL' OR $3)
        RETURNING kind, layout, total`,
      [mailingId, lease, this.mailer.canSend],
    )) as [{ kind: MailingKind; layout: SheetLayout; total: number }[], number];
    const row = claimed[0];
    if (!row) return; // done, or alive elsewhere
    const heartbeat = setInterval(() => {
      this.dataSource
        .query(`UPDATE mailing SET heartbeat_at = now() WHERE id = $1 AND status = 'RUNNING'`, [mailingId])
        .catch((error: Error) => logger.warn('mailing heartbeat failed', { error: error.message }));
    }, (lease * 1000) / 3);
    try {
      if (row.kind === MailingKind.PDF) await this.printPdf(mailingId, row.layout, row.total);
      else await this.sendEmails(mailingId);
    } catch (error) {
      logger.error('mailing failed', { mailingId, error: (error as Error).message });
      await this.dataSource.query(`UPDATE mailing SET status = 'FAILED', error = $2, finished_at = now() WHERE id = $1`, [
        mailingId,
        'Le publipostage a échoué. Relancez-le ; si le problème continue, contactez l’assistance.',
      ]);
    } finally {
      clearInterval(heartbeat);
      this.progress.touch(mailingId, true);
    }
  }

  private async printPdf(mailingId: string, layout: SheetLayout, total: number): Promise<void> {
    let lastWrite = 0;
    const pdf = await this.printer.print(
      layout,
      total,
      (offset, limit) => this.sheets.slice(mailingId, offset, limit),
      (done) => {
        const now = Date.now();
        if (now - lastWrite < 250 && done < total) return;
        lastWrite = now;
        this.dataSource
          .query(`UPDATE mailing SET printed = $2, heartbeat_at = now() WHERE id = $1`, [mailingId, done])
          .then(() => this.progress.touch(mailingId))
          .catch((error: Error) => logger.warn('mailing progress not saved', { error: error.message }));
      },
    );
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO mailing_document (mailing_id, content, byte_size) VALUES ($1, $2, $3)
         ON CONFLICT (mailing_id) DO UPDATE SET content = EXCLUDED.content, byte_size = EXCLUDED.byte_size, created_at = now()`,
        [mailingId, Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength), pdf.byteLength],
      );
      await manager.query(`UPDATE mailing SET status = 'DONE', printed = total, finished_at = now() WHERE id = $1`, [mailingId]);
    });
  }

  private async sendEmails(mailingId: string): Promise<void> {
    // We hold the lease: rows another (dead) worker had claimed go back in line. The e-mail may have
    // left before it died; it goes again with the same Message-ID.
    await this.dataSource.query(`UPDATE mailing_recipient SET status = 'PENDING', claimed_at = NULL WHERE mailing_id = $1 AND status = 'SENDING'`, [mailingId]);
    const results = new RecipientResults(this.dataSource, mailingId);
    // A sliding window rather than batch after batch: the SMTP pool never idles waiting for the
    // slowest e-mail of a batch. Refilled when half of it has been answered.
    const window = this.options.sendWindow;
    const inFlight = new Set<Promise<void>>();
    for (;;) {
      while (inFlight.size > window / 2) await Promise.race(inFlight);
      const claimed = (await this.dataSource.query(
        `UPDATE mailing_recipient r SET status = 'SENDING', claimed_at = now(), attempts = r.attempts + 1
           FROM (SELECT user_id FROM mailing_recipient
                  WHERE mailing_id = $1 AND status = 'PENDING' AND (next_attempt_at IS NULL OR next_attempt_at <= now())
                  ORDER BY position LIMIT $2 FOR UPDATE SKIP LOCKED) c
          WHERE r.mailing_id = $1 AND r.user_id = c.user_id
          RETURNING r.user_id, r.attempts`,
        [mailingId, window - inFlight.size],
      )) as [{ user_id: string; attempts: number }[], number];
      const rows = claimed[0];
      if (rows.length === 0) {
        if (inFlight.size > 0) {
          await Promise.race(inFlight);
          continue;
        }
        await results.flush();
        const [{ next }] = (await this.dataSource.query(
          `SELECT min(COALESCE(next_attempt_at, now())) AS next FROM mailing_recipient WHERE mailing_id = $1 AND status = 'PENDING'`,
          [mailingId],
        )) as { next: Date | null }[];
        if (!next) break;
        await sleep(Math.min(Math.max(next.getTime() - Date.now(), 20), (this.options.leaseSeconds * 1000) / 3));
        continue;
      }
      const attempts = new Map(rows.map((row) => [row.user_id, row.attempts]));
      for (const sheet of await this.sheets.recipients(mailingId, [...attempts.keys()])) {
        const sending: Promise<void> = this.sendOne(mailingId, sheet, attempts.get(sheet.userId) ?? 1, results).finally(() => inFlight.delete(sending));
        inFlight.add(sending);
      }
    }
    await results.flush();
    await this.dataSource.query(`UPDATE mailing SET status = 'DONE', finished_at = now() WHERE id = $1 AND status = 'RUNNING'`, [mailingId]);
  }

  private async sendOne(mailingId: string, sheet: RecipientSheet, attempt: number, results: RecipientResults): Promise<void> {
    const result = await this.mailer.send(accountMail({ ...sheet, email: sheet.email! }, mailingId, this.options.publicUrl));
    if (result.delivered) {
      results.add({ userId: sheet.userId, status: RecipientStatus.SENT, error: null, nextAttemptAt: null });
    } else if (result.temporary && attempt < this.options.maxAttempts) {
      const delay = this.options.retryBaseMs * 2 ** (attempt - 1);
      results.add({ userId: sheet.userId, status: RecipientStatus.PENDING, error: result.error ?? null, nextAttemptAt: new Date(Date.now() + delay) });
    } else {
      const reason = result.error ?? 'refusé par le serveur de messagerie';
      results.add({
        userId: sheet.userId,
        status: RecipientStatus.FAILED,
        error: result.temporary ? `Échec après ${attempt} tentatives : ${reason}` : reason,
        nextAttemptAt: null,
      });
    }
    this.progress.touch(mailingId);
  }

  /**
   * Finds mailings nobody is running (never enqueued, or their worker died) and enqueues them again.
   * Runs on every instance every lease period; duplicates are harmless (the queue keeps one waiting
   * job per mailing, and `run` claims a mailing atomically).
   */
  async sweep(queue: MailingQueue): Promise<number> {
    const rows = (await this.dataSource.query(
      `SELECT id, kind FROM mailing
        WHERE status IN ('PENDING', 'RUNNING') AND COALESCE(heartbeat_at, created_at) < now() - make_interval(secs => $1)`,
      [this.options.leaseSeconds],
    )) as { id: string; kind: MailingKind }[];
    for (const row of rows) await queue.enqueue(row.kind, row.id);
    return rows.length;
  }

  startSweeping(queue: MailingQueue): void {
    const tick = () =>
      this.sweep(queue).catch((error: Error) => logger.warn('mailing sweep failed', { error: error.message }));
    void tick();
    this.sweepTimer = setInterval(tick, this.options.leaseSeconds * 1000);
    this.sweepTimer.unref();
  }

  stop(): void {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
  }
}

