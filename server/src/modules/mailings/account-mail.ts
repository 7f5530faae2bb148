import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConnectionSheet } from '../../documents/connection-sheet';
import { classPhrase, responsibleFor, sheetUrl } from '../../documents/sheet-view';
import { Profile } from '../../platform/model/profile';
import { firstLast, schoolSubject } from '../../platform/text/french';
import { OutgoingMail } from '../../platform/mail/mailer';

const templates = Handlebars.create();
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
  const parent = sheet.profile === Profile.RELATIVE;
  const data = {
    addressee: firstLast(sheet.firstName, sheet.lastName),
    // « École élémentaire Jules Ferry vous ouvre », « L'école Jules Ferry vous ouvre », never « L'école École… ».
    school: sheet.school?.trim() ? schoolSubject(sheet.school) : '',
    // A parent reads each child's class next to the child, never as their own.
    classes: parent ? '' : classPhrase(sheet.classes),
    children: parent ? responsibleFor(sheet.children) : '',
    login: sheet.login,
    activationCode: sheet.activationCode,
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
