import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../platform/context/request-context';
import { Access, Allow } from '../../platform/auth/access';
import { AuditConnection, AuditFilter } from './audit.types';
import { pageOf } from '../../platform/graphql/list-cost';

@Resolver()
export class AuditResolver {
  @Allow(Access.ADMIN)
  @Query(() => AuditConnection, { description: 'The audit log of your scope, newest first (« Historique »).', complexity: pageOf(200) })
  auditLog(
    @Arg('filter', () => AuditFilter, { nullable: true }) filter: AuditFilter | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<AuditConnection> {
    return ctx.services.auditQuery.page(ctx.actor!, filter ?? {}, first, after);
  }
}
