import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Access, Allow } from '../../platform/auth/access';
import type { RequestContext } from '../../platform/context/request-context';
import { SupervisionView } from './supervision.types';

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
}
