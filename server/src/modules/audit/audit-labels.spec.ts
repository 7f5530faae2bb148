import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditSentence } from '../../../../client/src/app/admin/users/record/audit-sentence';
import { AUDIT_ACTIONS } from './audit-actions';

type Translations = { audit: { actions: Record<string, unknown> } };

// Here rather than beside the client's code: the client never imports the server (eslint.config.mjs).
const I18N = join(__dirname, '../../../../client/public/i18n');
const translations = (language: 'fr' | 'en') => JSON.parse(readFileSync(join(I18N, `${language}.json`), 'utf8')) as Translations;

describe('« Historique »: a sentence for every audit action of the server', () => {
  it.each(AUDIT_ACTIONS)('%s is said in words, not shown as its code', (action) => {
    const entry = { id: '1', at: '2026-01-05T08:00:00Z', action, actorLabel: null, clientAddress: null, details: {} };
    const [first] = auditSentence(entry as unknown as Parameters<typeof auditSentence>[0], 'fr');
    expect(first).toMatchObject({ key: `audit.actions.${action}` });
  });

  it.each(['fr', 'en'] as const)('every action has a label in %s', (language) => {
    const labels = translations(language).audit.actions;
    const missing = AUDIT_ACTIONS.filter((action) => typeof labels[action] !== 'string' || !(labels[action] as string).trim());
    expect(missing).toEqual([]);
  });
});
