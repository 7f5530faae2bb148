import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, generateCode, looksLikeCode } from './codes';
import { SecretBox } from './secret-box';

describe(SecretBox.name, () => {
  const box = new SecretBox(randomBytes(32));

  it('should give back what it sealed, never storing it in clear', () => {
    const sealed = box.seal('3n6g8fmj');
    expect(sealed).not.toContain('3n6g8fmj');
    expect(box.open(sealed)).toBe('3n6g8fmj');
  });

  it('should use a fresh IV each time', () => {
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('should refuse a tampered secret or another key', () => {
    const sealed = box.seal('wgyr53h4');
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => box.open(tampered)).toThrow();
    expect(() => new SecretBox(randomBytes(32)).open(sealed)).toThrow();
  });

  it('should generate its key once into the data folder and reuse it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'preau-key-'));
    const sealed = SecretBox.fromConfig(undefined, dir).seal('abc');
    expect(readFileSync(join(dir, 'secret.key'), 'utf8')).toMatch(/^[0-9a-f]{64}$/);
    expect(SecretBox.fromConfig(undefined, dir).open(sealed)).toBe('abc');
  });

  it('should take a hex key from the environment', () => {
    const key = randomBytes(32).toString('hex');
    expect(SecretBox.fromConfig(key, '/nonexistent').open(SecretBox.fromConfig(key, '/nonexistent').seal('x'))).toBe('x');
  });
});

describe('generateCode', () => {
  it('should make 8 characters from the look-alike-free alphabet', () => {
    for (let i = 0; i < 500; i++) {
      const code = generateCode();
      expect(code).toMatch(/^[abcdefghjkmnprstvwxyz3456789]{8}$/);
      expect(looksLikeCode(code)).toBe(true);
    }
    expect(CODE_ALPHABET).not.toMatch(/[01ilouq2]/);
  });

  it('should use every character of the alphabet (uniform source)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 400; i++) for (const c of generateCode()) seen.add(c);
    expect(seen.size).toBe(CODE_ALPHABET.length);
  });
});
