import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Access, Allow } from '../../platform/auth/access';
import type { RequestContext } from '../../platform/context/request-context';
import { listOf } from '../../platform/graphql/list-cost';
import { ApiClientCreatedView, ApiClientView, CreateApiClientInput } from './api-client.types';
import { clientOf } from './request-client';


@Resolver()
export class IntegrationsResolver {
  @Allow(Access.DEPARTEMENT_ADMIN)
  @Query(() => [ApiClientView], { description: 'API clients whose subtree lies in your scope (département admins and the operator).', complexity: listOf(200) })
  apiClients(@Ctx() ctx: RequestContext): Promise<ApiClientView[]> {
    return ctx.services.integrations.list(ctx.actor!);
  }

  @Allow(Access.DEPARTEMENT_ADMIN)
  @Mutation(() => ApiClientCreatedView, { description: 'Creates an API client and its token (shown once), within your scope, for at most 366 days.' })
  createApiClient(@Arg('input') input: CreateApiClientInput, @Ctx() ctx: RequestContext): Promise<ApiClientCreatedView> {
    return ctx.services.integrations.create(ctx.actor!, input, clientOf(ctx));
  }

  @Allow(Access.DEPARTEMENT_ADMIN)
  @Mutation(() => ApiClientCreatedView, {
    description: 'A new token (shown once) for a live client; the replaced one keeps working 24 hours (never past the old expiry). With expiresAt, a new expiry (at most 366 days ahead).',
  })
  rotateApiClientToken(
    @Arg('id', () => ID) id: string,
    @Arg('expiresAt', () => Date, { nullable: true }) expiresAt: Date | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ApiClientCreatedView> {
    return ctx.services.integrations.rotate(ctx.actor!, id, expiresAt, clientOf(ctx));
  }

  @Allow(Access.DEPARTEMENT_ADMIN)
  @Mutation(() => ApiClientView, { description: 'Revokes the token at once, on every instance.' })
  revokeApiClient(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ApiClientView> {
    return ctx.services.integrations.revoke(ctx.actor!, id, clientOf(ctx));
  }
}
