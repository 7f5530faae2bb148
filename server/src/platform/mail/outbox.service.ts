import { DataSource } from 'typeorm';

/** A mail of the demo outbox, as the operator reads it. */
export interface OutboxMail {
  id: string;
  sentAt: Date;
  recipient: string;
  subject: string;
  text: string;
}

/** The demo outbox (no SMTP_URL): the latest mails, newest first. */
export class OutboxService {
  constructor(private readonly dataSource: DataSource) {}

  async latest(first: number): Promise<OutboxMail[]> {
    const rows: { id: string; created_at: Date; recipient: string; subject: string; text: string }[] = await this.dataSource.query(
      'SELECT id, created_at, recipient, subject, text FROM mail_outbox ORDER BY id DESC LIMIT $1',
      [Math.min(Math.max(first, 1), 200)],
    );
    return rows.map((row) => ({ id: row.id, sentAt: row.created_at, recipient: row.recipient, subject: row.subject, text: row.text }));
  }
}
