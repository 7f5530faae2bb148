import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { qrPngDataUri } from './qr-stamp/qr-code';
import { normalisePublicUrl, sheetUrl } from './sheet-view';
import { TEMPLATES_DIR } from './templates';

/** What a renewal slip prints: the code is shown once, so the slip is made when it is generated. */
export interface RenewalSlip {
  firstName: string;
  /** The login (or alias) to type on the sign-in page. */
  login: string;
  code: string;
  expiresAt: Date;
}

let compiled: HandlebarsTemplateDelegate | undefined;

/** « lundi 7 décembre à 18 h 30 », in Paris time, as a child's parents read it. */
export function slipExpiry(date: Date): string {
  const day = date.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long' });
  const [hours, minutes] = date.toLocaleTimeString('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).split(':');
  // French writes the first day of a month « 1er ».
  return `${day.replace(/ 1 /, ' 1er ')} à ${Number(hours)} h${minutes === '00' ? '' : ` ${minutes}`}`;
}

/**
 * « Imprimer pour l'élève »: one slip for a young pupil, as a self-contained HTML page (printed by
 * SheetPrinter.printHtml). The QR code opens the sign-in page with the login filled in; the code is
 * never in it, as on the connection sheets.
 */
export function renderRenewalSlip(slip: RenewalSlip, publicUrl: string): string {
  compiled ??= Handlebars.create().compile(readFileSync(join(TEMPLATES_DIR, 'renewal-slip.hbs'), 'utf8'), { strict: true });
  const qrUrl = sheetUrl(publicUrl, { login: slip.login, activationCode: null });
  return compiled({
    firstName: slip.firstName.trim(),
    login: slip.login,
    code: slip.code,
    expires: slipExpiry(slip.expiresAt),
    address: normalisePublicUrl(publicUrl),
    qr: qrPngDataUri(qrUrl),
  });
}
