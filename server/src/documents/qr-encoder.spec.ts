import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { encodeQr, MASK_PATTERN } from './qr-encoder';

/** The `qrcode` package's symbol for the same segment, level and mask: the reference. */
function reference(bytes: Uint8Array): { size: number; modules: number[] } {
  const { modules } = create([{ data: Buffer.from(bytes), mode: 'byte' }], { errorCorrectionLevel: 'M', maskPattern: MASK_PATTERN });
  return { size: modules.size, modules: Array.from(modules.data) };
}

/** Deterministic pseudo-random bytes (xorshift), so that a failure names its input. */
function bytesOf(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed * 2654435761 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('QR encoder (byte mode, level M, mask 2)', () => {
  it('should draw, module for module, the symbol qrcode draws for activation URLs', () => {
    for (const login of ['virginie.aubert', 'jean-baptiste.fontaine-dupre12345', 'a'.repeat(64), 'léa.n’diaye']) {
      const bytes = Buffer.from(`https://ent.ecole-exemple.fr/activation?login=${encodeURIComponent(login)}`);
      const { size, modules } = encodeQr(bytes);
      const expected = reference(bytes);
      expect(size).toBe(expected.size);
      expect(Array.from(modules)).toEqual(expected.modules);
    }
  });

  it('should match qrcode at every length from 0 to 400 bytes and up to version 40', () => {
    // Every length up to 400 bytes, then steps of 7 (versions hold at least 12 bytes more than the
    // one before) up to the largest symbol, 2,331 bytes.
    const lengths = [...Array.from({ length: 401 }, (_, i) => i), ...Array.from({ length: 276 }, (_, i) => 401 + i * 7), 2331];
    const versions = new Set<number>();
    for (const length of lengths) {
      const bytes = bytesOf(length, length + 1);
      const { size, modules } = encodeQr(bytes);
      const expected = reference(bytes);
      expect({ length, size }).toEqual({ length, size: expected.size });
      if (Array.from(modules).some((dark, i) => dark !== expected.modules[i])) throw new Error(`differs from qrcode at ${length} bytes`);
      versions.add((size - 17) / 4);
    }
    expect(versions.size).toBe(40);
  });

  it('should refuse, in French, a text too long for the largest symbol', () => {
    expect(() => encodeQr(new Uint8Array(2332))).toThrow('Texte trop long pour un QR code');
  });
});
