import { Arg, Ctx, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Access, Allow } from '../../platform/auth/access';
import type { RequestContext } from '../../platform/context/request-context';
import { SharedPayload } from '../../platform/live/shared-payload';
import { SupervisionChange, SupervisionView } from './supervision.types';

@Resolver()
export class SupervisionResolver {
  @Allow(Access.ADMIN)
  @Query(() => SupervisionView, {
    description:
      "« Tableau de bord »: a director's école, an ERUN's circonscription, a département admin's circonscriptions and écoles. With structureId, only the écoles under that structure of your scope (else NOT_FOUND). An integration token with stats:read reads its client's subtree (counts only: no field names a person).",
  })
  supervision(@Arg('structureId', () => ID, { nullable: true }) structureId: string | null, @Ctx() ctx: RequestContext): Promise<SupervisionView> {
    return ctx.services.supervision.dashboard(ctx.actor!, structureId ?? null);
  }

  @Allow(Access.ADMIN)
  @SharedPayload()
  @Subscription(() => SupervisionChange, {
    description:
      'A figure of the « Tableau de bord » changed (accounts, activation, guardians, blocks, pre-deletions, e-mails, imports, renewal codes) in an école of your scope; pending reports have reportAdded / reportTreated. Carries no figure: read `supervision` again. An integration token with stats:read hears of the changes its client\'s subtree holds.',
    subscribe: ({ context }) => {
      // A person's channel is keyed by their id; an integration token's by its client (modules/supervision/index.ts).
      const ctx = context as RequestContext;
      const integration = ctx.actor!.integration;
      return integration ? ctx.services.supervisionToClients.subscribe(integration.clientId) : ctx.services.supervisionLive.subscribe(ctx.actor!.userId);
    },
  })
  supervisionChanged(@Root() change: SupervisionChange): SupervisionChange {
    return change;
  }
}
