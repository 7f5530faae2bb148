import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { GraphQLError } from 'graphql';
import type { Actor } from '../auth/actor';
import { AppError } from '../errors/app-error';

const BURST_WINDOW_SECONDS = 10;

/**
 * What one person may ask of an instance over time, in cost units (operation-cost.ts): the cost
 * limit bounds one operation, this bounds a loop of them. A steady allowance per second, and a
 * burst allowance per 10 s for the moments a page asks for several things at once (a page of 50
 * users costs ~1,150, the reports page ~3,100). A script looping the heaviest operations it may
 * send is held to that pace, so everyone else on the instance keeps their answers
 * (bench/amplification). Per instance, in memory: behind a load balancer each instance grants its
 * own allowance (README, « Limits »).
 */
export class CostBudget {
  private readonly steady: RateLimiterMemory;
  private readonly bursts: RateLimiterMemory;
  private readonly limiter: BurstyRateLimiter;

  constructor(
    readonly perSecond: number,
    readonly burst: number,
  ) {
    this.steady = new RateLimiterMemory({ keyPrefix: 'cost', points: perSecond, duration: 1 });
    this.bursts = new RateLimiterMemory({ keyPrefix: 'cost-burst', points: burst, duration: BURST_WINDOW_SECONDS });
    this.limiter = new BurstyRateLimiter(this.steady, this.bursts);
  }

  /** Who pays: the signed-in person, else the client address. */
  static payer(actor: Pick<Actor, 'userId'> | null, clientAddress: string | null): string {
    return actor ? `user:${actor.userId}` : `addr:${clientAddress ?? '-'}`;
  }

  /**
   * The refusal for a payer with nothing left, before the operation is even priced: a script that
   * keeps asking once refused must cost as little as possible to everyone else.
   */
  async refuseIfSpent(payer: string): Promise<GraphQLError | undefined> {
    const [steady, burst] = await Promise.all([this.steady.get(payer), this.bursts.get(payer)]);
    const spent = steady && steady.remainingPoints <= 0 && burst && burst.remainingPoints <= 0;
    // Both used up: the next second's allowance is the first to come back.
    return spent ? rateLimited(steady.msBeforeNext) : undefined;
  }

  /** Spends `cost` for `payer`; the refusal to answer when both allowances are used up. */
  async spend(payer: string, cost: number): Promise<GraphQLError | undefined> {
    if (cost <= 0) return undefined;
    try {
      await this.limiter.consume(payer, Math.min(cost, this.burst));
      return undefined;
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      return rateLimited(refusal.msBeforeNext);
    }
  }
}

function rateLimited(msBeforeNext: number): GraphQLError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const appError = AppError.of('RATE_LIMITED', { seconds });
  return new GraphQLError(appError.message, {
    originalError: appError,
    extensions: { code: appError.code, http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) } },
  });
}
