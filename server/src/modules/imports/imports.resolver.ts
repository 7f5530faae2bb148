import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Access, Allow } from '../../platform/auth/access';
import type { RequestContext } from '../../platform/context/request-context';
import { pageOf } from '../../platform/graphql/list-cost';
import { LineOperation } from './import-report';
import { importLinePage, importSessionView, type ImportSessionSource } from './imports.views';
import { ImportLinePage, ImportOutcomeView, ImportProgressView, ImportResolutionInput, ImportSessionView } from './imports.types';
import { filteredFeed } from '../../platform/live/filtered-feed';

@Resolver(() => ImportSessionView)
export class ImportsResolver {
  @Allow(Access.ADMIN)
  @Query(() => ImportSessionView, {
    description:
      'A dry run you made (POST /imports/dry-run?ecole=<id> with the files returns its id). One made with an integration token (imports:write) is its API client\'s alone.',
  })
  async importSession(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ImportSessionView> {
    return importSessionView(await ctx.services.imports.session(ctx.actor!, id), ctx.lang);
  }

  @Allow(Access.ADMIN)
  @Mutation(() => ImportOutcomeView, {
    description:
      '« Appliquer » a dry run of yours: refused if the école changed since (IMPORT_STALE), while a line is « À arbitrer » (IMPORT_UNRESOLVED), or when leavers.confirmationRequired is not typed in confirmLeavers. Applying it twice writes once.',
  })
  async applyImport(
    @Arg('sessionId', () => ID) sessionId: string,
    @Arg('resolutions', () => [ImportResolutionInput], { defaultValue: [] }) resolutions: ImportResolutionInput[],
    @Arg('confirmLeavers', () => Int, { nullable: true }) confirmLeavers: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportOutcomeView> {
    return ctx.services.importApply.apply(ctx.actor!, sessionId, resolutions, confirmLeavers ?? null, ctx.clientAddress);
  }

  @Allow(Access.ADMIN)
  @Subscription(() => ImportProgressView, {
    description: '« Appliquer » of one of your dry runs as it runs: a few events a second, the last one APPLIED once committed.',
    subscribe: async ({ args, context }) => {
      const ctx = context as RequestContext;
      await ctx.services.imports.session(ctx.actor!, args.sessionId as string); // NOT_FOUND unless it is yours, in scope
      const integration = ctx.actor!.integration;
      const feed = integration ? ctx.services.importToClients.subscribe(integration.clientId) : ctx.services.importLive.subscribe(ctx.actor!.userId);
      return filteredFeed(feed, (event) => event.sessionId === args.sessionId);
    },
  })
  importProgress(@Arg('sessionId', () => ID) sessionId: string, @Root() progress: ImportProgressView): ImportProgressView {
    void sessionId;
    return progress;
  }

  @FieldResolver(() => ImportLinePage, { description: 'The report, line by line, in file order (absent accounts last).', complexity: pageOf(200) })
  lines(
    @Root() session: ImportSessionView,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('operation', () => LineOperation, { nullable: true }) operation: LineOperation | null,
    @Arg('decidable', () => Boolean, {
      defaultValue: false,
      description: 'Only the lines « Appliquer » takes a resolution for: « À arbitrer », and guardians with a « même adresse » proposal to confirm',
    })
    decidable: boolean,
    @Ctx() ctx: RequestContext,
  ): ImportLinePage {
    return importLinePage(session as ImportSessionSource, first, offset, operation, decidable, ctx.lang);
  }
}
