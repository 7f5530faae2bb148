import { DataSource } from 'typeorm';
import { RecipientStatus } from './mailing.entity';

export interface RecipientResult {
  userId: string;
  status: RecipientStatus.SENT | RecipientStatus.FAILED | RecipientStatus.PENDING;
  error: string | null;
}

/** How long answers gather before they are written together. */
const COALESCE_MS = 25;

/**
 * Writes each recipient's outcome within a few milliseconds of its answer, gathering the answers of
 * those milliseconds (and those arriving while a write is in flight) into one UPDATE: a crash loses
 * at most a few dozen milliseconds of answers (those e-mails go again, with the same Message-ID),
 * and 5,000 e-mails cost a few hundred statements rather than 5,000.
 */
export class RecipientResults {
  private buffer: RecipientResult[] = [];
  private writing: Promise<void> | null = null;
  private failure: Error | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailingId: string,
  ) {}

  add(result: RecipientResult): void {
    this.buffer.push(result);
    if (!this.writing) {
      this.writing = new Promise((resolve) => setTimeout(resolve, COALESCE_MS)).then(() => this.drain()).catch((error: Error) => {
        this.failure = error;
      });
    }
  }

  /** Resolves once everything added so far is written. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
    if (this.failure) throw this.failure;
  }

  private async drain(): Promise<void> {
    try {
      while (this.buffer.length > 0) {
        const batch = this.buffer;
        this.buffer = [];
        await this.dataSource.query(
          `UPDATE mailing_recipient r
              SET status = v.status::mailing_recipient_status,
                  sent_at = CASE WHEN v.status = 'SENT' THEN now() ELSE NULL END,
                  error = v.error
             FROM unnest($2::uuid[], $3::text[], $4::text[]) AS v(user_id, status, error)
            WHERE r.mailing_id = $1 AND r.user_id = v.user_id`,
          [
            this.mailingId,
            batch.map((result) => result.userId),
            batch.map((result) => result.status),
            batch.map((result) => result.error),
          ],
        );
      }
    } finally {
      this.writing = null;
    }
  }
}
