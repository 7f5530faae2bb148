import { crc32 } from 'node:zlib';
import { create } from 'qrcode';

/** Modules of white border around the symbol: the standard's 4, so a scanner finds the edges. */
export const QR_QUIET_ZONE = 4;

/**
 * The symbol's dark modules, row by row (1 = dark), `size` × `size`, quiet zone not included:
 * `qrcode`'s own BitMatrix, read as it is (qrcode-contract.spec.ts holds it to that layout).
 */
export interface QrMatrix {
  size: number;
  modules: Uint8Array;
}

/** Mask pattern 2, always: see `qrMatrix`. */
export const MASK_PATTERN = 2;

/**
 * Encodes `text` (UTF-8) as one byte-mode segment with error correction M (a printed sheet may be
 * folded or smudged) and mask pattern 2 always. Letting an encoder pick the best mask evaluates
 * all eight, 90 % of its time; on 1,500 sample activation URLs mask 2 was the best or nearly, and a
 * decoder reads whatever mask the format bits announce. One byte segment rather than `qrcode`'s
 * own mix of modes: the symbols stay those printed so far.
 */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = create([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: 'M', maskPattern: MASK_PATTERN });
  return { size: modules.size, modules: modules.data };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Adler-32 of `data` (the zlib stream's checksum). */
function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < data.length; i++) {
    a = (a + data[i]) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/**
 * Writes the QR code as 1-bit rows, one bit per module, quiet zone included, 1 = white (greyscale
 * PNG and PDF DeviceGray alike): row y starts at `y * rowBytes + rowOffset` in `out` (a PNG row
 * begins with its filter byte); bytes before `rowOffset` in each row are left as they are.
 */
export function writeQrRows(matrix: QrMatrix, out: Uint8Array, rowBytes: number, rowOffset = 0): void {
  const { size, modules } = matrix;
  const width = size + 2 * QR_QUIET_ZONE;
  const bitBytes = Math.ceil(width / 8);
  for (let y = 0; y < width; y++) out.fill(0xff, y * rowBytes + rowOffset, y * rowBytes + rowOffset + bitBytes);
  for (let row = 0; row < size; row++) {
    const line = (row + QR_QUIET_ZONE) * rowBytes + rowOffset;
    for (let col = 0; col < size; col++) {
      if (modules[row * size + col]) {
        const x = col + QR_QUIET_ZONE;
        out[line + (x >> 3)] &= ~(0x80 >> (x & 7));
      }
    }
  }
}

/**
 * The QR code as a 1-bit greyscale PNG, one pixel per module, quiet zone included, in a data: URI
 * for an `<img>`.
 *
 * Why an image rather than inline SVG: Chromium turns every dark run of an SVG path into PDF
 * vector operations, ~300 per code, and printed the SVG slower (docs/performance.md, bench/pdf). The
 * PDF image has no /Interpolate flag, so viewers and printers draw square modules; even a viewer
 * that smoothed it would keep the 50 % edge of each module in place. Scanned back with zbarimg
 * from 200 dpi renderings (sheet-printer.int-spec.ts).
 *
 * Written by hand, in one buffer: the pixels (~300 bytes; 4.6 KB for the largest symbol, within
 * one block) go in a *stored* (uncompressed) zlib block, as Chromium decodes the image and
 * compresses it again for the PDF anyway; zlib's per-call set-up cost more than the whole rest.
 */
export function qrPngDataUri(text: string): string {
  const matrix = qrMatrix(text);
  const width = matrix.size + 2 * QR_QUIET_ZONE;
  const rowBytes = 1 + Math.ceil(width / 8); // filter byte "none", then 8 pixels a byte
  const rawLength = rowBytes * width;
  const idatLength = 2 + 5 + rawLength + 4; // zlib header, stored block header, data, Adler-32
  const png = Buffer.alloc(8 + 25 + 12 + idatLength + 12);
  let at = 0;
  for (const byte of PNG_SIGNATURE) png[at++] = byte;
  const chunk = (type: string, length: number, write: (start: number) => void) => {
    png.writeUInt32BE(length, at);
    png.write(type, at + 4, 'latin1');
    write(at + 8);
    png.writeUInt32BE(crc32(png.subarray(at + 4, at + 8 + length)), at + 8 + length);
    at += 12 + length;
  };
  chunk('IHDR', 13, (start) => {
    png.writeUInt32BE(width, start);
    png.writeUInt32BE(width, start + 4);
    png[start + 8] = 1; // bit depth; colour type 0 (greyscale), default compression, filter, no interlace
  });
  chunk('IDAT', idatLength, (start) => {
    png[start] = 0x78; // deflate, 32 KB window
    png[start + 1] = 0x01; // no preset dictionary, check bits
    png[start + 2] = 0x01; // final block, stored
    png.writeUInt16LE(rawLength, start + 3);
    png.writeUInt16LE(~rawLength & 0xffff, start + 5);
    const raw = png.subarray(start + 7, start + 7 + rawLength);
    // Each row's first byte stays 0 (filter "none"; Buffer.alloc zeroed it); pad bits are ignored.
    writeQrRows(matrix, raw, rowBytes, 1);
    png.writeUInt32BE(adler32(raw), start + 7 + rawLength);
  });
  chunk('IEND', 0, () => undefined);
  return `data:image/png;base64,${png.toString('base64')}`;
}
