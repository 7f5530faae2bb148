import { describe, expect, it } from 'vitest';
import { renderRenewalSlip, slipExpiry } from './renewal-slip';

describe('renewal slip', () => {
  const slip = { firstName: 'Imrân', login: 'imran.lhote', code: 'k7m2p9qx', expiresAt: new Date('2026-12-07T17:30:00Z') };

  it('speaks to the pupil, with the login, the code, the address and when it ends', () => {
    const html = renderRenewalSlip(slip, 'https://ent.ecole-exemple.fr/');
    expect(html).toContain('Bonjour Imrân&nbsp;!');
    expect(html).toContain('<span class="login">imran.lhote</span>');
    expect(html).toContain('<span class="code">k7m2p9qx</span>');
    expect(html).toContain('<span class="address">https://ent.ecole-exemple.fr</span>');
    expect(html).toContain("jusqu'au lundi 7 décembre à 18 h 30");
    expect(html).toMatch(/<img class="qr" src="data:image\/png;base64,/);
  });

  it('prints names as text', () => {
    const html = renderRenewalSlip({ ...slip, firstName: '<b>Zoé</b>' }, 'https://ent.ecole-exemple.fr');
    expect(html).not.toContain('<b>Zoé</b>');
    expect(html).toContain('&lt;b&gt;Zoé&lt;/b&gt;');
  });

  it('writes the expiry in Paris time', () => {
    expect(slipExpiry(new Date('2026-07-01T16:00:00Z'))).toBe('mercredi 1er juillet à 18 h');
  });
});
