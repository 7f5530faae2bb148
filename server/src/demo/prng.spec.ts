import { describe, expect, it } from 'vitest';
import { mulberry32, Random, sequentialUuid } from './prng';

describe('seeded random numbers', () => {
  it('should repeat mulberry32 for one seed and differ for another', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
  });

  it('should give independent streams per label', () => {
    const draw = (r: Random) => Array.from({ length: 5 }, () => r.uint32());
    expect(draw(new Random(1, 'people'))).toEqual(draw(new Random(1, 'people')));
    expect(draw(new Random(1, 'people'))).not.toEqual(draw(new Random(1, 'plan')));
    expect(draw(new Random(1, 'people'))).not.toEqual(draw(new Random(2, 'people')));
  });

  it('should stay in range and cover it', () => {
    const random = new Random(7);
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      const f = random.next();
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
      const n = random.between(3, 9);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(9);
      seen.add(n);
    }
    expect(seen.size).toBe(7);
    expect(random.weighted([['only', 1]])).toBe('only');
  });

  it('should make unique, increasing version-7 UUIDs', () => {
    const random = new Random(3, 'ids');
    const epoch = Date.UTC(2026, 9, 1);
    const ids = Array.from({ length: 50_000 }, (_, i) => sequentialUuid(random, i, epoch));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids.slice(0, 100)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The time field is the epoch plus the sequence, in milliseconds.
    expect(parseInt(ids[10].replace(/-/g, '').slice(0, 12), 16)).toBe(epoch + 10);
  });
});
