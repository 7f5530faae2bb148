import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { Profile } from '../platform/model/profile';
import { ChromiumHost } from './chromium';
import { type ConnectionSheet, SHEETS_PER_PAGE, SheetLayout } from './connection-sheet';
import { SheetPrinter } from './sheet-printer';
import { renderHtml } from './sheet-renderer';
import { sheetUrl } from './sheet-view';
import { hasTool } from '../test-support/pdf-text';

// Real Chromium (CHROMIUM_PATH or /usr/bin/chromium) and poppler-utils (pdftotext, pdftoppm).
const publicUrl = 'https://ent.ecole-exemple.fr';
const work = mkdtempSync(join(tmpdir(), 'preau-sheets-'));
const chromium = new ChromiumHost();
const printers: SheetPrinter[] = [];

function printer(options: { pagesPerChunk?: number; concurrency?: number } = {}): SheetPrinter {
  const created = new SheetPrinter({ chromium, publicUrl, ...options });
  printers.push(created);
  return created;
}

afterAll(async () => {
  await Promise.all(printers.map((p) => p.close()));
  await chromium.close();
  rmSync(work, { recursive: true, force: true });
});

/** Numbered accounts: logins and codes unique and never a prefix of one another. */
function numbered(count: number): ConnectionSheet[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i).padStart(3, '0');
    const parent = i % 4 === 1;
    return {
      firstName: `Prénom${n}`,
      lastName: `Nom${n}`,
      profile: parent ? Profile.RELATIVE : Profile.STUDENT,
      login: `compte.${n}`,
      activationCode: i % 10 === 9 ? null : `code${n}x`,
      classes: ['CE1 A'],
      children: parent ? [{ firstName: `Enfant${n}`, lastName: `Nom${n}`, classes: ['CE1 A'] }] : [],
      school: 'École élémentaire Jules Ferry',
    };
  });
}

function loaderOf(sheets: ConnectionSheet[], calls: [number, number][] = []) {
  return async (offset: number, limit: number) => {
    calls.push([offset, limit]);
    return sheets.slice(offset, offset + limit);
  };
}

let files = 0;
function save(pdf: Uint8Array): string {
  const path = join(work, `sheets-${++files}.pdf`);
  writeFileSync(path, pdf);
  return path;
}

/** Pages as poppler counts them (pdfinfo), checked against pdf-lib's own count of the page tree. */
async function pageCount(pdf: Uint8Array): Promise<number> {
  const info = execFileSync('pdfinfo', [save(pdf)], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  expect((await PDFDocument.load(pdf)).getPageCount()).toBe(pages);
  return pages;
}

/** pdftotext, with non-breaking spaces made plain. `raw` keeps the drawing order (sheet by sheet). */
function text(pdf: Uint8Array, options: { page?: number; raw?: boolean } = {}): string {
  const args = [options.raw ? '-raw' : '-layout'];
  if (options.page) args.push('-f', String(options.page), '-l', String(options.page));
  return execFileSync('pdftotext', [...args, save(pdf), '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ');
}

/** Each needle found after the previous one. */
function expectInOrder(haystack: string, needles: string[]): void {
  let from = 0;
  for (const needle of needles) {
    const at = haystack.indexOf(needle, from);
    expect(at, `« ${needle} » after offset ${from}`).toBeGreaterThanOrEqual(0);
    from = at + needle.length;
  }
}

/** SIGKILLs the Chromium browser process this test process launched: a crash, as far as it can tell. */
function killChromium(): void {
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === process.pid && readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes('chromium')) {
        process.kill(Number(pid), 'SIGKILL');
      }
    } catch {
      // gone meanwhile
    }
  }
}


describe(SheetPrinter.name, () => {
  const sheets = numbered(37);

  it.each(Object.values(SheetLayout))('should print 37 sheets on ceil(37 / per page) pages, in order (%s)', async (layout) => {
    const progress: number[] = [];
    const pdf = await printer().print(layout, sheets.length, loaderOf(sheets), (done) => progress.push(done));
    expect(await pageCount(pdf)).toBe(Math.ceil(37 / SHEETS_PER_PAGE[layout]));
    expect(progress.at(-1)).toBe(37);
    // Drawing order (-raw): the two columns of cards are not always aligned line by line.
    const printed = text(pdf, { raw: true });
    expectInOrder(printed, sheets.map((sheet) => `Identifiant : ${sheet.login}`));
    expectInOrder(printed, sheets.filter((sheet) => sheet.activationCode).map((sheet) => `Code d'activation : ${sheet.activationCode}`));
    expect(printed.match(/déjà activé/g)).toHaveLength(3);
    if (layout === SheetLayout.EIGHT_PER_PAGE) {
      expect(printed).toContain("Responsable d'Enfant001 NOM001 (CE1 A)");
      expect(printed).toContain('Classe : CE1 A');
      expect(printed).toContain('Adresse de connexion :');
    } else {
      expect(printed).toContain("À l'attention de Prénom000 NOM000");
      expect(printed).toContain('Votre nouveau mot de passe doit contenir au moins 8 caractères');
    }
  });

  it('should keep a card with a very long name on its page, its login and code whole', async () => {
    const long = numbered(9);
    long[2] = {
      ...long[2],
      firstName: 'Marie-Héloïse-Anne-Sophie-Clémentine-Bérénice-Eugénie-Joséphine',
      lastName: 'de La Tour d’Auvergne-Montmorency-Saint-Germain-des-Prés-Wolfeschlegelsteinhausenbergerdorff',
      profile: Profile.RELATIVE,
      children: Array.from({ length: 6 }, (_, i) => ({ firstName: `Enfant-Numéro-${i}-Aux-Prénoms-Multiples`, lastName: 'de La Tour d’Auvergne-Montmorency', classes: ['CM2 B'] })),
      login: `${'tres.long.alias.'.repeat(4)}`.slice(0, 64),
    };
    const pdf = await printer().print(SheetLayout.EIGHT_PER_PAGE, long.length, loaderOf(long));
    expect(await pageCount(pdf)).toBe(2);
    const firstPage = text(pdf, { page: 1, raw: true }).replace(/\s+/g, '');
    for (const sheet of long.slice(0, 8)) {
      expect(firstPage).toContain(`Identifiant:${sheet.login}`);
      expect(firstPage).toContain(`Coded'activation:${sheet.activationCode}`);
    }
    expect(text(pdf, { page: 2 })).toContain('Identifiant : compte.008');
  });

  it('should cut a long job into chunks, load them in order once each, and merge them in order', async () => {
    const calls: [number, number][] = [];
    const progress: number[] = [];
    // 2 pages of 8 cards per Chromium call: 16 + 16 + 5 sheets.
    const pdf = await printer({ pagesPerChunk: 2 }).print(SheetLayout.EIGHT_PER_PAGE, 37, loaderOf(sheets, calls), (done) => progress.push(done));
    expect(calls).toEqual([
      [0, 16],
      [16, 16],
      [32, 5],
    ]);
    expect(progress).toEqual([16, 32, 37]);
    expect(await pageCount(pdf)).toBe(5);
    expectInOrder(text(pdf, { raw: true }), sheets.map((sheet) => `Identifiant : ${sheet.login}`));
  });

  it('should cut a mid-size job into smaller chunks than the maximum, so that progress moves often', async () => {
    const letters = numbered(150);
    const calls: [number, number][] = [];
    const progress: number[] = [];
    const pdf = await printer().print(SheetLayout.ONE_PER_PAGE, 150, loaderOf(letters, calls), (done) => progress.push(done));
    expect(calls).toEqual([
      [0, 50],
      [50, 50],
      [100, 50],
    ]);
    expect(progress).toEqual([50, 100, 150]);
    expect(await pageCount(pdf)).toBe(150);
    expectInOrder(text(pdf, { raw: true }), letters.map((sheet) => `Identifiant : ${sheet.login}`));
  });

  it('should merge many chunks printed two at a time in order', async () => {
    const pdf = await printer({ pagesPerChunk: 3, concurrency: 2 }).print(SheetLayout.ONE_PER_PAGE, 37, loaderOf(sheets));
    expect(await pageCount(pdf)).toBe(37);
    for (const page of [1, 3, 4, 20, 37]) {
      expect(text(pdf, { page })).toContain(`Identifiant : ${sheets[page - 1].login}`);
    }
  });

  it('should print what the loader still finds when accounts went away', async () => {
    const progress: number[] = [];
    const few = numbered(17);
    const pdf = await printer({ pagesPerChunk: 1 }).print(SheetLayout.EIGHT_PER_PAGE, 20, loaderOf(few), (done) => progress.push(done));
    expect(progress).toEqual([8, 16, 17]);
    expect(await pageCount(pdf)).toBe(3);
  });

  it('should reject a job with nothing to print, and a loader failure, and go on printing after', async () => {
    const shared = printer({ pagesPerChunk: 1 });
    await expect(shared.print(SheetLayout.ONE_PER_PAGE, 0, loaderOf([]))).rejects.toThrow(/Aucune fiche/);
    await expect(
      shared.print(SheetLayout.ONE_PER_PAGE, 3, async (offset) => {
        if (offset === 1) throw new Error('base indisponible');
        return sheets.slice(offset, offset + 1);
      }),
    ).rejects.toThrow('base indisponible');
    expect(await pageCount(await shared.print(SheetLayout.ONE_PER_PAGE, 2, loaderOf(sheets)))).toBe(2);
  });

  it('should relaunch Chromium when it died between jobs', async () => {
    const shared = printer();
    await shared.print(SheetLayout.TWO_PER_PAGE, 2, loaderOf(sheets));
    await (await chromium.browser()).close(); // as if it had crashed
    expect(await pageCount(await shared.print(SheetLayout.TWO_PER_PAGE, 3, loaderOf(sheets)))).toBe(2);
  });

  it('should finish a job whose Chromium died in the middle, retrying the chunks it was printing', async () => {
    let killed = false;
    const pdf = await printer({ pagesPerChunk: 1 }).print(SheetLayout.TWO_PER_PAGE, 16, loaderOf(sheets), () => {
      if (killed) return;
      killed = true;
      killChromium();
    });
    expect(killed).toBe(true);
    expect(await pageCount(pdf)).toBe(8);
    expectInOrder(text(pdf, { raw: true }), sheets.slice(0, 16).map((sheet) => `Identifiant : ${sheet.login}`));
  });

  it.skipIf(!hasTool('zbarimg') || !hasTool('pdftoppm'))('should print QR codes that scan to the activation page of the login', async () => {
    const two = [sheets[0], sheets[9]]; // the second one is activated
    const path = save(await printer().print(SheetLayout.ONE_PER_PAGE, 2, loaderOf(two)));
    execFileSync('pdftoppm', ['-r', '200', '-png', path, join(work, 'qr')]);
    const pages = readdirSync(work).filter((name) => name.startsWith('qr')).sort();
    const decoded = pages.map((name) =>
      execFileSync('zbarimg', ['-q', '--raw', join(work, name)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
    );
    expect(decoded).toEqual([`${publicUrl}/activation?login=compte.000`, `${publicUrl}/connexion?login=compte.009`]);
  });

  it.skipIf(!hasTool('zbarimg') || !hasTool('pdftoppm'))('should draw each card\'s QR code where Chromium drew it inline, scanning to its login', async () => {
    const cards = sheets.slice(0, 10);
    const stamped = await printer().print(SheetLayout.EIGHT_PER_PAGE, cards.length, loaderOf(cards));
    // Chromium's own rendering of the same cards with the codes inline, as the previews have them.
    const inline = await printer().printHtml(renderHtml(SheetLayout.EIGHT_PER_PAGE, cards, { publicUrl }));
    expect(await pageCount(stamped)).toBe(2);

    const scanned = (pdf: Uint8Array, page: number) => {
      const prefix = join(work, `scan-${++files}`);
      execFileSync('pdftoppm', ['-r', '200', '-png', '-f', String(page), '-l', String(page), '-singlefile', save(pdf), prefix]);
      const out = execFileSync('zbarimg', ['-q', '--raw', `${prefix}.png`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      return out.trim().split('\n').sort();
    };
    const urls = cards.map((sheet) => sheetUrl(publicUrl, sheet));
    expect(scanned(stamped, 1)).toEqual(urls.slice(0, 8).sort());
    expect(scanned(stamped, 2)).toEqual(urls.slice(8).sort());

    // Same place, same size: the two renderings differ by no more than anti-aliasing.
    for (const page of [1, 2]) {
      const a = grey(stamped, page);
      const b = grey(inline, page);
      expect([a.width, a.height]).toEqual([b.width, b.height]);
      let differing = 0;
      let dark = 0;
      for (let i = 0; i < a.pixels.length; i++) {
        if (Math.abs(a.pixels[i]! - b.pixels[i]!) > 96) differing++;
        if (b.pixels[i]! < 128) dark++;
      }
      expect(dark).toBeGreaterThan(1000);
      expect(differing / dark).toBeLessThan(0.02);
    }
  });

  /** One page rasterised in shades of grey (pdftoppm's PGM: a short header, then a byte a pixel). */
  function grey(pdf: Uint8Array, page: number): { width: number; height: number; pixels: Uint8Array } {
    const prefix = join(work, `grey-${++files}`);
    execFileSync('pdftoppm', ['-r', '100', '-gray', '-f', String(page), '-l', String(page), '-singlefile', save(pdf), prefix]);
    const data = readFileSync(`${prefix}.pgm`);
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(data.toString('latin1', 0, 40))!;
    return { width: Number(header[1]), height: Number(header[2]), pixels: data.subarray(header[0].length) };
  }
});
