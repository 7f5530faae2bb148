import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { Profile } from '../platform/model/profile';
import { type ConnectionSheet, SHEETS_PER_PAGE, SheetLayout } from './connection-sheet';
import { PREVIEW_SHEETS, previewSheets } from './preview-data';
import { qrPngDataUri } from './qr-stamp/qr-code';
import { pageCount, renderHtml } from './sheet-renderer';
import { sheetUrl, toSheetView } from './sheet-view';

const publicUrl = 'https://ent.ecole-exemple.fr/';
const layouts = Object.values(SheetLayout);
const escaped = (text: string) => Handlebars.escapeExpression(text);

const pupil: ConnectionSheet = {
  firstName: 'Marie',
  lastName: 'Aubert',
  profile: Profile.STUDENT,
  login: 'marie.aubert',
  activationCode: '3n6g8fmj',
  classes: ['CE1 A'],
  children: [],
  school: 'École élémentaire Jules Ferry',
};
const parent: ConnectionSheet = {
  ...pupil,
  firstName: 'Virginie',
  profile: Profile.RELATIVE,
  login: 'virginie.aubert',
  activationCode: 'wgyr53h4',
  classes: ['CE1 A', 'CM2 B'],
  children: [
    { firstName: 'Marie', lastName: 'Aubert', classes: ['CE1 A'] },
    { firstName: 'Emma', lastName: 'Aubert', classes: ['CM2 B'] },
  ],
};
const activated: ConnectionSheet = { ...pupil, firstName: 'Naël', lastName: 'Colin', login: 'nael.colin', activationCode: null };
const tricky = PREVIEW_SHEETS[4];

/** The <article> of each sheet, in order. */
function sheetsOf(html: string): string[] {
  return html.match(/<article class="sheet[^]*?<\/article>/g) ?? [];
}

describe('renderHtml', () => {
  it.each(layouts)('should print user data as text, never as markup (%s)', (layout) => {
    const html = renderHtml(layout, [tricky], { publicUrl });
    const body = html.slice(html.indexOf('<body'));
    for (const raw of ['<b>', '</b>', '<i>', '<script>', '<Tilleuls>']) expect(body).not.toContain(raw);
    // Braces are printed as they are: values are never compiled as templates.
    expect(body).toContain('{{d&#x27;Artagnan}}');
    const view = toSheetView(tricky, publicUrl);
    const shown = layout === SheetLayout.EIGHT_PER_PAGE ? view.cardName : view.addressee;
    expect(body).toContain(escaped(shown));
    expect(shown).toContain(`O'BRIEN-LEFÈVRE & <I>ÇÀ</I>`);
    if (layout !== SheetLayout.EIGHT_PER_PAGE) {
      expect(body).toContain(escaped(`École "Les <Tilleuls>" & {{Cie}}`));
      expect(body).toContain(escaped('CP <script>'));
    }
  });

  it.each(layouts)('should print the login (the alias when set), the code and the address (%s)', (layout) => {
    const teacher = PREVIEW_SHEETS[2];
    const html = renderHtml(layout, [teacher], { publicUrl });
    expect(html).toContain('<strong class="login">m.bernard.cm2</strong>');
    expect(html).toContain('<strong class="code">kdbw6fnc</strong>');
    expect(html).toContain('https://ent.ecole-exemple.fr<');
    expect(html).toContain("Code d'activation&nbsp;:");
  });

  it('should name people « Prénom NOM » on letters and « NOM Prénom » on cards', () => {
    expect(renderHtml(SheetLayout.ONE_PER_PAGE, [pupil], { publicUrl })).toContain(
      `À l&#x27;attention de <strong class="name">Marie AUBERT</strong>`,
    );
    expect(renderHtml(SheetLayout.EIGHT_PER_PAGE, [pupil], { publicUrl })).toContain('>AUBERT Marie</p>');
  });

  it('should print the letter of the guide, with the password rule and the reminder', () => {
    const html = renderHtml(SheetLayout.ONE_PER_PAGE, [pupil], { publicUrl });
    for (const text of [
      'Objet&nbsp;:</strong> Connexion à votre Espace Numérique de Travail',
      'Pour vous connecter, rendez-vous sur <strong class="address">https://ent.ecole-exemple.fr</strong>',
      'en classe de <strong>CE1 A</strong>',
      'Votre nouveau mot de passe doit contenir au moins 8 caractères, dont une minuscule, une majuscule et un chiffre ou un caractère spécial.',
      "Les élèves ont des identifiants distincts de ceux de leurs parents. Nous vous rappelons qu'il est indispensable de conserver vos données confidentielles.",
      'Bonne navigation&nbsp;!',
      'École élémentaire Jules Ferry',
    ]) {
      expect(html).toContain(text);
    }
  });

  it.each([SheetLayout.ONE_PER_PAGE, SheetLayout.TWO_PER_PAGE])(
    'should head the letter with the ENT alone when the account has no école, and skip an empty class line (%s)',
    (layout) => {
      const [sheet] = sheetsOf(renderHtml(layout, [{ ...pupil, school: null, classes: [] }], { publicUrl }));
      expect(sheet.match(/Espace Numérique de Travail/g)).toHaveLength(2); // letterhead and « Objet »
      expect(sheet).not.toContain('en classe de');
    },
  );

  it.each(layouts)('should list the children of parents only (%s)', (layout) => {
    const html = renderHtml(layout, [parent, { ...pupil, children: [{ firstName: 'Should', lastName: 'Not show', classes: [] }] }], { publicUrl });
    const [parentSheet, pupilSheet] = sheetsOf(html);
    if (layout === SheetLayout.EIGHT_PER_PAGE) {
      expect(parentSheet).toContain('Responsable de Marie AUBERT (CE1 A), d&#x27;Emma AUBERT (CM2 B)');
      expect(parentSheet).not.toContain('class="classes"');
      expect(parentSheet).toContain('>Parent<');
      expect(pupilSheet).toContain('>Élève<');
    } else {
      expect(parentSheet).toContain(
        'Responsable de <strong>Marie AUBERT</strong> (classe de CE1 A) et d&#x27;<strong>Emma AUBERT</strong> (classe de CM2 B)',
      );
      // A parent is not « en classe de »: each child's class is printed next to the child.
      expect(parentSheet).not.toContain('en classe');
    }
    expect(pupilSheet).not.toContain('Responsable de');
    expect(pupilSheet).not.toContain('Should');
  });

  it.each(layouts)('should elide « de » before a vowel or an h muet and put accented names in capitals (%s)', (layout) => {
    const imran = { ...pupil, firstName: 'Imrân', lastName: "L'Hôte", classes: ['CE2 B'] };
    const hugo = { ...parent, firstName: 'Hugo', lastName: 'Prévost', children: [{ firstName: 'Éloïse', lastName: 'François', classes: ['Arc-en-ciel'] }] };
    const [imranSheet, hugoSheet] = sheetsOf(renderHtml(layout, [imran, hugo], { publicUrl }));
    if (layout === SheetLayout.EIGHT_PER_PAGE) {
      expect(imranSheet).toContain('>L&#x27;HÔTE Imrân</p>');
      expect(imranSheet).toContain('<p class="classes">Classe\u00a0: CE2 B</p>');
      expect(hugoSheet).toContain('Responsable d&#x27;Éloïse FRANÇOIS (Arc-en-ciel)');
    } else {
      expect(imranSheet).toContain('À l&#x27;attention d&#x27;<strong class="name">Imrân L&#x27;HÔTE</strong>');
      expect(imranSheet).toContain('en classe de <strong>CE2 B</strong>');
      expect(hugoSheet).toContain('À l&#x27;attention d&#x27;<strong class="name">Hugo PRÉVOST</strong>');
      expect(hugoSheet).toContain('Responsable d&#x27;<strong>Éloïse FRANÇOIS</strong> (classe d&#x27;Arc-en-ciel)');
    }
  });

  it('should say « en classes de … et … » for a teacher of several classes', () => {
    const teacher = { ...pupil, profile: Profile.TEACHER, classes: ['CE1 A', 'CE2 B'] };
    expect(renderHtml(SheetLayout.ONE_PER_PAGE, [teacher], { publicUrl })).toContain('en classes de <strong>CE1 A et CE2 B</strong>');
    expect(renderHtml(SheetLayout.EIGHT_PER_PAGE, [teacher], { publicUrl })).toContain('Classes\u00a0: CE1 A, CE2 B');
  });

  it('should label every profile in French', () => {
    const labels = Object.values(Profile).map((profile) => {
      const html = renderHtml(SheetLayout.EIGHT_PER_PAGE, [{ ...pupil, profile }], { publicUrl });
      return html.match(/<p class="profile">([^<]*)<\/p>/)?.[1];
    });
    expect(labels).toEqual(['Élève', 'Parent', 'Enseignant', 'Personnel', 'Invité']);
  });

  it.each(layouts)('should tell an activated account to use its own password, with no code (%s)', (layout) => {
    const [sheet] = sheetsOf(renderHtml(layout, [activated], { publicUrl }));
    expect(sheet).toMatch(/déjà activé&nbsp;: connectez-vous avec/);
    expect(sheet).not.toContain("Code d'activation");
    expect(sheet).toContain('nael.colin');
  });

  it.each(layouts)('should put on each sheet a QR code of its page, with the login and never the code (%s)', (layout) => {
    const html = renderHtml(layout, [pupil, activated], { publicUrl });
    const [first, second] = sheetsOf(html);
    expect(first).toContain(`src="${escaped(qrPngDataUri('https://ent.ecole-exemple.fr/activation?login=marie.aubert'))}"`);
    expect(second).toContain(`src="${escaped(qrPngDataUri('https://ent.ecole-exemple.fr/connexion?login=nael.colin'))}"`);
  });

  it('should build the QR address from the login, URL-encoded, without the code', () => {
    const url = sheetUrl(publicUrl, { login: 'a.b&c=d', activationCode: '3n6g8fmj' });
    expect(url).toBe('https://ent.ecole-exemple.fr/activation?login=a.b%26c%3Dd');
    expect(url).not.toContain('3n6g8fmj');
    expect(sheetUrl('https://ent.example.fr', { login: 'x', activationCode: null })).toBe('https://ent.example.fr/connexion?login=x');
    expect(toSheetView(parent, publicUrl).qrUrl).not.toContain(parent.activationCode);
  });

  it.each(layouts)('should lay out exactly ceil(n / per page) pages, full but the last (%s)', (layout) => {
    const perPage = SHEETS_PER_PAGE[layout];
    for (const count of [1, perPage, perPage + 1, 37]) {
      const html = renderHtml(layout, previewSheets(count), { publicUrl });
      const pages = html.split('<section class="page">').slice(1);
      expect(pages).toHaveLength(pageCount(layout, count));
      expect(pages.map((page) => sheetsOf(page).length)).toEqual(
        Array.from({ length: pages.length }, (_, i) => Math.min(perPage, count - i * perPage)),
      );
    }
  });

  it('should keep the sheets in the given order', () => {
    const sheets = previewSheets(20).map((sheet, i) => ({ ...sheet, login: `login.${i}` }));
    const html = renderHtml(SheetLayout.EIGHT_PER_PAGE, sheets, { publicUrl });
    expect([...html.matchAll(/class="login">(login\.\d+)</g)].map((match) => match[1])).toEqual(sheets.map((sheet) => sheet.login));
  });

  it('should leave the cards QR codes to the printer when asked, and keep the letters own', () => {
    const sheets = previewSheets(3);
    const images = (html: string) => html.match(/<img class="qr" src="data:image\/png;base64,/g)?.length ?? 0;
    expect(images(renderHtml(SheetLayout.EIGHT_PER_PAGE, sheets, { publicUrl }))).toBe(3);
    expect(images(renderHtml(SheetLayout.EIGHT_PER_PAGE, sheets, { publicUrl, stampedQr: true }))).toBe(0);
    expect(images(renderHtml(SheetLayout.ONE_PER_PAGE, sheets, { publicUrl, stampedQr: true }))).toBe(3);
    expect(images(renderHtml(SheetLayout.TWO_PER_PAGE, sheets, { publicUrl, stampedQr: true }))).toBe(3);
  });

  it('should refuse an unknown layout', () => {
    expect(() => renderHtml('TEN_PER_PAGE' as SheetLayout, [pupil], { publicUrl })).toThrow(/inconnu/);
  });
});
