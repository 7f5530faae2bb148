import { type ConnectionSheet, SHEETS_PER_PAGE, SheetLayout } from './connection-sheet';
import { type SheetView, toSheetView } from './sheet-view';
import { compileDocument, type DocumentTemplate } from './templates';

export interface RenderOptions {
  /** Préau's public address (PUBLIC_URL): printed as the connection address and behind the QR codes. */
  publicUrl: string;
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
  const perPage = SHEETS_PER_PAGE[layout];
  const pages: SheetView[][] = [];
  for (let start = 0; start < sheets.length; start += perPage) {
    pages.push(sheets.slice(start, start + perPage).map((sheet) => toSheetView(sheet, options.publicUrl)));
  }
  return template(layout)({ layout, pages });
}
