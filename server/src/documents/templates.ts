import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { SheetLayout } from './connection-sheet';
import type { SheetView } from './sheet-view';

/**
 * The .hbs and .css files sit next to this module: server/src/documents/templates under vitest,
 * dist/server/documents/templates once built (scripts/build-server.mjs copies every .hbs and .css
 * of server/src). Resolved from __dirname, so neither depends on the working directory.
 */
export const TEMPLATES_DIR = join(__dirname, 'templates');

/** The partial that draws one sheet, per layout; document.hbs lays them out page by page. */
const SHEET_PARTIALS: Record<SheetLayout, string> = {
  [SheetLayout.ONE_PER_PAGE]: 'letter.hbs',
  [SheetLayout.TWO_PER_PAGE]: 'half-letter.hbs',
  [SheetLayout.EIGHT_PER_PAGE]: 'card.hbs',
};

export interface DocumentContext {
  /** The layout's name, also the CSS class of <body> that selects its styles. */
  layout: SheetLayout;
  /** Sheets grouped by printed page. */
  pages: SheetView[][];
}

export type DocumentTemplate = (context: DocumentContext) => string;

function read(dir: string, name: string): string {
  return readFileSync(join(dir, name), 'utf8');
}

/**
 * Line indentation is dropped: it only becomes whitespace text nodes, which Chromium would parse
 * and lay out 1,600 times in an 8-per-page chunk. Newlines stay, so words never glue together.
 */
function unindent(source: string): string {
  return source.replace(/\n[ \t]+/g, '\n');
}

/**
 * Compiles the document template of one layout, in its own Handlebars environment (the `sheet`
 * partial differs per layout, and nothing registered globally can leak in). Strict mode makes a
 * misspelt field throw instead of printing nothing; only the built-in `if` and `each` helpers exist,
 * which lets Handlebars generate direct code.
 */
export function compileDocument(layout: SheetLayout, dir = TEMPLATES_DIR): DocumentTemplate {
  const handlebars = Handlebars.create();
  handlebars.registerPartial('styles', read(dir, 'sheets.css'));
  handlebars.registerPartial('sheet', unindent(read(dir, SHEET_PARTIALS[layout])));
  return handlebars.compile<DocumentContext>(unindent(read(dir, 'document.hbs')), {
    strict: true,
    knownHelpers: { if: true, each: true },
    knownHelpersOnly: true,
    preventIndent: true,
    data: false,
  });
}
