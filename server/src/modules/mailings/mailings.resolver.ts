import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../platform/context/request-context';
import { Access, Allow } from '../../platform/auth/access';
import { UserFilter } from '../users';
import { RecipientStatus } from './mailing.entity';
import { CreateMailingInput, MailingPage, MailingRecipientPage, MailingSelectionCounts, MailingView } from './mailings.types';
import { pageOf } from '../../platform/graphql/list-cost';
import { filteredFeed } from '../../platform/live/filtered-feed';

@Resolver(() => MailingView)
export class MailingsResolver {
  @Allow(Access.ADMIN, Access.TEACHER)
  @Mutation(() => MailingView, {
    description:
      '« Générer en PDF » / « Envoyer par mail »: freezes the selection and its order, then works in the background (follow it with `mailingProgress`).',
  })
  createMailing(@Arg('input', () => CreateMailingInput) input: CreateMailingInput, @Ctx() ctx: RequestContext): Promise<MailingView> {
    return ctx.services.mailings.create(ctx.actor!, input, ctx.clientAddress);
  }

  @Allow(Access.ADMIN, Access.TEACHER)
  @Query(() => MailingPage, { description: 'The mailings you made (PDF and e-mail), newest first, with their state.', complexity: pageOf(50) })
  myMailings(
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<MailingPage> {
    return ctx.services.mailings.mine(ctx.actor!, first, after);
  }

  @Allow(Access.ADMIN, Access.TEACHER)
  @Query(() => MailingView, { description: 'A mailing you made.' })
  mailing(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<MailingView> {
    return ctx.services.mailings.find(ctx.actor!, id);
  }

  @Allow(Access.ADMIN)
  @Query(() => MailingSelectionCounts, { description: '« N comptes sélectionnés au total », « N comptes sans adresse courriel ».' })
  mailingSelection(@Arg('filter', () => UserFilter, { nullable: true }) filter: UserFilter | null, @Ctx() ctx: RequestContext): Promise<MailingSelectionCounts> {
    return ctx.services.mailings.selectionCounts(ctx.actor!, filter);
  }

  @FieldResolver(() => MailingRecipientPage, {
    description: 'Each account of an e-mail mailing and what became of its e-mail, in mailing order.',
    complexity: pageOf(200),
  })
  recipients(
    @Root() mailing: MailingView,
    @Arg('status', () => RecipientStatus, { nullable: true }) status: RecipientStatus | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<MailingRecipientPage> {
    return ctx.services.mailings.recipients(ctx.actor!, mailing.id, status, first, after);
  }

  @Allow(Access.ADMIN, Access.TEACHER)
  @Subscription(() => MailingView, {
    description: 'Progress of one of your mailings, a few times a second while it runs, then once finished.',
    subscribe: async ({ args, context }) => {
      const ctx = context as RequestContext;
      await ctx.services.mailings.find(ctx.actor!, args.id as string); // NOT_FOUND unless it is yours
      return filteredFeed(ctx.services.mailingLive.subscribe(ctx.actor!.userId), (event) => event.id === args.id);
    },
  })
  mailingProgress(@Arg('id', () => ID) id: string, @Root() mailing: MailingView): MailingView {
    void id;
    return mailing;
  }
}
