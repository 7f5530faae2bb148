import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context/request-context';
import { Access, Allow } from '../../platform/auth/access';
import { LoginPayload, LoginStatus, MeView } from './me.types';

@Resolver(() => LoginPayload)
export class SessionResolver {
  @FieldResolver(() => MeView, { nullable: true, description: 'Set when status is SIGNED_IN.' })
  async me(@Root() payload: LoginPayload, @Ctx() ctx: RequestContext): Promise<MeView | null> {
    return payload.userId ? ctx.services.me.signedIn(payload.userId) : null;
  }

  @Allow(Access.PUBLIC)
  @Query(() => MeView, { name: 'me', nullable: true, description: 'The signed-in user, or null.' })
  async currentUser(@Ctx() ctx: RequestContext): Promise<MeView | null> {
    return ctx.actor ? ctx.services.me.me(ctx.actor) : null;
  }

  @Allow(Access.PUBLIC)
  @Mutation(() => LoginPayload, {
    description: 'Signs in with a login or alias and a password (or an activation code). Sets the session cookie.',
  })
  async login(
    @Arg('login') login: string,
    @Arg('password') password: string,
    @Ctx() ctx: RequestContext,
  ): Promise<LoginPayload> {
    const outcome = await ctx.services.authentication.login(login, password, {
      address: ctx.clientAddress,
      userAgent: ctx.userAgent,
    });
    if (outcome.status !== LoginStatus.SIGNED_IN || !outcome.token) return { status: outcome.status, userId: null };
    ctx.setSessionCookie(outcome.token);
    return { status: outcome.status, userId: outcome.userId };
  }

  @Allow(Access.PUBLIC)
  @Mutation(() => Boolean, { description: 'Ends the current session. True even when nobody was signed in.' })
  async logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    await ctx.services.authentication.logout(ctx.actor);
    ctx.clearSessionCookie();
    return true;
  }
}
