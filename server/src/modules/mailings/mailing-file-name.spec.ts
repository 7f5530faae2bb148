import { describe, expect, it } from 'vitest';
import { SheetLayout } from '../../documents/connection-sheet';
import { fileSlug, mailingFileName } from './mailing-file-name';

describe('mailingFileName', () => {
  // 23:30 in Paris on 7 December is already the 7th there, still the 7th in UTC; 23:30 UTC is the 8th in Paris.
  const evening = new Date('2026-12-07T22:30:00Z');

  it('says which école, which day and which layout', () => {
    expect(mailingFileName({ layout: SheetLayout.EIGHT_PER_PAGE, createdAt: evening, place: 'École élémentaire Jules Ferry', login: null })).toBe(
      'publipostage-ecole-elementaire-jules-ferry-2026-12-07-8-par-page.pdf',
    );
    expect(mailingFileName({ layout: SheetLayout.ONE_PER_PAGE, createdAt: evening, place: "L'Œuvre d'Ève", login: null })).toBe(
      'publipostage-l-oeuvre-d-eve-2026-12-07-1-par-page.pdf',
    );
    expect(mailingFileName({ layout: SheetLayout.TWO_PER_PAGE, createdAt: evening, place: null, login: null })).toBe('publipostage-2026-12-07-2-par-page.pdf');
  });

  it('dates the file on the Paris day, not the UTC one', () => {
    expect(mailingFileName({ layout: SheetLayout.ONE_PER_PAGE, createdAt: new Date('2026-12-07T23:30:00Z'), place: null, login: null })).toBe(
      'publipostage-2026-12-08-1-par-page.pdf',
    );
  });

  it('names one account’s sheet after its login', () => {
    expect(mailingFileName({ layout: SheetLayout.ONE_PER_PAGE, createdAt: evening, place: 'École Jules Ferry', login: 'imran.lhote' })).toBe(
      'fiche-connexion-imran.lhote.pdf',
    );
    expect(mailingFileName({ layout: SheetLayout.EIGHT_PER_PAGE, createdAt: evening, place: null, login: '../Évé "x"' })).toBe('fiche-connexion-eve-x.pdf');
  });

  it('keeps names ASCII and short, so the header carries them unchanged', () => {
    expect(fileSlug('  "École"\r\n; <b>Ça</b>  ')).toBe('ecole-b-ca-b');
    expect(fileSlug('x'.repeat(100))).toHaveLength(60);
    expect(fileSlug('é'.repeat(10) + ' ' + 'a'.repeat(100)).length).toBeLessThanOrEqual(60);
    expect(mailingFileName({ layout: SheetLayout.ONE_PER_PAGE, createdAt: evening, place: '***', login: null })).toBe('publipostage-2026-12-07-1-par-page.pdf');
  });
});
