import { Field, InputType, ObjectType } from 'type-graphql';
import { Sensitive } from '../../platform/auth/integration-fields';

@InputType({ description: 'The activation page: login and code from the sheet, the new password twice, contact details.' })
export class ActivateAccountInput {
  @Field()
  login!: string;

  @Field()
  activationCode!: string;

  @Field()
  password!: string;

  @Field()
  passwordConfirmation!: string;

  @Field(() => String, { nullable: true, description: 'Required for parents (REQUIRE_EMAIL_FOR_RELATIVES), optional otherwise.' })
  email?: string | null;

  @Field(() => String, { nullable: true })
  mobile?: string | null;
}

@InputType({ description: 'The renewal page: the login and code used to sign in, the login typed again, the new password twice.' })
export class ResetPasswordInput {
  @Field()
  login!: string;

  @Field()
  renewalCode!: string;

  @Field()
  loginConfirmation!: string;

  @Field()
  password!: string;

  @Field()
  passwordConfirmation!: string;
}

@ObjectType('RenewalCode', { description: 'Shown once to the admin who generated it; stored hashed.' })
export class RenewalCodeView {
  @Sensitive()
  @Field()
  code!: string;

  @Field()
  expiresAt!: Date;

  /** Whose code it is, for the printed slip (`slipPdf`, resolved by the mailings module); not a GraphQL field. */
  holder!: { firstName: string; login: string };
}

@ObjectType('PasswordRule')
export class PasswordRuleView {
  @Field({ description: 'The rule in the language of the request.' })
  text!: string;

  @Field()
  minLength!: number;

  @Field()
  maxLength!: number;
}
