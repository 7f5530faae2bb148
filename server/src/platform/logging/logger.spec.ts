import { describe, expect, it } from 'vitest';
import { redact, SECRET_KEYS } from './logger';

describe('redact', () => {
  it('keeps keys that merely contain a secret-looking word (SMTP responseCode, a reason, ids)', () => {
    expect(redact({ responseCode: 550, reason: '5.1.1 Mailbox unavailable', mailingId: 'm1', codeLength: 8, tokenCount: 3 })).toEqual({
      responseCode: 550,
      reason: '5.1.1 Mailbox unavailable',
      mailingId: 'm1',
      codeLength: 8,
      tokenCount: 3,
    });
  });

  it.each([
    'password',
    'passwordConfirmation',
    'code',
    'activationCode',
    'activation_code',
    'renewalCode',
    'token',
    'sessionToken',
    'secret',
    'secretKey',
    'cookie',
    'set-cookie',
    'authorization',
    'Authorization',
    'password_hash',
  ])('redacts %s, also nested', (key) => {
    expect(redact({ [key]: 'value', nested: { [key]: 'value' }, list: [{ [key]: 'value' }] })).toEqual({
      [key]: '[redacted]',
      nested: { [key]: '[redacted]' },
      list: [{ [key]: '[redacted]' }],
    });
  });

  it('lists its secret keys in one place', () => {
    expect(SECRET_KEYS).toContain('activationCode');
    expect(SECRET_KEYS).not.toContain('responseCode');
  });
});
