import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../platform/context/request-context';
import { Access, Allow } from '../../platform/auth/access';
import { AppError } from '../../platform/errors/app-error';
import { ContactView, InboxEventView, InboxPage, SendMessageInput, SentMessageView, InboxSignal } from './messaging.types';
import { pageOf, searchOf } from '../../platform/graphql/list-cost';

@Resolver()
export class MessagingResolver {
  @Allow(Access.SIGNED_IN)
  @Mutation(() => SentMessageView, { description: 'Sends a message; all recipients or none (communication rules, blocked accounts).' })
  sendMessage(@Arg('input') input: SendMessageInput, @Ctx() ctx: RequestContext): Promise<SentMessageView> {
    return ctx.services.messaging.send(ctx.actor!, input.recipientIds, input.body);
  }

  @Allow(Access.SIGNED_IN)
  @Query(() => InboxPage, { description: 'Your inbox, newest first, with the unread count.', complexity: pageOf(100) })
  inbox(
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<InboxPage> {
    return ctx.services.messaging.inbox(ctx.actor!, first, after);
  }

  @Allow(Access.SIGNED_IN)
  @Mutation(() => Int, { description: 'Marks a message of your inbox as read; returns the unread count.' })
  markMessageRead(@Arg('messageId', () => ID) messageId: string, @Ctx() ctx: RequestContext): Promise<number> {
    return ctx.services.messaging.markRead(ctx.actor!, messageId);
  }

  @Allow(Access.SIGNED_IN)
  @Query(() => [ContactView], { description: 'People you may write to, by the first letters of a name.', complexity: searchOf(50) })
  contacts(
    @Arg('query', { defaultValue: '' }) query: string,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: RequestContext,
  ): Promise<ContactView[]> {
    return ctx.services.messaging.contacts(ctx.actor!, query, first);
  }

  @Allow(Access.SIGNED_IN)
  @Subscription(() => InboxEventView, {
    description: 'A message arrived in your inbox.',
    subscribe: ({ context }) => (context as RequestContext).services.inboxLive.subscribe((context as RequestContext).actor!.userId),
  })
  async inboxChanged(@Root() signal: InboxSignal, @Ctx() ctx: RequestContext): Promise<InboxEventView> {
    const message = await ctx.services.messaging.received(ctx.actor!.userId, signal.messageId);
    if (!message) throw AppError.notFound();
    return { message, unreadCount: await ctx.services.messaging.unreadCount(ctx.actor!.userId) };
  }
}
