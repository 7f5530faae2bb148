import { PDFDict, type PDFDocument, PDFName, type PDFRef } from 'pdf-lib';
import { QR_QUIET_ZONE, type QrMatrix, writeQrRows } from './qr-code';

/**
 * Where « 8 par page » puts each card's QR code, in millimetres from the page's top-left corner:
 * the geometry of `.EIGHT_PER_PAGE .page`, `.card` and `.card .qr` in sheets.css (kept equal by
 * card-qr-stamp.spec.ts, which reads the stylesheet).
 */
export const CARD_GEOMETRY = {
  pagePaddingMm: 10,
  cardWidthMm: 95,
  cardHeightMm: 64,
  columns: 2,
  qrSizeMm: 24,
  qrRightMm: 4.5,
  qrBottomMm: 3.5,
} as const;

const PT_PER_MM = 72 / 25.4;

/** Top-left corner (mm) of the QR code of the `index`-th card of a page, quiet zone included. */
export function cardQrOrigin(index: number): { leftMm: number; topMm: number } {
  const g = CARD_GEOMETRY;
  const column = index % g.columns;
  const row = Math.floor(index / g.columns);
  return {
    leftMm: g.pagePaddingMm + column * g.cardWidthMm + g.cardWidthMm - g.qrRightMm - g.qrSizeMm,
    topMm: g.pagePaddingMm + row * g.cardHeightMm + g.cardHeightMm - g.qrBottomMm - g.qrSizeMm,
  };
}

const round = (value: number) => Number(value.toFixed(3));

/**
 * One QR code as a PDF image: 1 bit per pixel, one pixel per module, quiet zone included, black
 * on white, drawn without interpolation (square modules, as Chromium drew its own images).
 */
function qrImage(document: PDFDocument, matrix: QrMatrix): PDFRef {
  const width = matrix.size + 2 * QR_QUIET_ZONE;
  const rowBytes = Math.ceil(width / 8);
  const bits = new Uint8Array(rowBytes * width);
  writeQrRows(matrix, bits, rowBytes);
  const image = document.context.stream(bits, { Type: 'XObject', Subtype: 'Image', Width: width, Height: width, ColorSpace: 'DeviceGray', BitsPerComponent: 1 });
  return document.context.register(image);
}

/**
 * Draws the cards' QR codes onto Chromium's pages of « 8 par page ». Chromium printed each code
 * as an image of its own, decoding it and encoding it again into the PDF: stamping them here prints
 * about twice the cards per second (docs/performance.md, sessions 5 and 8). Here each code
 * is a 1-bit image written as it is (~250 bytes). `codes[p]` are page p's codes, in card order.
 */
export function stampCardQrCodes(document: PDFDocument, codes: readonly (readonly QrMatrix[])[]): void {
  const pages = document.getPages();
  if (pages.length !== codes.length) throw new Error(`QR codes for ${codes.length} pages, ${pages.length} pages printed`);
  const sizePt = round(CARD_GEOMETRY.qrSizeMm * PT_PER_MM);
  pages.forEach((page, index) => {
    const box = page.getMediaBox();
    const top = box.y + box.height;
    // Chromium's own drawing is wrapped in q … Q first, so that its last transformation does not
    // apply to the codes; the page gets resources of its own (Chromium's may be shared).
    page.node.normalize();
    const resources = page.node.Resources()!.clone();
    const images = (resources.lookupMaybe(PDFName.of('XObject'), PDFDict)?.clone() ?? document.context.obj({})) as PDFDict;
    resources.set(PDFName.of('XObject'), images);
    page.node.set(PDFName.of('Resources'), resources);
    let operators = '';
    codes[index]!.forEach((matrix, card) => {
      const name = `PreauQr${card}`;
      images.set(PDFName.of(name), qrImage(document, matrix));
      const { leftMm, topMm } = cardQrOrigin(card);
      const left = round(box.x + leftMm * PT_PER_MM);
      const bottom = round(top - topMm * PT_PER_MM - sizePt);
      operators += `q ${sizePt} 0 0 ${sizePt} ${left} ${bottom} cm /${name} Do Q\n`;
    });
    page.node.addContentStream(document.context.register(document.context.stream(operators)));
  });
}
