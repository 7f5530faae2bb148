import { describe, expect, it } from 'vitest';
import { auditSentence } from './audit-sentence';

type Entry = Parameters<typeof auditSentence>[0];
const entry = (action: string, details: Record<string, unknown> | null = null) => ({ action, details }) as unknown as Entry;

describe('auditSentence', () => {
  it('says a known action by its key, with the details the server kept', () => {
    const [part] = auditSentence(entry('CLASS_ATTACHED', { className: 'CE1 A' }), 'fr');
    expect(part).toMatchObject({ key: 'audit.actions.CLASS_ATTACHED', params: { className: 'CE1 A' } });
  });

  it('shows an action it does not know as its code, never an empty line', () => {
    expect(auditSentence(entry('SOMETHING_NEW', { className: 'x' }), 'fr')).toEqual([{ text: 'SOMETHING_NEW' }]);
  });

  it('names a granted function by its translation, and an unknown function as is', () => {
    expect(auditSentence(entry('FUNCTION_GRANTED', { function: 'SCHOOL_ADMIN' }), 'fr')[1]).toEqual({ key: 'functions.SCHOOL_ADMIN', params: {} });
    expect(auditSentence(entry('FUNCTION_REVOKED', { function: 'MAYOR' }), 'fr')[1]).toEqual({ text: 'MAYOR' });
  });

  it('dates the end of a block in the reader\'s language, with the reason; without an end, until unblocked', () => {
    const details = { until: '2026-12-03T07:00:00Z', reason: 'Propos déplacés' };
    const fr = auditSentence(entry('USER_BLOCKED', details), 'fr');
    const en = auditSentence(entry('USER_BLOCKED', details), 'en');
    expect(fr[2]).toMatchObject({ key: 'audit.details.until', params: { date: expect.stringContaining('3 décembre 2026') } });
    expect(en[2]).toMatchObject({ key: 'audit.details.until', params: { date: expect.stringContaining('3 December 2026') } });
    expect(fr[3]).toEqual({ key: 'audit.details.reason', params: { reason: 'Propos déplacés' } });
    expect(auditSentence(entry('USER_BLOCKED', { until: 'pas une date' }), 'fr')[2]).toEqual({ key: 'audit.details.untilUnblocked', params: {} });
    expect(auditSentence(entry('USER_BLOCKED'), 'fr')).toHaveLength(3);
  });

  it('says when an unblocking was automatic (the end of the block came), and only then', () => {
    expect(auditSentence(entry('USER_UNBLOCKED', { automatic: true }), 'fr').at(-1)).toEqual({ key: 'audit.details.automatic', params: {} });
    expect(auditSentence(entry('USER_UNBLOCKED', { automatic: 'true' }), 'fr')).toHaveLength(1);
  });
});
