import { PROFILE_LABELS_FR } from '../platform/model/profile-labels';
import { Profile } from '../platform/model/profile';
import type { ConnectionSheet } from './connection-sheet';
import { qrPngDataUri } from './qr-stamp/qr-code';


/**
 * Everything a template prints for one sheet, already formatted: templates stay free of logic and
 * every value is plain text that Handlebars escapes (`{{ }}`), the QR code's data: URI included.
 */
export interface SheetView {
  /** « Prénom NOM », as the letters address the reader. */
  addressee: string;
  /** « NOM Prénom », as the cards and the guide's lists sort and show names. */
  cardName: string;
  profile: string;
  /** « CE1 A, CE2 B », or '' (the line is then left out). */
  classes: string;
  /** Parents: « Emma A, Marie A », else ''. */
  children: string;
  /** The école of the letterhead, '' when there is none (the letterhead then names the ENT only). */
  school: string;
  login: string;
  /** Null once the account is activated: the sheet says to sign in with one's own password. */
  activationCode: string | null;
  /** The connection address printed in full, as typed into a browser. */
  address: string;
  /** What the QR code opens; never contains the code. */
  qrUrl: string;
  /** The QR code of `qrUrl`, as a PNG data: URI; null when it is drawn onto the PDF afterwards (card-qr-stamp.ts). */
  qr: string | null;
}

/** `publicUrl` without its trailing slashes, so paths join with exactly one. */
export function normalisePublicUrl(publicUrl: string): string {
  return publicUrl.replace(/\/+$/, '');
}

/**
 * The page the QR code opens, with the login filled in: the activation page while the account has
 * a code, else the sign-in page (an activated account has no code to type). The code itself never
 * goes into the URL: a QR code is easier to photograph over a shoulder than a code to read.
 */
export function sheetUrl(publicUrl: string, sheet: Pick<ConnectionSheet, 'login' | 'activationCode'>): string {
  const page = sheet.activationCode ? 'activation' : 'connexion';
  return `${normalisePublicUrl(publicUrl)}/${page}?login=${encodeURIComponent(sheet.login)}`;
}

/**
 * « NOM » in capitals (é → É, ß → SS), so a name prints the same however it was typed. Plain
 * toUpperCase: French has no locale-specific case rule, and toLocaleUpperCase('fr-FR') goes through
 * ICU at ~0.1 ms a call, a second per 10,000 sheets.
 */
function upper(name: string): string {
  return name.toUpperCase();
}

function joinNames(first: string, last: string): string {
  return [first, last].filter((part) => part.trim() !== '').join(' ');
}

export function toSheetView(sheet: ConnectionSheet, publicUrl: string, inlineQr = true): SheetView {
  const qrUrl = sheetUrl(publicUrl, sheet);
  return {
    addressee: joinNames(sheet.firstName, upper(sheet.lastName)),
    cardName: joinNames(upper(sheet.lastName), sheet.firstName),
    profile: PROFILE_LABELS_FR[sheet.profile] ?? sheet.profile,
    classes: sheet.classes.join(', '),
    children: sheet.profile === Profile.RELATIVE ? sheet.children.join(', ') : '',
    school: sheet.school?.trim() ?? '',
    login: sheet.login,
    activationCode: sheet.activationCode || null,
    address: normalisePublicUrl(publicUrl),
    qrUrl,
    qr: inlineQr ? qrPngDataUri(qrUrl) : null,
  };
}
