import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../app/context';
import { loaders } from '../../app/loaders';
import { Access, Allow } from '../../platform/auth/access';
import { SchoolClassView, StructureView } from './directory.types';

@Resolver(() => StructureView)
export class StructureResolver {
  @Allow(Access.SIGNED_IN)
  @Query(() => [StructureView], {
    description: 'The structures you administer (with everything under them), else the écoles you belong to.',
  })
  structures(@Ctx() ctx: RequestContext): Promise<StructureView[]> {
    return ctx.services.directory.structures(ctx.actor!);
  }

  @Allow(Access.ADMIN, Access.TEACHER)
  @Query(() => [SchoolClassView], {
    description: 'The classes of an école in your scope (a teacher sees their own classes).',
  })
  schoolClasses(@Arg('structureId', () => ID) structureId: string, @Ctx() ctx: RequestContext): Promise<SchoolClassView[]> {
    return ctx.services.directory.schoolClasses(ctx.actor!, structureId);
  }
}

@Resolver(() => SchoolClassView)
export class SchoolClassResolver {
  /** A class only reaches a client through a scoped query, so its école is in scope too. */
  @FieldResolver(() => StructureView)
  async school(@Root() schoolClass: SchoolClassView, @Ctx() ctx: RequestContext): Promise<StructureView> {
    return loaders(ctx).structure.load(schoolClass.schoolId);
  }
}
