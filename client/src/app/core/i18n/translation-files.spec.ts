import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const I18N = join(__dirname, '../../../../public/i18n');
const load = (language: string): unknown => JSON.parse(readFileSync(join(I18N, `${language}.json`), 'utf8'));

/** Every leaf as `a.b.c` → its text. */
function leaves(value: unknown, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      for (const [path, text] of leaves(child, prefix ? `${prefix}.${key}` : key)) found.set(path, text);
    }
  } else {
    found.set(prefix, String(value));
  }
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

describe('fr.json and en.json', () => {
  const fr = leaves(load('fr'));
  const en = leaves(load('en'));

  it('have the same keys', () => {
    expect([...fr.keys()].filter((key) => !en.has(key)), 'in fr.json only').toEqual([]);
    expect([...en.keys()].filter((key) => !fr.has(key)), 'in en.json only').toEqual([]);
  });

  it('use the same {{ parameters }} in each text', () => {
    const differing = [...fr].filter(([key, text]) => en.has(key) && placeholders(text).join() !== placeholders(en.get(key)!).join());
    expect(differing.map(([key]) => key)).toEqual([]);
  });
});
