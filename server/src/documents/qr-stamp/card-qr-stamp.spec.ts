import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARD_GEOMETRY, cardQrOrigin } from './card-qr-stamp';

const css = readFileSync(join(__dirname, '../templates/sheets.css'), 'utf8');

/** The declarations of the first rule whose selector is exactly `selector`. */
function rule(selector: string): string {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?:^|\\n)${escaped}\\s*\\{([^}]*)\\}`).exec(css);
  if (!match) throw new Error(`no rule ${selector} in sheets.css`);
  return match[1]!.replace(/\/\*[\s\S]*?\*\//g, '');
}

describe('the cards QR codes drawn onto the PDF', () => {
  it('follow the geometry of « 8 par page » in sheets.css', () => {
    const page = rule('.EIGHT_PER_PAGE .page');
    expect(page).toMatch(new RegExp(`padding:\\s*${CARD_GEOMETRY.pagePaddingMm}mm;`));
    expect(page).toMatch(new RegExp(`grid-template-columns:\\s*repeat\\(${CARD_GEOMETRY.columns},\\s*${CARD_GEOMETRY.cardWidthMm}mm\\)`));
    expect(page).toMatch(new RegExp(`grid-template-rows:\\s*repeat\\(4,\\s*${CARD_GEOMETRY.cardHeightMm}mm\\)`));
    const card = rule('.card');
    expect(card).toMatch(new RegExp(`width:\\s*${CARD_GEOMETRY.cardWidthMm}mm;\\s*height:\\s*${CARD_GEOMETRY.cardHeightMm}mm`));
    const qr = rule('.card .qr');
    expect(qr).toMatch(new RegExp(`right:\\s*${CARD_GEOMETRY.qrRightMm}mm;\\s*bottom:\\s*${CARD_GEOMETRY.qrBottomMm}mm;`));
    expect(qr).toMatch(new RegExp(`width:\\s*${CARD_GEOMETRY.qrSizeMm}mm;\\s*height:\\s*${CARD_GEOMETRY.qrSizeMm}mm`));
  });

  it('put each code in the bottom right corner of its card, two cards a row', () => {
    expect(cardQrOrigin(0)).toEqual({ leftMm: 76.5, topMm: 46.5 });
    expect(cardQrOrigin(1)).toEqual({ leftMm: 171.5, topMm: 46.5 });
    expect(cardQrOrigin(7)).toEqual({ leftMm: 171.5, topMm: 238.5 });
  });
});
