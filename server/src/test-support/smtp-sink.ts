import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/**
 * A real SMTP server in the test process: mails really leave Préau through nodemailer and arrive
 * here. `rejectRecipients` answers 550 (permanent) and `deferRecipients` 451 (temporary) for them.
 */
export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  readonly rejectRecipients = new Set<string>();
  readonly deferRecipients = new Set<string>();
  /** Answers each message this much later, like a busy relay (to catch a campaign in the middle). */
  delayMs = 0;
  private readonly server: SMTPServer;
  /** Checked at each arrival (see `until`). */
  private readonly waiters = new Set<() => void>();
  port = 0;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        const to = address.address.toLowerCase();
        if (this.rejectRecipients.has(to)) return callback(Object.assign(new Error('5.1.1 Mailbox unavailable'), { responseCode: 550 }));
        if (this.deferRecipients.has(to)) return callback(Object.assign(new Error('4.2.1 Try again later'), { responseCode: 451 }));
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          this.mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          for (const waiter of [...this.waiters]) waiter();
          if (this.delayMs > 0) setTimeout(() => callback(), this.delayMs);
          else callback();
        });
      },
    });
  }

  async start(): Promise<string> {
    // A client killed mid-session (the SIGKILL fault test) resets its connection: expected, not a failure.
    this.server.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') throw error;
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return `smtp://127.0.0.1:${this.port}?tls=off`;
  }

  /**
   * Resolves once `holds` is true of the mails received, checked at each arrival: the test waits
   * for the mails themselves, bounded by its own timeout, not by a clock of its own.
   */
  until(holds: (mails: readonly ReceivedMail[]) => boolean): Promise<void> {
    if (holds(this.mails)) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        if (!holds(this.mails)) return;
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
    });
  }

  /** Resolves with the first mail to `to`, once it has arrived. */
  async waitFor(to: string): Promise<ReceivedMail> {
    const address = to.toLowerCase();
    await this.until((mails) => mails.some((mail) => mail.to.includes(address)));
    return this.mails.find((mail) => mail.to.includes(address))!;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The text body of a raw message (quoted-printable decoded), for assertions. */
export function mailText(raw: string): string {
  const body = raw.split(/\r?\n\r?\n/).slice(1).join('\n\n');
  return body
    .replace(/=\r?\n/g, '')
    .replace(/(=[0-9A-F]{2})+/g, (match) => Buffer.from(match.replace(/=/g, ''), 'hex').toString('utf8'));
}
