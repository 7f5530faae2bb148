import nodemailer, { Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { logger } from '../logging/logger';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Deterministic Message-ID when the caller needs idempotence (campaigns). */
  messageId?: string;
}

export interface SendResult {
  delivered: boolean;
  messageId?: string;
  /** SMTP response for a refused recipient, e.g. "550 5.1.1 User unknown". */
  error?: string;
  /** 4xx: worth retrying later. */
  temporary?: boolean;
}

/**
 * Outgoing mail. With SMTP_URL: a pooled nodemailer transport. Without, in demo mode only (embedded
 * database or DEMO_DATA): the mail_outbox table, readable by the operator, so that flows like « Mot
 * de passe oublié » work out of the box. Otherwise this instance cannot send (`canSend` false): it
 * must take no e-mail work, since the outbox of a real deployment is read by nobody (an instance
 * started without SMTP_URL once took a shared database's campaign and marked it all sent).
 */
export class Mailer {
  private readonly transport?: Transporter;

  constructor(
    private readonly dataSource: DataSource,
    smtpUrl: string | undefined,
    private readonly from: string,
    private readonly demoOutbox = false,
  ) {
    if (smtpUrl) {
      const url = new URL(smtpUrl);
      this.transport = nodemailer.createTransport({
        pool: true,
        maxConnections: Number(url.searchParams.get('pool') ?? 4),
        host: url.hostname,
        port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
        secure: url.protocol === 'smtps:',
        auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
        // Local test sinks and internal relays often have no certificate; `?tls=strict` demands one.
        tls: { rejectUnauthorized: url.searchParams.get('tls') === 'strict' },
        ignoreTLS: url.searchParams.get('tls') === 'off',
      });
    }
  }

  get usesOutbox(): boolean {
    return !this.transport && this.demoOutbox;
  }

  /** False without SMTP outside demo mode: campaigns and « Mot de passe oublié » are not for us. */
  get canSend(): boolean {
    return !!this.transport || this.demoOutbox;
  }

  async send(mail: OutgoingMail): Promise<SendResult> {
    if (!this.canSend) throw new Error('no SMTP_URL on this instance: it sends no e-mail');
    if (!this.transport) {
      await this.dataSource.query(
        'INSERT INTO mail_outbox (recipient, subject, text, html, message_id) VALUES ($1, $2, $3, $4, $5)',
        [mail.to, mail.subject, mail.text, mail.html ?? null, mail.messageId ?? null],
      );
      return { delivered: true, messageId: mail.messageId };
    }
    try {
      const info = await this.transport.sendMail({
        from: this.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
      });
      if ((info.rejected ?? []).length > 0) {
        return { delivered: false, error: String(info.response ?? 'refusé'), temporary: /^4/.test(String(info.response ?? '')) };
      }
      return { delivered: true, messageId: info.messageId };
    } catch (error) {
      const smtp = error as { responseCode?: number; response?: string; message: string };
      logger.warn('mail not sent', { responseCode: smtp.responseCode, reason: smtp.response ?? smtp.message });
      return {
        delivered: false,
        error: smtp.response ?? smtp.message,
        temporary: smtp.responseCode === undefined || (smtp.responseCode >= 400 && smtp.responseCode < 500),
      };
    }
  }

  close(): void {
    this.transport?.close();
  }
}
