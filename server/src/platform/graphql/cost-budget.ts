import { GraphQLError } from 'graphql';
import type { Actor } from '../auth/actor';
import { AppError } from '../errors/app-error';
import { BucketSize, ClientBuckets } from './client-bucket';

/** Buckets left untouched this long are full again or nearly: forgotten, so memory follows activity. */
const FORGET_EVERY_SPENDS = 1_000;

/**
 * What one person may ask of an instance over time, in cost units (operation-cost.ts): the cost
 * limit bounds one operation, this bounds a loop of them. A token bucket per person (the signed-in
 * account, else the client address): full at first (`burst`, at least one operation at the cost
 * limit, so a département's dashboard can always be opened), refilled at `perSecond`. A console
 * user never waits (a page of 50 users costs ~1,150, the reports page ~3,100); a script looping the
 * heaviest operations it may send is held to `perSecond`, so everyone else on the instance keeps
 * their answers (bench/amplification). Per instance, in memory: behind a load balancer each
 * instance grants its own allowance (README, « Limits »). Tokens pay from their client's bucket
 * instead (cost-accounting.ts).
 */
export class CostBudget {
  private readonly buckets = new ClientBuckets();
  private readonly bucket: BucketSize;
  private spends = 0;

  constructor(
    readonly perSecond: number,
    readonly burst: number,
  ) {
    this.bucket = { size: burst, refillPerSecond: perSecond };
  }

  /** Who pays: the signed-in person, else the client address. */
  static payer(actor: Pick<Actor, 'userId'> | null, clientAddress: string | null): string {
    return actor ? `user:${actor.userId}` : `addr:${clientAddress ?? '-'}`;
  }

  /** Spends `cost` for `payer`; the refusal to answer when the bucket holds less than that. */
  spend(payer: string, cost: number): GraphQLError | undefined {
    if (cost <= 0) return undefined;
    if (++this.spends % FORGET_EVERY_SPENDS === 0) this.buckets.forgetFull(this.bucket);
    const spending = this.buckets.spend(payer, this.bucket, Math.min(cost, this.bucket.size));
    return spending.granted ? undefined : rateLimited(spending.retryAfterSeconds);
  }
}

function rateLimited(seconds: number): GraphQLError {
  const appError = AppError.of('RATE_LIMITED', { seconds });
  return new GraphQLError(appError.message, {
    originalError: appError,
    extensions: { code: appError.code, http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) } },
  });
}
