import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../platform/context/request-context';
import { Access, Allow } from '../../platform/auth/access';
import { PublishedPostView, PublishNoticeInput, PublishPostInput, TimelineChange, TimelineEventView, TimelinePage, TimelineSignal } from './timeline.types';
import { pageOf } from '../../platform/graphql/list-cost';

@ObjectType('ReportReceipt', { description: 'The report is recorded with its time and origin and sent to an ENT referent.' })
export class ReportReceiptView {
  @Field(() => ID)
  reportId!: string;

  @Field()
  reportedAt!: Date;
}

@Resolver()
export class TimelineResolver {
  @Allow(Access.SIGNED_IN)
  @Mutation(() => PublishedPostView, { description: 'Publishes an actualité to one of your classes or to your école.' })
  publishPost(@Arg('input') input: PublishPostInput, @Ctx() ctx: RequestContext): Promise<PublishedPostView> {
    return ctx.services.timeline.publish(ctx.actor!, input);
  }

  @Allow(Access.ADMIN)
  @Mutation(() => PublishedPostView, { description: 'A notice to every account under a structure of your scope (école, circonscription, département).' })
  publishNotice(@Arg('input') input: PublishNoticeInput, @Ctx() ctx: RequestContext): Promise<PublishedPostView> {
    return ctx.services.timeline.publishNotice(ctx.actor!, input);
  }

  @Allow(Access.SIGNED_IN)
  @Query(() => TimelinePage, { description: 'Your fil de nouveautés, newest first.', complexity: pageOf(100) })
  timeline(
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<TimelinePage> {
    return ctx.services.timeline.page(ctx.actor!, first, after);
  }

  @Allow(Access.SIGNED_IN)
  @Mutation(() => ReportReceiptView, { description: '« Signaler » a notification of your timeline (once).' })
  reportNotification(@Arg('notificationId', () => ID) notificationId: string, @Ctx() ctx: RequestContext): Promise<ReportReceiptView> {
    return ctx.services.reports.report(ctx.actor!, notificationId);
  }

  @Allow(Access.SIGNED_IN)
  @Subscription(() => TimelineEventView, {
    description: 'Your timeline changed: an item was published to you, or removed by moderation.',
    subscribe: ({ context }) => (context as RequestContext).services.timelineLive.subscribe((context as RequestContext).actor!.userId),
  })
  async timelineChanged(@Root() signal: TimelineSignal, @Ctx() ctx: RequestContext): Promise<TimelineEventView> {
    const item = signal.change === 'ADDED' ? await ctx.services.timeline.item(ctx.actor!, signal.notificationId) : null;
    return { change: signal.change === 'ADDED' && item ? TimelineChange.ADDED : TimelineChange.REMOVED, notificationId: signal.notificationId, item };
  }
}
