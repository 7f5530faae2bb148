import { describe, expect, it } from 'vitest';
import type { MailingState } from '../../shared/mailing/data/mailing.operations';
import { withLiveMailing } from './with-live-mailing';

const mailing = (id: string, status: MailingState['status'], sent: number): MailingState & { createdAt: string } => ({
  id,
  kind: 'EMAIL',
  layout: 'ONE_PER_PAGE',
  status,
  total: 2,
  done: sent,
  sent,
  failed: 0,
  error: null,
  documentUrl: null,
  createdAt: '2026-12-07T14:15:00Z',
});

describe('withLiveMailing', () => {
  it('shows the live state on the row of the same mailing, keeping what only the list knows', () => {
    const loaded = [mailing('a', 'RUNNING', 0), mailing('b', 'DONE', 2)];
    const rows = withLiveMailing(loaded, mailing('a', 'DONE', 2));
    expect(rows?.[0]).toMatchObject({ id: 'a', status: 'DONE', sent: 2, createdAt: '2026-12-07T14:15:00Z' });
    expect(rows?.[1]).toBe(loaded[1]);
  });

  it('leaves the list as it is without a live mailing, or when the live one is not listed yet', () => {
    const loaded = [mailing('b', 'DONE', 2)];
    expect(withLiveMailing(loaded, null)).toBe(loaded);
    expect(withLiveMailing(loaded, mailing('c', 'RUNNING', 0))).toEqual(loaded);
    expect(withLiveMailing(null, mailing('c', 'RUNNING', 0))).toBeNull();
  });
});
