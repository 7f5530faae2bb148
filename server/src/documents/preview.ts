/**
 * Writes a preview of the connection sheets from made-up accounts (preview-data.ts), to check the
 * templates by eye without a database:
 *
 *   npm run build && node dist/server/documents/preview.js [1|2|8|LAYOUT] [out.pdf|out.html] [count]
 *
 * A .html output is the document Chromium would print (open it in a browser, print preview shows
 * the pages); a .pdf goes through the real printer. PUBLIC_URL and CHROMIUM_PATH are honoured.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SheetLayout, SHEETS_PER_PAGE } from './connection-sheet';
import { PREVIEW_SHEETS, previewSheets } from './preview-data';
import { SheetPrinter } from './sheet-printer';
import { renderHtml } from './sheet-renderer';

const LAYOUTS: Record<string, SheetLayout> = { '1': SheetLayout.ONE_PER_PAGE, '2': SheetLayout.TWO_PER_PAGE, '8': SheetLayout.EIGHT_PER_PAGE };

function parseLayout(raw: string | undefined): SheetLayout {
  if (!raw) return SheetLayout.ONE_PER_PAGE;
  const layout = LAYOUTS[raw] ?? (Object.values(SheetLayout) as string[]).find((name) => name === raw.toUpperCase());
  if (!layout) throw new Error(`Modèle inconnu « ${raw} » : 1, 2, 8, ${Object.values(SheetLayout).join(', ')}.`);
  return layout as SheetLayout;
}

async function main(): Promise<void> {
  const [rawLayout, rawOut, rawCount] = process.argv.slice(2);
  const layout = parseLayout(rawLayout);
  const out = resolve(rawOut ?? `fiches-${SHEETS_PER_PAGE[layout]}-par-page.pdf`);
  const count = rawCount ? Number(rawCount) : PREVIEW_SHEETS.length;
  if (!Number.isInteger(count) || count < 1) throw new Error(`Nombre de fiches invalide : ${rawCount}`);
  const publicUrl = (process.env.PUBLIC_URL || 'https://ent.ecole-exemple.fr').replace(/\/+$/, '');
  const sheets = previewSheets(count);
  if (out.endsWith('.html')) {
    writeFileSync(out, renderHtml(layout, sheets, { publicUrl }));
  } else {
    const printer = new SheetPrinter({ publicUrl });
    try {
      writeFileSync(out, await printer.print(layout, sheets.length, async (offset, limit) => sheets.slice(offset, offset + limit)));
    } finally {
      await printer.close();
    }
  }
  console.log(`${out} : ${sheets.length} fiches, modèle ${layout}.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
