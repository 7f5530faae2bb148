import { createHash } from 'node:crypto';
import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { MASK_PATTERN, qrMatrix } from './qr-code';

/**
 * The contract with `qrcode` that the stamping (qr-code.ts, card-qr-stamp.ts) relies on: `create`
 * returns its BitMatrix with `size` and `data`, one byte per module, row by row, 1 = dark, already
 * masked, with the level and mask asked for written in the format bits. The stamping reads that
 * array as it is, so a release that changed it would print unreadable codes: this file fails first.
 */

const url = (login: string) => `https://ent.ecole-exemple.fr/activation?login=${encodeURIComponent(login)}`;
const dark = (m: { size: number; modules: Uint8Array }, row: number, col: number) => m.modules[row * m.size + col] === 1;

/** The 15 format bits (ISO/IEC 18004 §7.9) for level M (00) and `mask`, BCH-protected and XOR-masked. */
function formatBits(mask: number): number {
  const data = (0b00 << 3) | mask;
  let remainder = data;
  for (let i = 0; i < 10; i++) remainder = (remainder << 1) ^ ((remainder >>> 9) * 0x537);
  return ((data << 10) | remainder) ^ 0x5412;
}

describe('qrcode, as the QR stamping reads it', () => {
  it('should give the symbol as one byte per module, row by row, 1 = dark, finders in three corners', () => {
    const matrix = qrMatrix(url('virginie.aubert'));
    const { modules: library } = create([{ data: Buffer.from(url('virginie.aubert')), mode: 'byte' }], { errorCorrectionLevel: 'M', maskPattern: 2 });
    expect(library.data).toBeInstanceOf(Uint8Array);
    expect(Array.from(matrix.modules)).toEqual(Array.from(library.data));
    expect(matrix.modules.length).toBe(matrix.size * matrix.size);
    expect(new Set(matrix.modules)).toEqual(new Set([0, 1]));
    // A finder: dark 7×7 ring, light ring, dark 3×3 centre; its light separator outside.
    for (const [top, left] of [
      [0, 0],
      [0, matrix.size - 7],
      [matrix.size - 7, 0],
    ] as const) {
      for (let r = 0; r < 7; r++) {
        for (let c = 0; c < 7; c++) {
          const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
          expect(dark(matrix, top + r, left + c), `finder at ${top},${left}: ${r},${c}`).toBe(ring !== 2);
        }
      }
    }
    // Timing pattern on row 6 and column 6, and the dark module beside the bottom-left finder.
    for (let i = 8; i < matrix.size - 8; i++) {
      expect(dark(matrix, 6, i)).toBe(i % 2 === 0);
      expect(dark(matrix, i, 6)).toBe(i % 2 === 0);
    }
    expect(dark(matrix, matrix.size - 8, 8)).toBe(true);
  });

  it('should announce level M and mask 2 in both copies of the format bits', () => {
    const matrix = qrMatrix(url('jean-baptiste.fontaine-dupre12345'));
    const { size } = matrix;
    const bit = (row: number, col: number) => (dark(matrix, row, col) ? 1 : 0);
    // Copy 1 around the top-left finder, copy 2 split between the other two finders; bit i at places[i] (row, column).
    const first = [[0, 8], [1, 8], [2, 8], [3, 8], [4, 8], [5, 8], [7, 8], [8, 8], [8, 7], [8, 5], [8, 4], [8, 3], [8, 2], [8, 1], [8, 0]];
    const second = [...Array.from({ length: 8 }, (_, i) => [8, size - 1 - i]), ...Array.from({ length: 7 }, (_, i) => [size - 7 + i, 8])];
    const read = (places: number[][]) => places.reduce((value, [row, col], i) => value | (bit(row!, col!) << i), 0);
    expect(MASK_PATTERN).toBe(2);
    expect(read(first)).toBe(formatBits(2));
    expect(read(second)).toBe(formatBits(2));
  });

  it('should keep drawing the symbols printed so far (those of the hand-written encoder it replaced)', () => {
    // SHA-256 of the modules (first 16 hex digits) that the former qr-encoder.ts drew, itself checked
    // module for module against qrcode 1.5.4 over versions 1 to 40.
    const printed = {
      'virginie.aubert': [33, 'ffb6535fdafcbffa'],
      'jean-baptiste.fontaine-dupre12345': [37, 'bd66c68988d373da'],
      ['a'.repeat(64)]: [45, 'faca59126ef28ea4'],
      'léa.n’diaye': [37, '48f5ae61f03b852b'],
    };
    for (const [login, [size, digest]] of Object.entries(printed)) {
      const matrix = qrMatrix(url(login));
      expect({ login, size: matrix.size, digest: createHash('sha256').update(matrix.modules).digest('hex').slice(0, 16) }).toEqual({ login, size, digest });
    }
  });

  it('should encode the text as one byte segment, whatever characters it holds', () => {
    // qrcode's default for a string mixes numeric, alphanumeric and byte segments: not what we print.
    const text = 'HTTPS://ENT.EXEMPLE.FR/12345678901234567890';
    const { segments } = create([{ data: Buffer.from(text), mode: 'byte' }], { errorCorrectionLevel: 'M', maskPattern: 2 });
    expect(segments.map((segment) => segment.mode.id)).toEqual(['Byte']);
    expect(qrMatrix(text).modules).toEqual(create([{ data: Buffer.from(text), mode: 'byte' }], { errorCorrectionLevel: 'M', maskPattern: 2 }).modules.data);
  });

  it('should refuse a text too long for the largest symbol', () => {
    expect(qrMatrix('a'.repeat(2331)).size).toBe(177);
    expect(() => qrMatrix('a'.repeat(2332))).toThrow();
  });
});
