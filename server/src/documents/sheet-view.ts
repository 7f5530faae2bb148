import { PROFILE_LABELS_FR } from '../platform/model/profile-labels';
import { Profile } from '../platform/model/profile';
import { de, firstLast, joinAnd, lastFirst } from '../platform/text/french';
import type { ConnectionSheet, SheetChild } from './connection-sheet';
import { qrPngDataUri } from './qr-stamp/qr-code';


/**
 * Everything a template prints for one sheet, already formatted: templates stay free of logic and
 * every value is plain text that Handlebars escapes (`{{ }}`), the QR code's data: URI included.
 */
export interface SheetView {
  /** « À l'attention d'» or « À l'attention de », elided before the addressee (french.ts). */
  attention: string;
  /** « Prénom NOM », as the letters address the reader. */
  addressee: string;
  /** « NOM Prénom », as the cards and the guide's lists sort and show names. */
  cardName: string;
  profile: string;
  /** Pupils and teachers: « en classe de », « en classe d'», « en classes de »; '' for parents. */
  classesLead: string;
  /** « CE2 B », « CE1 A et CE2 B », or '' (the line is then left out; parents read their children's). */
  classes: string;
  /** The card's class line: « Classe : CE2 B », « Classes : CE1 A, CE2 B », or ''. */
  cardClasses: string;
  /** Parents: each child, elided and with their class, for « Responsable d'Imrân L'HÔTE (classe de CE2 B) et de … ». */
  children: ChildView[];
  /** The card's short form: « Responsable d'Imrân L'HÔTE (CE2 B), de Léa L'HÔTE (CP) », or ''. */
  cardChildren: string;
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

export interface ChildView {
  /** '' before the first child, then ', ' and ' et ' before the last. */
  joiner: string;
  /** « d'» or « de ». */
  of: string;
  /** « Imrân L'HÔTE ». */
  name: string;
  /** « classe de CE2 B », or '' when the child has no class within reach. */
  classes: string;
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

/** « de » or « d'» before `text`, as the lead of a phrase whose text is printed in bold. */
function ofLead(text: string): string {
  return de(text).slice(0, -text.trim().length);
}

/** « classe de CE2 B », « classes de CE1 A et CE2 B », « classe d'Arc-en-ciel ». */
export function classPhrase(classes: readonly string[]): string {
  if (classes.length === 0) return '';
  return `${classes.length > 1 ? 'classes' : 'classe'} ${de(joinAnd(classes))}`;
}

/** « Responsable d'Imrân L'HÔTE (classe de CE2 B) et de Léa L'HÔTE (classe de CP) », as e-mails write it. */
export function responsibleFor(children: readonly SheetChild[]): string {
  if (children.length === 0) return '';
  const parts = children.map((child) => {
    const classes = classPhrase(child.classes);
    return `${de(firstLast(child.firstName, child.lastName))}${classes ? ` (${classes})` : ''}`;
  });
  return `Responsable ${joinAnd(parts)}`;
}

function childViews(children: readonly SheetChild[]): ChildView[] {
  return children.map((child, i) => {
    const name = firstLast(child.firstName, child.lastName);
    return {
      joiner: i === 0 ? '' : i === children.length - 1 ? ' et ' : ', ',
      of: ofLead(name),
      name,
      classes: classPhrase(child.classes),
    };
  });
}

function cardChildren(children: readonly SheetChild[]): string {
  if (children.length === 0) return '';
  const parts = children.map((child) => {
    const name = de(firstLast(child.firstName, child.lastName));
    return child.classes.length ? `${name} (${child.classes.join(', ')})` : name;
  });
  return `Responsable ${parts.join(', ')}`;
}

export function toSheetView(sheet: ConnectionSheet, publicUrl: string, inlineQr = true): SheetView {
  const qrUrl = sheetUrl(publicUrl, sheet);
  const addressee = firstLast(sheet.firstName, sheet.lastName);
  const parent = sheet.profile === Profile.RELATIVE;
  // A parent's classes are their children's: each child's is printed next to them, never as the parent's.
  const classes = parent ? [] : sheet.classes;
  const children = parent ? sheet.children : [];
  const classesText = joinAnd(classes);
  return {
    attention: `À l'attention ${ofLead(addressee)}`,
    addressee,
    cardName: lastFirst(sheet.firstName, sheet.lastName),
    profile: PROFILE_LABELS_FR[sheet.profile] ?? sheet.profile,
    classesLead: classes.length ? `en ${classes.length > 1 ? 'classes' : 'classe'} ${ofLead(classesText)}` : '',
    classes: classesText,
    cardClasses: classes.length ? `${classes.length > 1 ? 'Classes' : 'Classe'}\u00a0: ${classes.join(', ')}` : '',
    children: childViews(children),
    cardChildren: cardChildren(children),
    school: sheet.school?.trim() ?? '',
    login: sheet.login,
    activationCode: sheet.activationCode || null,
    address: normalisePublicUrl(publicUrl),
    qrUrl,
    qr: inlineQr ? qrPngDataUri(qrUrl) : null,
  };
}
