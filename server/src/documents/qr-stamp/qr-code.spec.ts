import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { QR_QUIET_ZONE, qrMatrix, qrPngDataUri } from './qr-code';

/** Decodes our 1-bit greyscale PNG back to dark (1) / light (0) pixels. */
function pngPixels(dataUri: string): { width: number; dark: (x: number, y: number) => boolean } {
  const png = Buffer.from(dataUri.replace(/^data:image\/png;base64,/, ''), 'base64');
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  const width = png.readUInt32BE(16);
  expect(png.readUInt32BE(20)).toBe(width);
  expect([png[24], png[25]]).toEqual([1, 0]); // bit depth 1, greyscale
  const idatStart = png.indexOf('IDAT', 0, 'latin1');
  const raw = inflateSync(png.subarray(idatStart + 4, idatStart + 4 + png.readUInt32BE(idatStart - 4)));
  const rowBytes = 1 + Math.ceil(width / 8);
  return { width, dark: (x, y) => (raw[y * rowBytes + 1 + (x >> 3)] & (0x80 >> (x & 7))) === 0 };
}

describe('QR codes', () => {
  const url = 'https://ent.ecole-exemple.fr/activation?login=virginie.aubert';

  it('should draw every module of the symbol, inside a white quiet zone', () => {
    const { size, modules } = qrMatrix(url);
    const { width, dark } = pngPixels(qrPngDataUri(url));
    expect(width).toBe(size + 2 * QR_QUIET_ZONE);
    for (let y = 0; y < width; y++) {
      for (let x = 0; x < width; x++) {
        const row = y - QR_QUIET_ZONE;
        const col = x - QR_QUIET_ZONE;
        const inside = row >= 0 && row < size && col >= 0 && col < size;
        expect(dark(x, y)).toBe(inside && modules[row * size + col] === 1);
      }
    }
  });

  it('should fit a 64-character alias and non-ASCII text', () => {
    expect(qrMatrix(`https://ent.ecole-exemple.fr/activation?login=${'a'.repeat(64)}`).size).toBeGreaterThan(21);
    expect(() => qrPngDataUri('https://ent.exemple.fr/é')).not.toThrow();
  });
});
