import { describe, expect, it } from 'vitest';
import { parseUserFilter } from './user-filter-parse';

describe('parseUserFilter (the CSV export’s filter, outside GraphQL)', () => {
  it('reads the « Tableau de bord » filters: Responsables, Absent du fichier, Code de renouvellement expiré', () => {
    expect(parseUserFilter(JSON.stringify({ guardians: 'NONE', absentFromFile: true, renewalCodeExpired: false }))).toMatchObject({
      guardians: 'NONE',
      absentFromFile: true,
      renewalCodeExpired: false,
    });
    expect(parseUserFilter(JSON.stringify({ guardians: 'ACTIVATED' })).guardians).toBe('ACTIVATED');
    expect(parseUserFilter('{}')).toMatchObject({ guardians: null, absentFromFile: null, renewalCodeExpired: null });
  });

  it('refuses a value they do not take, with the French message', () => {
    for (const bad of [{ guardians: 'SOME' }, { guardians: true }, { absentFromFile: 'oui' }, { renewalCodeExpired: 1 }]) {
      expect(() => parseUserFilter(JSON.stringify(bad)), JSON.stringify(bad)).toThrow('Les filtres de la liste sont illisibles');
    }
  });
});
