import { execFileSync } from 'node:child_process';

/** Number of pages of a PDF, read by poppler's `pdfinfo`. */
export function pdfPageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const match = /^Pages:\s+(\d+)/m.exec(info);
  if (!match) throw new Error(`pdfinfo: no page count for ${file}:\n${info}`);
  return Number(match[1]);
}

/**
 * The text of a PDF in the order it was drawn (`pdftotext -raw`): Chromium draws the sheets in
 * document order, so the cards of « 8 par page » come row by row, and a long login that wraps under
 * « Identifiant : » stays next to it (`-layout` would interleave the two columns' lines).
 */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The « Identifiant : … » and « Code d'activation : … » values of a connection-sheet PDF, in reading order. */
export function sheetCredentials(text: string): { identifiers: string[]; codes: string[] } {
  return {
    identifiers: [...text.matchAll(/Identifiant\s*:\s*([0-9a-z.]+)/g)].map((match) => match[1]),
    codes: [...text.matchAll(/Code d.activation\s*:\s*([a-z0-9]{8})\b/g)].map((match) => match[1]),
  };
}
