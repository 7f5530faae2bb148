import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConnectionSheet } from '../../documents/connection-sheet';
import { sheetUrl } from '../../documents/sheet-view';
import { OutgoingMail } from '../../platform/mail/mailer';

const templates = Handlebars.create();
templates.registerHelper('join', (items: string[]) => items.join(', '));
// Compiled once; {{ }} escapes every value, so a name like « <b>O'Brien</b> » stays text in the HTML part.
const text = templates.compile(readFileSync(join(__dirname, 'templates/account-mail.text.hbs'), 'utf8'), { noEscape: true, strict: false });
const html = templates.compile(readFileSync(join(__dirname, 'templates/account-mail.html.hbs'), 'utf8'), { strict: false });

export const ACCOUNT_MAIL_SUBJECT = 'Votre compte ENT';

/**
 * « Envoyer par mail »: the e-mail twin of a connection sheet. The Message-ID is derived from the
 * mailing and the recipient, so that a resend after a crash carries the same id (receiving servers
 * and clients can recognise the duplicate).
 */
export function accountMail(sheet: ConnectionSheet & { email: string; userId: string }, mailingId: string, publicUrl: string): OutgoingMail {
  const host = new URL(publicUrl).hostname || 'preau.localhost';
  const data = {
    ...sheet,
    address: publicUrl,
    activationUrl: sheetUrl(publicUrl, sheet),
  };
  return {
    to: sheet.email,
    subject: ACCOUNT_MAIL_SUBJECT,
    text: text(data),
    html: html(data),
    messageId: `<mailing.${mailingId}.${sheet.userId}@${host}>`,
  };
}
