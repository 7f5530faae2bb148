import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

export const MAIL_DIR = join(__dirname, '../../test-results/e2e-mail');

/**
 * A real SMTP server for the e2e run (started by the global setup): each message Préau sends is
 * written to MAIL_DIR as `<n>.eml`, where tests read it.
 */
export async function startMailSink(): Promise<{ url: string; stop: () => Promise<void> }> {
  rmSync(MAIL_DIR, { recursive: true, force: true });
  mkdirSync(MAIL_DIR, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        count += 1;
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()).join(',');
        writeFileSync(join(MAIL_DIR, `${String(count).padStart(5, '0')}.eml`), `X-Envelope-To: ${to}\r\n${Buffer.concat(chunks).toString('utf8')}`);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}?tls=off`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Decoded text of the mails received for `to` so far. */
export function mailsTo(to: string): string[] {
  let files: string[] = [];
  try {
    files = readdirSync(MAIL_DIR).sort();
  } catch {
    return [];
  }
  return files
    .map((file) => readFileSync(join(MAIL_DIR, file), 'utf8'))
    .filter((raw) => raw.startsWith(`X-Envelope-To: `) && raw.split('\r\n')[0].includes(to.toLowerCase()))
    .map((raw) =>
      raw
        .replace(/=\r?\n/g, '')
        .replace(/(=[0-9A-F]{2})+/g, (match) => Buffer.from(match.replace(/=/g, ''), 'hex').toString('utf8')),
    );
}
