import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Access, Allow } from '../../platform/auth/access';
import type { RequestContext } from '../../platform/context/request-context';
import { ApiClientView } from './api-client.types';
import { clientOf } from './request-client';
import { ApiClientRateLimitInput, RateLimitView } from './rate-limit.types';

@Resolver()
export class RateLimitResolver {
  @Allow(Access.SIGNED_IN)
  @Query(() => RateLimitView, {
    description: 'The cost of this operation and the points left. With dryRun, only rateLimit runs and nothing is spent: the way to price a query before sending it.',
  })
  rateLimit(@Arg('dryRun', { defaultValue: false }) _dryRun: boolean, @Ctx() ctx: RequestContext): RateLimitView {
    // Charged before execution (platform/graphql/admit-operation.ts): this reads what was recorded.
    const record = ctx.cost;
    const status = record?.status ?? null;
    const toFull = status && status.restoreRate > 0 ? (status.maximumAvailable - status.currentlyAvailable) / status.restoreRate : 0;
    return {
      cost: record?.requested ?? 0,
      dryRun: record?.dryRun ?? false,
      limit: status?.maximumAvailable ?? null,
      remaining: status?.currentlyAvailable ?? null,
      restoreRate: status?.restoreRate ?? null,
      resetAt: status ? new Date(Date.now() + toFull * 1000) : null,
    };
  }

  @Allow(Access.OPERATOR)
  @Mutation(() => ApiClientView, { description: "Sets an API client's cost bucket (operator only); applies at once on every instance." })
  setApiClientRateLimit(@Arg('id', () => ID) id: string, @Arg('input') input: ApiClientRateLimitInput, @Ctx() ctx: RequestContext): Promise<ApiClientView> {
    return ctx.services.integrations.setRateLimit(ctx.actor!, id, input, clientOf(ctx));
  }
}
