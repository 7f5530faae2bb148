import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../platform/context/request-context';
import { Access, Allow } from '../../platform/auth/access';
import { UserView } from '../directory';
import { ActivateAccountInput, PasswordRuleView, RenewalCodeView, ResetPasswordInput } from './accounts.types';
import { LoginPayload, LoginStatus } from './me.types';
import { PASSWORD_MAX, PASSWORD_MIN, passwordRuleText } from './password-policy';

const client = (ctx: RequestContext) => ({ address: ctx.clientAddress, userAgent: ctx.userAgent });

@Resolver()
export class AccountsResolver {
  @Allow(Access.PUBLIC)
  @Query(() => PasswordRuleView, { description: 'The password rule, to show on every page that sets a password.' })
  passwordRule(@Ctx() ctx: RequestContext): PasswordRuleView {
    return { text: passwordRuleText[ctx.lang], minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX };
  }

  @Allow(Access.PUBLIC)
  @Mutation(() => LoginPayload, { description: 'First connection: sets the password (and e-mail, mobile), erases the code, signs in.' })
  async activateAccount(@Arg('input') input: ActivateAccountInput, @Ctx() ctx: RequestContext): Promise<LoginPayload> {
    const { userId, token } = await ctx.services.activation.activate(input, client(ctx));
    ctx.setSessionCookie(token);
    return { status: LoginStatus.SIGNED_IN, userId };
  }

  @Allow(Access.PUBLIC)
  @Mutation(() => Boolean, { description: 'Sets a new password with a renewal code (single use). Sign in afterwards.' })
  async resetPasswordWithCode(@Arg('input') input: ResetPasswordInput, @Ctx() ctx: RequestContext): Promise<boolean> {
    await ctx.services.renewal.resetWithCode(input, client(ctx));
    return true;
  }

  @Allow(Access.PUBLIC)
  @Mutation(() => Boolean, { description: '« Mot de passe oublié »: mails a renewal link if the account has an address. True whatever the login; MAIL_UNAVAILABLE on an instance that cannot send e-mail.' })
  async requestPasswordReset(@Arg('login') login: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    await ctx.services.renewal.requestReset(login, client(ctx));
    return true;
  }

  @Allow(Access.ADMIN, Access.TEACHER)
  @Mutation(() => RenewalCodeView, { description: '« Générer un code de renouvellement de mot de passe » (admins in scope, teachers for their pupils).' })
  generateRenewalCode(@Arg('userId', () => ID) userId: string, @Ctx() ctx: RequestContext): Promise<RenewalCodeView> {
    return ctx.services.renewal.generate(ctx.actor!, userId, client(ctx));
  }

  @Allow(Access.ADMIN)
  @Mutation(() => UserView, { description: '« Bloquer le compte »: ends every session and live connection at once.' })
  blockUser(
    @Arg('userId', () => ID) userId: string,
    @Arg('until', () => Date, { nullable: true }) until: Date | null,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<UserView> {
    return ctx.services.blocking.block(ctx.actor!, userId, until, reason, client(ctx));
  }

  @Allow(Access.ADMIN)
  @Mutation(() => UserView, { description: '« Débloquer »: access is restored at once.' })
  unblockUser(@Arg('userId', () => ID) userId: string, @Ctx() ctx: RequestContext): Promise<UserView> {
    return ctx.services.blocking.unblock(ctx.actor!, userId, client(ctx));
  }
}
