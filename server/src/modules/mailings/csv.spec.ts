import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, csvLine } from './csv';

describe('CSV cells for spreadsheets', () => {
  it('neutralises cells that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+33 6 12')).toBe("'+33 6 12");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
  });

  it('quotes separators, quotes and line breaks, and leaves plain text alone', () => {
    expect(csvCell('Dupont; Jean')).toBe('"Dupont; Jean"');
    expect(csvCell("O'Brien \"Jo\"")).toBe(`"O'Brien ""Jo"""`);
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('Éloïse')).toBe('Éloïse');
    expect(csvCell(null)).toBe('');
  });

  it('joins a line with semicolons and CRLF, after a UTF-8 BOM', () => {
    expect(csvLine(['Nom', 'Prénom'])).toBe('Nom;Prénom\r\n');
    expect(CSV_BOM.charCodeAt(0)).toBe(0xfeff);
  });
});
