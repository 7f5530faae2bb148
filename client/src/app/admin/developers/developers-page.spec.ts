import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOKEN_SCOPES } from '../api-clients/api-client-status';

/** Scopes that open fields of what other scopes read, and no root field of their own. */
const FIELDS_ONLY = ['directory:identity:read', 'contacts:read'];

const root = join(__dirname, '../../../../..');
/** The server's OPERATION_SCOPES, read as text (the client cannot import the server). */
function operationScopes(): [string, string][] {
  const source = readFileSync(join(root, 'server/src/platform/auth/token-scopes.ts'), 'utf8');
  const table = /export const OPERATION_SCOPES[^{]*\{([\s\S]*?)\n\};/.exec(source)![1];
  return [...table.matchAll(/'(?:Query|Mutation|Subscription)\.(\w+)': '([^']+)'/g)].map((match) => [match[1], match[2]]);
}

describe('« Développeurs »: what each scope opens', () => {
  it('names, in French and in English, every root field the server opens to each scope, and every scope opens something', () => {
    const opened = operationScopes();
    expect(opened.length).toBeGreaterThan(10);
    for (const lang of ['fr', 'en']) {
      const texts = (JSON.parse(readFileSync(join(root, `client/public/i18n/${lang}.json`), 'utf8')) as { developers: { scopes: { opens: Record<string, string> } } }).developers.scopes.opens;
      for (const scope of TOKEN_SCOPES) {
        const fields = opened.filter(([, needed]) => needed === scope).map(([field]) => field);
        const text = texts[scope];
        expect(text, `${lang} ${scope}`).toBeTruthy();
        for (const field of fields) expect(text, `${lang} ${scope}`).toMatch(new RegExp(`\\b${field}\\b`));
        if (!FIELDS_ONLY.includes(scope)) expect(fields.length, `${scope} opens no operation`).toBeGreaterThan(0);
      }
    }
  });
});
