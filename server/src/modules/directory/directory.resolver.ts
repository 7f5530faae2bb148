import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../app/context';
import { loaders } from '../../app/loaders';
import { Access, Allow } from '../../platform/auth/access';
import { SchoolClassView, StructureView } from './directory.types';
import { Profile } from './user.entity';
import { UserView } from './user.types';

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

  @Allow(Access.ADMIN, Access.TEACHER)
  @Query(() => SchoolClassView, { description: '« Paramétrage de la classe »: a class of your scope, or one you teach.' })
  schoolClass(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<SchoolClassView> {
    return ctx.services.classes.find(ctx.actor!, id);
  }
}

@Resolver(() => SchoolClassView)
export class SchoolClassResolver {
  /** A class only reaches a client through a scoped query, so its école is in scope too. */
  @FieldResolver(() => StructureView)
  async school(@Root() schoolClass: SchoolClassView, @Ctx() ctx: RequestContext): Promise<StructureView> {
    return loaders(ctx).structure.load(schoolClass.schoolId);
  }

  @Allow(Access.ADMIN, Access.TEACHER)
  @FieldResolver(() => [UserView], { description: 'The pupils, for the admins of the école and the teachers of the class.' })
  pupils(@Root() schoolClass: SchoolClassView, @Ctx() ctx: RequestContext): Promise<UserView[]> {
    return ctx.services.classes.members(ctx.actor!, schoolClass.id, Profile.STUDENT);
  }

  @Allow(Access.ADMIN, Access.TEACHER)
  @FieldResolver(() => [UserView], { description: 'The teachers, for the admins of the école and the teachers of the class.' })
  teachers(@Root() schoolClass: SchoolClassView, @Ctx() ctx: RequestContext): Promise<UserView[]> {
    return ctx.services.classes.members(ctx.actor!, schoolClass.id, Profile.TEACHER);
  }
}
