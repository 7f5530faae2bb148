import { describe, expect, it } from 'vitest';
import { nameSplits } from './user-search.service';

describe('nameSplits', () => {
  it('reads one word as no pair', () => {
    expect(nameSplits('maia')).toEqual([]);
  });

  it('reads two words both ways', () => {
    expect(nameSplits('maia fr')).toEqual([
      { first: 'maia', last: 'fr' },
      { first: 'fr', last: 'maia' },
    ]);
  });

  it('splits a compound name at every place between words, three at most', () => {
    expect(nameSplits('jean pierre le goff')).toEqual([
      { first: 'jean', last: 'pierre le goff' },
      { first: 'pierre le goff', last: 'jean' },
      { first: 'jean pierre', last: 'le goff' },
      { first: 'le goff', last: 'jean pierre' },
      { first: 'jean pierre le', last: 'goff' },
      { first: 'goff', last: 'jean pierre le' },
    ]);
    expect(nameSplits('a b c d e f')).toHaveLength(6);
  });
});
