import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../platform/context/request-context';
import { Access, Allow } from '../../platform/auth/access';
import { OutboxMailView } from './outbox.types';
import { pageOf } from '../../platform/graphql/list-cost';

@Resolver()
export class OutboxResolver {
  @Allow(Access.OPERATOR)
  @Query(() => [OutboxMailView], { description: 'Demo only (no SMTP_URL): the mails Préau would have sent, newest first.', complexity: pageOf(200) })
  outbox(@Arg('first', () => Int, { defaultValue: 50 }) first: number, @Ctx() ctx: RequestContext): Promise<OutboxMailView[]> {
    return ctx.services.outbox.latest(first);
  }
}
