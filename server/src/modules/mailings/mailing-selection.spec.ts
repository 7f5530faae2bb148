import { describe, expect, it } from 'vitest';
import { mailingOrder } from './mailing-selection';
import { MailingSortKey } from './mailings.types';
import { MAILING_REACH } from './sheet-reach-sql';

describe('« Triez votre publipostage PDF : Par … Puis par … »', () => {
  it('is alphabetical (last name, first name, then id) by default', () => {
    expect(mailingOrder(null, MAILING_REACH)).toBe('u.search_last COLLATE "C", u.search_first COLLATE "C", u.id');
  });

  it('puts the chosen keys first, in order, then the name', () => {
    const order = mailingOrder([MailingSortKey.CLASS, MailingSortKey.PROFILE], MAILING_REACH);
    expect(order.indexOf('COALESCE(CASE')).toBe(0);
    expect(order.lastIndexOf('u.profile')).toBeGreaterThan(order.indexOf('relative_link'));
    expect(order.endsWith('u.profile, u.search_last COLLATE "C", u.search_first COLLATE "C", u.id')).toBe(true);
  });

  it('ignores a repeated key (« Par Profil Puis par Profil »)', () => {
    expect(mailingOrder([MailingSortKey.PROFILE, MailingSortKey.PROFILE], MAILING_REACH)).toBe('u.profile, u.search_last COLLATE "C", u.search_first COLLATE "C", u.id');
  });
});
