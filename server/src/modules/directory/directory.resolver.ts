import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context/request-context';
import { directoryLoaders } from './directory.loaders';
import { MAX_STRUCTURES_PAGE } from './directory.service';
import { Access, Allow } from '../../platform/auth/access';
import { SchoolClassView, StructureView } from './directory.types';
import { Profile } from '../../platform/model/profile';
import { UserView } from './user.types';
import { listOf, pageOf, pageSize } from '../../platform/graphql/list-cost';

/** A primary class has about 25 pupils: 100 is a bound no real class reaches, not a page size. */
const MAX_MEMBERS = 100;

@Resolver(() => StructureView)
export class StructureResolver {
  @Allow(Access.SIGNED_IN)
  @Query(() => [StructureView], {
    // A page when `first` is given (integrations must give it), else the whole tree in scope.
    complexity: (options) => (options.args.first == null ? listOf(1000)(options) : pageOf(MAX_STRUCTURES_PAGE)(options)),
    description:
      'The structures you administer (with everything under them), else the écoles you belong to; département, circonscriptions, then écoles, each by name. ' +
      'With `first` (1–100), one page: pass the last id received as `after` for the next one (an empty list is the end).',
  })
  structures(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => ID, { nullable: true }) after?: string,
  ): Promise<StructureView[]> {
    return ctx.services.directory.structures(ctx.actor!, { first: first ?? undefined, after: after ?? undefined });
  }

  @Allow(Access.ADMIN, Access.TEACHER)
  @Query(() => [SchoolClassView], {
    complexity: listOf(50),
    description: 'The classes of an école in your scope (a teacher sees their own classes).',
  })
  schoolClasses(@Arg('structureId', () => ID) structureId: string, @Ctx() ctx: RequestContext): Promise<SchoolClassView[]> {
    return ctx.services.directory.schoolClasses(ctx.actor!, structureId);
  }

  @Allow(Access.ADMIN, Access.TEACHER)
  @Query(() => SchoolClassView, { description: '« Paramétrage de la classe »: a class of your scope, or one you teach.' })
  schoolClass(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<SchoolClassView> {
    return ctx.services.classes.find(ctx.actor!, id);
  }
}

const membersField = (who: 'pupils' | 'teachers') => ({
  description: `The ${who}, for the admins of the école and the teachers of the class, alphabetical (the first ${MAX_MEMBERS} at most).`,
  complexity: pageOf(MAX_MEMBERS),
});

/** Members with one profile, batched with the other classes of the same level (directory.loaders.ts). */
const membersOf = (ctx: RequestContext, schoolClass: SchoolClassView, profile: Profile, first: number) =>
  directoryLoaders(ctx).classMembers.load({ classId: schoolClass.id, profile, first: pageSize(first, MAX_MEMBERS) });

@Resolver(() => SchoolClassView)
export class SchoolClassResolver {
  /** A class only reaches a client through a scoped query, so its école is in scope too. */
  @FieldResolver(() => StructureView)
  async school(@Root() schoolClass: SchoolClassView, @Ctx() ctx: RequestContext): Promise<StructureView> {
    return directoryLoaders(ctx).structure.load(schoolClass.schoolId);
  }

  @Allow(Access.ADMIN, Access.TEACHER)
  @FieldResolver(() => [UserView], membersField('pupils'))
  pupils(@Root() schoolClass: SchoolClassView, @Arg('first', () => Int, { defaultValue: MAX_MEMBERS }) first: number, @Ctx() ctx: RequestContext): Promise<UserView[]> {
    return membersOf(ctx, schoolClass, Profile.STUDENT, first);
  }

  @Allow(Access.ADMIN, Access.TEACHER)
  @FieldResolver(() => [UserView], membersField('teachers'))
  teachers(@Root() schoolClass: SchoolClassView, @Arg('first', () => Int, { defaultValue: MAX_MEMBERS }) first: number, @Ctx() ctx: RequestContext): Promise<UserView[]> {
    return membersOf(ctx, schoolClass, Profile.TEACHER, first);
  }
}
