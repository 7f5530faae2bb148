import { GraphQLError } from 'graphql';
import type { Actor } from '../auth/actor';
import { AppError } from '../errors/app-error';
import type { BucketSize, ThrottleStatus } from './client-bucket';
import type { SharedClientBuckets } from './shared-client-buckets';
import { operationResultCost } from './result-cost';

/** What one operation asked for and what it was charged, kept on its request context. */
export interface CostRecord {
  /** The cost priced before execution (operation-cost.ts), the least being 1. */
  requested: number;
  /** Counted on the answer (result-cost.ts), once it is known. */
  actual?: number;
  dryRun: boolean;
  /** The bucket paid from: an integration token's client. Cookie sessions have none here. */
  bucket?: { clientId: string; size: BucketSize };
  status: ThrottleStatus | null;
}

export interface CostExtension {
  requested: number;
  actual?: number;
  throttleStatus: ThrottleStatus | null;
}

/**
 * Charges an operation before it runs: a token pays from its client's bucket (shared-client-buckets.ts),
 * a dry run only looks. The refusal is an HTTP 429 with Retry-After, or a 400 when the operation
 * costs more than the bucket can ever hold (waiting would not help).
 */
export async function chargeOperation(buckets: SharedClientBuckets, actor: Actor | null, cost: number, dryRun: boolean): Promise<{ record: CostRecord; refusal?: GraphQLError }> {
  const requested = Math.max(1, Math.ceil(cost));
  const grant = actor?.integration;
  if (!grant) return { record: { requested, dryRun, status: null } };
  const bucket = { clientId: grant.clientId, size: grant.bucket };
  if (dryRun) return { record: { requested, dryRun, bucket, status: await buckets.peek(bucket.clientId, bucket.size) } };
  if (requested > bucket.size.size) {
    const status = await buckets.peek(bucket.clientId, bucket.size);
    return { record: { requested, dryRun, bucket, status }, refusal: refusal(AppError.of('OVER_CLIENT_BUCKET', { cost: requested, max: bucket.size.size }), 400) };
  }
  const spent = await buckets.spend(bucket.clientId, bucket.size, requested);
  const record: CostRecord = { requested, dryRun, bucket, status: spent.status };
  if (spent.granted) return { record };
  return { record, refusal: refusal(AppError.of('RATE_LIMITED', { seconds: spent.retryAfterSeconds }), 429, spent.retryAfterSeconds) };
}

/** Counts what the answer cost and gives the unused points back; the extension to send. */
export function settleOperation(buckets: SharedClientBuckets, record: CostRecord, data: Record<string, unknown> | null | undefined, executed: boolean): CostExtension {
  if (executed && record.actual === undefined) {
    record.actual = Math.min(record.requested, Math.max(1, operationResultCost(data)));
    if (record.bucket && !record.dryRun && record.actual < record.requested) {
      record.status = buckets.refund(record.bucket.clientId, record.bucket.size, record.status!, record.requested - record.actual);
    }
  }
  return { requested: record.requested, ...(record.actual !== undefined ? { actual: record.actual } : {}), throttleStatus: record.status };
}

/**
 * `X-RateLimit-Limit` (the bucket's size), `-Remaining` (points left) and `-Reset` (when it will
 * be full again, in Unix seconds), for the callers that have a bucket.
 */
export function rateLimitHeaders(record: CostRecord, now = Date.now()): [string, string][] {
  const status = record.status;
  if (!status) return [];
  const toFull = status.restoreRate > 0 ? (status.maximumAvailable - status.currentlyAvailable) / status.restoreRate : 0;
  return [
    ['x-ratelimit-limit', String(status.maximumAvailable)],
    ['x-ratelimit-remaining', String(status.currentlyAvailable)],
    ['x-ratelimit-reset', String(Math.ceil(now / 1000 + toFull))],
  ];
}

function refusal(appError: AppError, status: number, retryAfterSeconds?: number): GraphQLError {
  const headers = retryAfterSeconds === undefined ? undefined : new Map([['retry-after', String(retryAfterSeconds)]]);
  return new GraphQLError(appError.message, { originalError: appError, extensions: { code: appError.code, http: { status, ...(headers ? { headers } : {}) } } });
}
