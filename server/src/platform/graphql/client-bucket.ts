/** A bucket's size and how fast it fills again (points per second). */
export interface BucketSize {
  size: number;
  refillPerSecond: number;
}

/** What a caller may still spend, as `extensions.cost.throttleStatus` shows it. */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export type Spending = { granted: true; status: ThrottleStatus } | { granted: false; status: ThrottleStatus; retryAfterSeconds: number };

interface Level {
  points: number;
  at: number;
}

/**
 * Token buckets in memory, in cost points (operation-cost.ts): full at first, an operation takes its
 * cost, points come back continuously at the rate up to the size. Written here rather than with
 * rate-limiter-flexible, whose memory limiters count fixed windows (all points back at once when a
 * window ends), which cannot express a steady refill. Each instance keeps its own: the per-person
 * budget (cost-budget.ts) uses them; the integration clients' buckets, which are one per client for
 * all instances, live in PostgreSQL with the same arithmetic (shared-client-buckets.ts).
 */
export class ClientBuckets {
  private readonly levels = new Map<string, Level>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Takes `cost` points from `clientId`'s bucket, or refuses (taking nothing) when not enough are left. */
  spend(clientId: string, bucket: BucketSize, cost: number): Spending {
    const level = this.refilled(clientId, bucket);
    if (cost > level.points) {
      const missing = cost - level.points;
      return { granted: false, status: statusOf(bucket, level), retryAfterSeconds: Math.max(1, Math.ceil(missing / bucket.refillPerSecond)) };
    }
    level.points -= cost;
    return { granted: true, status: statusOf(bucket, level) };
  }

  /** Gives back what an operation asked for but did not use (its list pages came back shorter). */
  refund(clientId: string, bucket: BucketSize, points: number): ThrottleStatus {
    const level = this.refilled(clientId, bucket);
    level.points = Math.min(bucket.size, level.points + Math.max(0, points));
    return statusOf(bucket, level);
  }

  /** Forgets the buckets that are full again (same size for all): their callers start full anyway. */
  forgetFull(bucket: BucketSize): void {
    for (const [key, level] of this.levels) {
      if (level.points + ((this.now() - level.at) / 1000) * bucket.refillPerSecond >= bucket.size) this.levels.delete(key);
    }
  }

  /** What is left, without spending. */
  peek(clientId: string, bucket: BucketSize): ThrottleStatus {
    return statusOf(bucket, this.refilled(clientId, bucket));
  }

  private refilled(clientId: string, bucket: BucketSize): Level {
    const now = this.now();
    let level = this.levels.get(clientId);
    if (!level) this.levels.set(clientId, (level = { points: bucket.size, at: now }));
    // A size lowered by the operator applies at once; a raised one fills at the rate.
    level.points = Math.min(bucket.size, level.points + ((now - level.at) / 1000) * bucket.refillPerSecond);
    level.at = now;
    return level;
  }
}

function statusOf(bucket: BucketSize, level: Level): ThrottleStatus {
  return { maximumAvailable: bucket.size, currentlyAvailable: Math.floor(level.points), restoreRate: bucket.refillPerSecond };
}
