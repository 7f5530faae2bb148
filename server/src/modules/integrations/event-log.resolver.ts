import { Arg, Ctx, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Access, Allow } from '../../platform/auth/access';
import type { RequestContext } from '../../platform/context/request-context';
import { pageOf } from '../../platform/graphql/list-cost';
import { checkCursor } from './event-cursor';
import { EventPage, EventRow, eventView, EventView } from './event-log.types';
import { EventStream } from './event-stream';

@Resolver()
export class EventLogResolver {
  @Allow(Access.ADMIN)
  @Query(() => EventPage, {
    description: 'Events of your scope (kept 7 days), oldest first after the cursor: poll with the last endCursor. A cursor older than 7 days: CURSOR_EXPIRED.',
    complexity: pageOf(100),
  })
  events(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('types', () => [String], { nullable: true }) types: string[] | null,
    @Ctx() ctx: RequestContext,
  ): Promise<EventPage> {
    return ctx.services.eventLog.poll(ctx.actor!, { after, first, types });
  }

  @Allow(Access.ADMIN)
  @Subscription(() => EventView, {
    description: 'Events of your scope after the cursor (replayed from the log), then live: no gap, no duplicate. Keep the last cursor to resume.',
    subscribe: ({ args, context }) => {
      const ctx = context as RequestContext;
      const after = (args.after as string | null | undefined) ?? null;
      if (after) checkCursor(after);
      return new EventStream(ctx.services.eventLog, ctx.services.events, ctx.actor!, after, (args.types as string[] | null | undefined) ?? null);
    },
  })
  eventsSince(
    @Root() row: EventRow,
    @Arg('after', () => String, { nullable: true }) _after: string | null,
    @Arg('types', () => [String], { nullable: true }) _types: string[] | null,
  ): EventView {
    return eventView(row);
  }
}
