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
      "« Tableau de bord »: a director's école, an ERUN's circonscription, a département admin's circonscriptions and écoles. With structureId, only the écoles under that structure of your scope (else NOT_FOUND).",
  })
  supervision(@Arg('structureId', () => ID, { nullable: true }) structureId: string | null, @Ctx() ctx: RequestContext): Promise<SupervisionView> {
    return ctx.services.supervision.dashboard(ctx.actor!, structureId ?? null);
  }

  @Allow(Access.ADMIN)
  @SharedPayload()
  @Subscription(() => SupervisionChange, {
    description:
      'A figure of the « Tableau de bord » changed (accounts, activation, guardians, blocks, pre-deletions, e-mails, imports, renewal codes) in an école of your scope; pending reports have reportAdded / reportTreated. Carries no figure: read `supervision` again.',
    subscribe: ({ context }) => (context as RequestContext).services.supervisionLive.subscribe((context as RequestContext).actor!.userId),
  })
  supervisionChanged(@Root() change: SupervisionChange): SupervisionChange {
    return change;
  }
}
