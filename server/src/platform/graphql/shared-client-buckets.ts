import type { DataSource } from 'typeorm';
import { logger } from '../logging/logger';
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
 *
 * What a short page did not use is given back after the answer is sent, not before: the answer
 * waits for one statement, the spending. Until the refund lands, an operation sees fewer points
 * than there are, never more.
 */
export class SharedClientBuckets {
  /** The refunds on their way, per client: a dry run waits for them, to read what a client has. */
  private readonly refunds = new Map<string, Promise<void>>();

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

  /**
   * Gives back what an operation asked for but did not use (its list pages came back shorter), from
   * `status`, the level its spending left: the status after the refund, told at once; the statement
   * goes on after the answer.
   */
  refund(clientId: string, bucket: BucketSize, status: ThrottleStatus, points: number): ThrottleStatus {
    const given = Math.max(0, points);
    const before = this.refunds.get(clientId) ?? Promise.resolve();
    const landed = before
      .then(() =>
        this.dataSource.query(
          `UPDATE client_bucket_level AS b SET points = LEAST($2::float8, ${REFILLED} + $5::float8), at_ms = GREATEST(b.at_ms, $4::bigint) WHERE client_id = $1`,
          [clientId, bucket.size, bucket.refillPerSecond, Math.round(this.now()), given],
        ),
      )
      .then(
        () => undefined,
        // Lost points come back with the refill: nothing the caller could do about it.
        (error: Error) => logger.warn('a cost refund was lost', { clientId, error: error.message }),
      )
      .finally(() => {
        if (this.refunds.get(clientId) === landed) this.refunds.delete(clientId);
      });
    this.refunds.set(clientId, landed);
    return statusOf(bucket, status.currentlyAvailable + given);
  }

  /** What is left, without spending (after the refunds this instance has on their way). */
  async peek(clientId: string, bucket: BucketSize): Promise<ThrottleStatus> {
    await this.refunds.get(clientId);
    const rows: { points: number }[] = await this.dataSource.query(`SELECT ${REFILLED} AS points FROM client_bucket_level b WHERE client_id = $1`, [
      clientId,
      bucket.size,
      bucket.refillPerSecond,
      Math.round(this.now()),
    ]);
    return statusOf(bucket, rows[0]?.points ?? bucket.size);
  }

  /** Waits for the refunds on their way (an instance that stops). */
  async drain(): Promise<void> {
    await Promise.all(this.refunds.values());
  }
}

function statusOf(bucket: BucketSize, points: number): ThrottleStatus {
  return { maximumAvailable: bucket.size, currentlyAvailable: Math.floor(Math.min(bucket.size, points)), restoreRate: bucket.refillPerSecond };
}
