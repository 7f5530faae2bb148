import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ContactDetail, Sensitive } from '../../platform/auth/integration-fields';
import type { RequestContext } from '../../platform/context/request-context';
import { userLoaders } from './users.loaders';
import { Access, Allow } from '../../platform/auth/access';
import { directoryLoaders, FunctionGrantView, SchoolClassView, StructureView, AccountSource, UserView } from '../directory';
import { CommunicationRuleView } from './user-record.types';
import { listOf } from '../../platform/graphql/list-cost';

/**
 * The record sections of a User. A User only reaches a client through a scoped query; `detail`
 * says whether the caller may see its record (false for a colleague listed in a class): then these
 * fields are null or empty, never the data.
 */
@Resolver(() => UserView)
export class UserFieldsResolver {
  private record(user: UserView, ctx: RequestContext) {
    return user.detail ? userLoaders(ctx).userRecord.load(user.id) : null;
  }

  @ContactDetail()
  @FieldResolver(() => String, { nullable: true, description: 'Adresse électronique' })
  async email(@Root() user: UserView, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await this.record(user, ctx))?.email ?? null;
  }

  @ContactDetail()
  @FieldResolver(() => String, { nullable: true })
  async mobile(@Root() user: UserView, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await this.record(user, ctx))?.mobile ?? null;
  }

  @Sensitive()
  @Allow(Access.ADMIN, Access.TEACHER)
  @FieldResolver(() => String, {
    nullable: true,
    description: "Code d'activation, while the account is not activated (admins in scope, and the pupil's teachers).",
  })
  async activationCode(@Root() user: UserView, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await this.record(user, ctx))?.activationCode ?? null;
  }

  @Sensitive()
  @FieldResolver(() => String, { nullable: true, description: 'Identifiant externe (INE for pupils)' })
  async externalId(@Root() user: UserView, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await this.record(user, ctx))?.externalId ?? null;
  }

  @FieldResolver(() => AccountSource, { nullable: true })
  async source(@Root() user: UserView, @Ctx() ctx: RequestContext): Promise<AccountSource | null> {
    return (await this.record(user, ctx))?.source ?? null;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'Date de création' })
  async createdAt(@Root() user: UserView, @Ctx() ctx: RequestContext): Promise<Date | null> {
    return (await this.record(user, ctx))?.createdAt ?? null;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'Date de dernière modification' })
  async updatedAt(@Root() user: UserView, @Ctx() ctx: RequestContext): Promise<Date | null> {
    return (await this.record(user, ctx))?.updatedAt ?? null;
  }

  @Sensitive()
  @FieldResolver(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  async birthDate(@Root() user: UserView, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await this.record(user, ctx))?.birthDate ?? null;
  }

  @FieldResolver(() => Boolean)
  async hasPhoto(@Root() user: UserView, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await this.record(user, ctx))?.hasPhoto ?? false;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'Deleted for good after this date unless restored.' })
  async deleteAfter(@Root() user: UserView, @Ctx() ctx: RequestContext): Promise<Date | null> {
    return (await this.record(user, ctx))?.deleteAfter ?? null;
  }

  @FieldResolver(() => [SchoolClassView], { description: '« Classe(s) » within your scope', complexity: listOf(20) })
  async classes(@Root() user: UserView, @Ctx() ctx: RequestContext): Promise<SchoolClassView[]> {
    return user.detail ? userLoaders(ctx).userClasses.load(user.id) : [];
  }

  @FieldResolver(() => [StructureView], { description: '« Établissement(s) » within your scope', complexity: listOf(10) })
  async schools(@Root() user: UserView, @Ctx() ctx: RequestContext): Promise<StructureView[]> {
    return user.detail ? userLoaders(ctx).userStructures.load(user.id) : [];
  }

  @Allow(Access.ADMIN, Access.TEACHER)
  @FieldResolver(() => [UserView], { description: '« Responsable(s) » within your scope', complexity: listOf(10) })
  async relatives(@Root() user: UserView, @Ctx() ctx: RequestContext): Promise<UserView[]> {
    return user.detail ? userLoaders(ctx).userRelatives.load(user.id) : [];
  }

  @Allow(Access.ADMIN, Access.TEACHER)
  @FieldResolver(() => [UserView], { description: '« Enfant(s) » within your scope', complexity: listOf(10) })
  async children(@Root() user: UserView, @Ctx() ctx: RequestContext): Promise<UserView[]> {
    return user.detail ? userLoaders(ctx).userChildren.load(user.id) : [];
  }

  @FieldResolver(() => [FunctionGrantView], { description: '« Fonctions »', complexity: listOf(10) })
  async functions(@Root() user: UserView, @Ctx() ctx: RequestContext): Promise<FunctionGrantView[]> {
    if (!user.detail) return [];
    const grants = await userLoaders(ctx).userFunctions.load(user.id);
    return Promise.all(
      grants.map(async (grant) => ({
        function: grant.function,
        structure: grant.structureId ? await directoryLoaders(ctx).structure.load(grant.structureId) : null,
      })),
    );
  }

  @Allow(Access.ADMIN)
  @FieldResolver(() => [CommunicationRuleView], { description: "« Règles de communication de l'utilisateur »", complexity: listOf(10) })
  async communicationRules(@Root() user: UserView, @Ctx() ctx: RequestContext): Promise<CommunicationRuleView[]> {
    if (!user.detail) return [];
    return ctx.services.communicationRules.describe(user.id, user.profile, user.status === 'BLOCKED', ctx.lang);
  }
}
