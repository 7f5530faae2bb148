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
  private readonly limiter: BurstyRateLimiter;

  constructor(
    readonly perSecond: number,
    readonly burst: number,
  ) {
    this.limiter = new BurstyRateLimiter(
      new RateLimiterMemory({ keyPrefix: 'cost', points: perSecond, duration: 1 }),
      new RateLimiterMemory({ keyPrefix: 'cost-burst', points: burst, duration: BURST_WINDOW_SECONDS }),
    );
  }

  /** Who pays: the signed-in person, else the client address. */
  static payer(actor: Pick<Actor, 'userId'> | null, clientAddress: string | null): string {
    return actor ? `user:${actor.userId}` : `addr:${clientAddress ?? '-'}`;
  }

  /** Spends `cost` for `payer`; the refusal to answer when both allowances are used up. */
  async spend(payer: string, cost: number): Promise<GraphQLError | undefined> {
    if (cost <= 0) return undefined;
    try {
      await this.limiter.consume(payer, Math.min(cost, this.burst));
      return undefined;
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      const appError = AppError.of('RATE_LIMITED', { seconds });
      return new GraphQLError(appError.message, {
        originalError: appError,
        extensions: { code: appError.code, http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) } },
      });
    }
  }
}
