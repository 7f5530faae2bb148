import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context/request-context';
import { Access, Allow } from '../../platform/auth/access';
import { AdminFunction } from '../../platform/model/admin-function';
import { SchoolClassView, UserView } from '../directory';
import { Profile } from '../../platform/model/profile';
import { UserConnection, UserFilter, UserOrder, UserSearchHit } from './users.types';
import { pageOf, searchOf } from '../../platform/graphql/list-cost';

@InputType({ description: '« Créer un utilisateur » (feed accounts arrive by themselves within 48–72 h).' })
export class CreateUserInput {
  @Field(() => Profile)
  profile!: Profile;

  @Field()
  firstName!: string;

  @Field()
  lastName!: string;

  @Field(() => ID, { description: 'The école of the new account.' })
  schoolId!: string;

  @Field(() => ID, { nullable: true })
  classId?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  birthDate?: string | null;
}

const client = (ctx: RequestContext) => ({ address: ctx.clientAddress });

@Resolver()
export class UsersResolver {
  @Allow(Access.ADMIN)
  @Query(() => [UserSearchHit], {
    description: '« Rechercher un utilisateur »: first letters of a first or last name, within your scope.',
    complexity: searchOf(50),
  })
  searchUsers(
    @Arg('query') query: string,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: RequestContext,
  ): Promise<UserSearchHit[]> {
    return ctx.services.userSearch.search(ctx.actor!, query, first);
  }

  @Allow(Access.ADMIN)
  @Query(() => UserConnection, { description: 'The user list of your scope: filters, sort, keyset paging, total.', complexity: pageOf(200) })
  users(
    @Arg('filter', () => UserFilter, { nullable: true }) filter: UserFilter | null,
    @Arg('orderBy', () => UserOrder, { defaultValue: UserOrder.NAME }) orderBy: UserOrder,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<UserConnection> {
    return ctx.services.userList.page(ctx.actor!, filter ?? {}, orderBy, first, after);
  }

  @Allow(Access.ADMIN, Access.TEACHER)
  @Query(() => UserView, { description: 'A user record (fiche) in your scope; a teacher sees their own pupils.' })
  user(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<UserView> {
    return ctx.services.userRecords.find(ctx.actor!, id);
  }

  @Allow(Access.ADMIN)
  @Mutation(() => UserView, { description: '« Identifiant personnalisé » — Enregistrer (null or empty removes it).' })
  setLoginAlias(@Arg('userId', () => ID) userId: string, @Arg('alias', () => String, { nullable: true }) alias: string | null, @Ctx() ctx: RequestContext): Promise<UserView> {
    return ctx.services.userAdmin.setAlias(ctx.actor!, userId, alias, client(ctx));
  }

  @Allow(Access.ADMIN)
  @Mutation(() => UserView, { description: '« Ajouter une classe »' })
  attachToClass(@Arg('userId', () => ID) userId: string, @Arg('classId', () => ID) classId: string, @Ctx() ctx: RequestContext): Promise<UserView> {
    return ctx.services.userAdmin.attachToClass(ctx.actor!, userId, classId, client(ctx));
  }

  @Allow(Access.ADMIN)
  @Mutation(() => UserView)
  detachFromClass(@Arg('userId', () => ID) userId: string, @Arg('classId', () => ID) classId: string, @Ctx() ctx: RequestContext): Promise<UserView> {
    return ctx.services.userAdmin.detachFromClass(ctx.actor!, userId, classId, client(ctx));
  }

  @Allow(Access.ADMIN)
  @Mutation(() => SchoolClassView, { description: 'Attach several teachers to a class at once (all or nothing).' })
  async attachTeachersToClass(
    @Arg('classId', () => ID) classId: string,
    @Arg('userIds', () => [ID]) userIds: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<SchoolClassView> {
    await ctx.services.userAdmin.attachTeachers(ctx.actor!, classId, userIds, client(ctx));
    return ctx.services.classes.find(ctx.actor!, classId);
  }

  @Allow(Access.ADMIN)
  @Mutation(() => UserView, { description: '« Ajouter un responsable »' })
  addRelative(@Arg('studentId', () => ID) studentId: string, @Arg('relativeId', () => ID) relativeId: string, @Ctx() ctx: RequestContext): Promise<UserView> {
    return ctx.services.userAdmin.addRelative(ctx.actor!, studentId, relativeId, client(ctx));
  }

  @Allow(Access.ADMIN)
  @Mutation(() => UserView)
  removeRelative(@Arg('studentId', () => ID) studentId: string, @Arg('relativeId', () => ID) relativeId: string, @Ctx() ctx: RequestContext): Promise<UserView> {
    return ctx.services.userAdmin.removeRelative(ctx.actor!, studentId, relativeId, client(ctx));
  }

  @Allow(Access.ADMIN)
  @Mutation(() => UserView, { description: "« Attribuer droit d'Administrateur » over a structure of your own scope." })
  grantAdminFunction(
    @Arg('userId', () => ID) userId: string,
    @Arg('function', () => AdminFunction) fn: AdminFunction,
    @Arg('structureId', () => ID, { nullable: true }) structureId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<UserView> {
    return ctx.services.userAdmin.grantFunction(ctx.actor!, userId, fn, structureId, client(ctx));
  }

  @Allow(Access.ADMIN)
  @Mutation(() => UserView)
  revokeAdminFunction(
    @Arg('userId', () => ID) userId: string,
    @Arg('function', () => AdminFunction) fn: AdminFunction,
    @Arg('structureId', () => ID, { nullable: true }) structureId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<UserView> {
    return ctx.services.userAdmin.revokeFunction(ctx.actor!, userId, fn, structureId, client(ctx));
  }

  @Allow(Access.ADMIN)
  @Mutation(() => UserView, { description: '« Supprimer la photo »' })
  removeUserPhoto(@Arg('userId', () => ID) userId: string, @Ctx() ctx: RequestContext): Promise<UserView> {
    return ctx.services.userAdmin.removePhoto(ctx.actor!, userId, client(ctx));
  }

  @Allow(Access.ADMIN)
  @Mutation(() => UserView, { description: '« Pré-supprimer le compte »: disabled now, deleted after the grace period unless restored.' })
  predeleteUser(@Arg('userId', () => ID) userId: string, @Ctx() ctx: RequestContext): Promise<UserView> {
    return ctx.services.userAdmin.predelete(ctx.actor!, userId, client(ctx));
  }

  @Allow(Access.ADMIN)
  @Mutation(() => UserView, { description: '« Restaurer »' })
  restoreUser(@Arg('userId', () => ID) userId: string, @Ctx() ctx: RequestContext): Promise<UserView> {
    return ctx.services.userAdmin.restore(ctx.actor!, userId, client(ctx));
  }

  @Allow(Access.ADMIN)
  @Mutation(() => UserView, { description: '« Créer un utilisateur »: a manual account (may be billed); login and activation code generated.' })
  createUser(@Arg('input') input: CreateUserInput, @Ctx() ctx: RequestContext): Promise<UserView> {
    return ctx.services.userAdmin.create(ctx.actor!, input, client(ctx));
  }
}

@Resolver(() => UserConnection)
export class UserConnectionResolver {
  @FieldResolver(() => Int, { description: 'Accounts matching the filters (computed only when asked for).' })
  totalCount(@Root() connection: UserConnection): Promise<number> {
    return connection.countTotal();
  }
}
