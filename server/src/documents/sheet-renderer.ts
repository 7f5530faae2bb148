import { type ConnectionSheet, SHEETS_PER_PAGE, SheetLayout } from './connection-sheet';
import { toSheetView } from './sheet-view';
import { compileDocument, type DocumentTemplate } from './templates';

export interface RenderOptions {
  /** Préau's public address (PUBLIC_URL): printed as the connection address and behind the QR codes. */
  publicUrl: string;
  /**
   * « 8 par page » only: leave the QR codes out of the HTML, for the printer draws them onto the
   * PDF (card-qr-stamp.ts). Previews and the other layouts always have them inline.
   */
  stampedQr?: boolean;
}

/** Compiled on first use, then reused by every chunk of every job. */
const compiled = new Map<SheetLayout, DocumentTemplate>();

function template(layout: SheetLayout): DocumentTemplate {
  let found = compiled.get(layout);
  if (!found) {
    found = compileDocument(layout);
    compiled.set(layout, found);
  }
  return found;
}

/** Printed pages for `sheets` sheets: every page is full but the last. */
export function pageCount(layout: SheetLayout, sheets: number): number {
  return Math.ceil(sheets / SHEETS_PER_PAGE[layout]);
}

/**
 * One self-contained HTML document (styles inline, no external resource, no script) printing
 * `sheets` in order: one fixed-size A4 block per page, `SHEETS_PER_PAGE[layout]` sheets on each.
 * User data is only ever printed as escaped text.
 */
export function renderHtml(layout: SheetLayout, sheets: readonly ConnectionSheet[], options: RenderOptions): string {
  if (!(layout in SHEETS_PER_PAGE)) throw new Error(`Modèle de publipostage inconnu : ${layout}`);
  const inlineQr = !(options.stampedQr && qrStampedOn(layout));
  const pages = sheetsByPage(layout, sheets).map((page) => page.map((sheet) => toSheetView(sheet, options.publicUrl, inlineQr)));
  return template(layout)({ layout, pages });
}

/** Whether a layout can have its QR codes drawn onto the PDF (card-qr-stamp.ts): the cards only. */
export function qrStampedOn(layout: SheetLayout): boolean {
  return layout === SheetLayout.EIGHT_PER_PAGE;
}

/** `sheets` grouped as they fall on the printed pages. */
export function sheetsByPage<T>(layout: SheetLayout, sheets: readonly T[]): T[][] {
  const perPage = SHEETS_PER_PAGE[layout];
  const pages: T[][] = [];
  for (let start = 0; start < sheets.length; start += perPage) pages.push(sheets.slice(start, start + perPage));
  return pages;
}
