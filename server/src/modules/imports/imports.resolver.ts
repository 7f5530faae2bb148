import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Access, Allow } from '../../platform/auth/access';
import type { RequestContext } from '../../platform/context/request-context';
import { pageOf } from '../../platform/graphql/list-cost';
import { LineOperation } from './import-report';
import { importLinePage, importSessionView, type ImportSessionSource } from './imports.views';
import { ImportLinePage, ImportSessionView } from './imports.types';

@Resolver(() => ImportSessionView)
export class ImportsResolver {
  @Allow(Access.ADMIN)
  @Query(() => ImportSessionView, { description: 'A dry run you made (POST /imports/dry-run?ecole=<id> with the files returns its id).' })
  async importSession(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ImportSessionView> {
    return importSessionView(await ctx.services.imports.session(ctx.actor!, id), ctx.lang);
  }

  @FieldResolver(() => ImportLinePage, { description: 'The report, line by line, in file order (absent accounts last).', complexity: pageOf(200) })
  lines(
    @Root() session: ImportSessionView,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('operation', () => LineOperation, { nullable: true }) operation: LineOperation | null,
    @Ctx() ctx: RequestContext,
  ): ImportLinePage {
    return importLinePage(session as ImportSessionSource, first, offset, operation, ctx.lang);
  }
}
