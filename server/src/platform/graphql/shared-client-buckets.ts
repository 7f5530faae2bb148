import type { DataSource } from 'typeorm';
import type { BucketSize, Spending, ThrottleStatus } from './client-bucket';

/**
 * The level of a bucket refilled up to `now`, as SQL over `client_bucket_level` aliased `b`:
 * $2 size, $3 refill per second, $4 now in ms. An instance whose clock is behind adds nothing
 * rather than taking points back.
 */
const REFILLED = `LEAST($2::float8, b.points + GREATEST(0, $4::bigint - b.at_ms) / 1000.0 * $3::float8)`;

/**
 * The integration clients' token buckets, one per client for all instances (the same semantics as
 * the in-memory ClientBuckets: full at first, refilled continuously at the client's rate, a refusal
 * takes nothing). Each spending is one atomic upsert on the client's row, so two instances serving
 * one client in parallel never both spend the last points. Time comes from the instance's clock
 * (`now`, which tests move), not the database's.
 */
export class SharedClientBuckets {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes `cost` points from `clientId`'s bucket, or refuses (taking nothing) when not enough are left. */
  async spend(clientId: string, bucket: BucketSize, cost: number): Promise<Spending> {
    const rows: { points: number; granted: boolean }[] = await this.dataSource.query(
      `INSERT INTO client_bucket_level AS b (client_id, points, at_ms, granted)
       VALUES ($1, $2::float8 - $5::float8, $4, true)
       ON CONFLICT (client_id) DO UPDATE SET
         points = CASE WHEN ${REFILLED} >= $5::float8 THEN ${REFILLED} - $5::float8 ELSE ${REFILLED} END,
         at_ms = GREATEST(b.at_ms, $4::bigint),
         granted = ${REFILLED} >= $5::float8
       RETURNING points, granted`,
      [clientId, bucket.size, bucket.refillPerSecond, Math.round(this.now()), cost],
    );
    const { points, granted } = rows[0]!;
    const status = statusOf(bucket, points);
    if (granted) return { granted: true, status };
    const missing = cost - points;
    return { granted: false, status, retryAfterSeconds: Math.max(1, Math.ceil(missing / bucket.refillPerSecond)) };
  }

  /** Gives back what an operation asked for but did not use (its list pages came back shorter). */
  async refund(clientId: string, bucket: BucketSize, points: number): Promise<ThrottleStatus> {
    const rows: { points: number }[] = await this.dataSource.query(
      `UPDATE client_bucket_level AS b SET points = LEAST($2::float8, ${REFILLED} + $5::float8), at_ms = GREATEST(b.at_ms, $4::bigint)
        WHERE client_id = $1 RETURNING points`,
      [clientId, bucket.size, bucket.refillPerSecond, Math.round(this.now()), Math.max(0, points)],
    );
    return statusOf(bucket, rows[0]?.points ?? bucket.size);
  }

  /** What is left, without spending. */
  async peek(clientId: string, bucket: BucketSize): Promise<ThrottleStatus> {
    const rows: { points: number }[] = await this.dataSource.query(
      `SELECT ${REFILLED} AS points FROM client_bucket_level b WHERE client_id = $1`,
      [clientId, bucket.size, bucket.refillPerSecond, Math.round(this.now())],
    );
    return statusOf(bucket, rows[0]?.points ?? bucket.size);
  }
}

function statusOf(bucket: BucketSize, points: number): ThrottleStatus {
  return { maximumAvailable: bucket.size, currentlyAvailable: Math.floor(Math.min(bucket.size, points)), restoreRate: bucket.refillPerSecond };
}
