import { describe, expect, it } from 'vitest';
import { ClientBuckets } from './client-bucket';

describe('ClientBuckets', () => {
  const bucket = { size: 1000, refillPerSecond: 2 };

  it('starts full, refuses what it does not hold with the seconds until it does, and refills continuously', () => {
    let now = 0;
    const buckets = new ClientBuckets(() => now);
    expect(buckets.spend('a', bucket, 990)).toMatchObject({ granted: true, status: { maximumAvailable: 1000, currentlyAvailable: 10, restoreRate: 2 } });
    expect(buckets.spend('a', bucket, 15)).toMatchObject({ granted: false, retryAfterSeconds: 3, status: { currentlyAvailable: 10 } });
    now = 2_500; // 5 points back, not a whole window's worth at once
    expect(buckets.peek('a', bucket).currentlyAvailable).toBe(15);
    expect(buckets.spend('a', bucket, 15).granted).toBe(true);
    // Another client's bucket is its own.
    expect(buckets.peek('b', bucket).currentlyAvailable).toBe(1000);
  });

  it('never holds more than its size, refunds included, and follows a size the operator lowered', () => {
    let now = 0;
    const buckets = new ClientBuckets(() => now);
    buckets.spend('a', bucket, 100);
    expect(buckets.refund('a', bucket, 500).currentlyAvailable).toBe(1000);
    now = 1_000_000;
    expect(buckets.peek('a', bucket).currentlyAvailable).toBe(1000);
    expect(buckets.peek('a', { size: 20, refillPerSecond: 1 }).currentlyAvailable).toBe(20);
  });
});
