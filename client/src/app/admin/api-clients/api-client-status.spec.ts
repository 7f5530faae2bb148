import { describe, expect, it } from 'vitest';
import { apiClientState, expiryBounds, expiryFromInput } from './api-client-status';

const now = new Date(2026, 11, 7, 10, 0);
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();

describe('apiClientState', () => {
  it('says revoked before expired, and expired once the expiry has passed', () => {
    expect(apiClientState({ revokedAt: inDays(-2), expiresAt: inDays(-1) }, now).kind).toBe('revoked');
    expect(apiClientState({ revokedAt: null, expiresAt: inDays(-0.01) }, now).kind).toBe('expired');
  });

  it('warns within 14 days, urgently within 3, as the server e-mails', () => {
    expect(apiClientState({ revokedAt: null, expiresAt: inDays(30) }, now)).toEqual({ kind: 'active', daysLeft: null, urgent: false });
    expect(apiClientState({ revokedAt: null, expiresAt: inDays(14) }, now)).toEqual({ kind: 'active', daysLeft: 14, urgent: false });
    expect(apiClientState({ revokedAt: null, expiresAt: inDays(10.5) }, now)).toEqual({ kind: 'active', daysLeft: 10, urgent: false });
    expect(apiClientState({ revokedAt: null, expiresAt: inDays(3) }, now)).toEqual({ kind: 'active', daysLeft: 3, urgent: true });
    expect(apiClientState({ revokedAt: null, expiresAt: inDays(0.2) }, now)).toEqual({ kind: 'active', daysLeft: 0, urgent: true });
  });
});

describe('expiry input', () => {
  it('offers tomorrow to 365 days ahead', () => {
    expect(expiryBounds(now)).toEqual({ min: '2026-12-08', max: '2027-12-07' });
  });

  it('reads the end of the chosen day, and refuses what is not a date', () => {
    expect(expiryFromInput('2027-03-01')).toEqual(new Date(2027, 2, 1, 23, 59));
    expect(expiryFromInput('2027-02-30')).toBeNull();
    expect(expiryFromInput('')).toBeNull();
  });
});

describe('TOKEN_SCOPES', () => {
  it('lists exactly the server scopes (the client cannot import the server: its file is read as text)', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { TOKEN_SCOPES } = await import('./api-client-status');
    const source = readFileSync(join(__dirname, '../../../../../server/src/platform/auth/token-scopes.ts'), 'utf8');
    const declared = /export const TOKEN_SCOPES = \[([^\]]*)\]/.exec(source)![1].match(/'[^']+'/g)!.map((quoted) => quoted.slice(1, -1));
    expect([...TOKEN_SCOPES].sort()).toEqual(declared.sort());
  });
});
