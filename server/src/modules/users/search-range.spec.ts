import { describe, expect, it } from 'vitest';
import { searchKey } from '../directory';
import { rangeEnd } from './user-search.service';

describe('rangeEnd', () => {
  it('bounds exactly the keys that start with the prefix, in byte order (C collation)', () => {
    const keys = ['ma', 'mar', 'martin', 'marz', 'mas', 'mb', 'lz', 'm', 'mar tin', 'mar9'].map(searchKey).sort();
    const within = (prefix: string) => keys.filter((key) => key >= prefix && key < rangeEnd(prefix));
    expect(within('mar')).toEqual(keys.filter((key) => key.startsWith('mar')));
    expect(within('m')).toEqual(keys.filter((key) => key.startsWith('m')));
    expect(within('mar ')).toEqual(['mar tin']);
    expect(rangeEnd('z')).toBe('{');
    expect(rangeEnd('ab9')).toBe('ab:');
  });
});
