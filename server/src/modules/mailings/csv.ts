/**
 * One CSV cell for spreadsheet software (Excel, LibreOffice): `;`-separated, quoted when needed, and
 * a cell starting with = + - @ (or a tab / carriage return) prefixed with an apostrophe so that it is
 * shown as text and never run as a formula (CSV injection).
 */
export function csvCell(value: string | null | undefined): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: (string | null | undefined)[]): string {
  return `${cells.map(csvCell).join(';')}\r\n`;
}

/** UTF-8 byte order mark: Excel otherwise reads the accents as Windows-1252. */
export const CSV_BOM = '\uFEFF';
