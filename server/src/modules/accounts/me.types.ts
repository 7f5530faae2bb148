import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Sensitive } from '../../platform/auth/integration-fields';
import { FunctionGrantView, SchoolClassView, StructureView } from '../directory';
import { Profile } from '../../platform/model/profile';
import { listOf } from '../../platform/graphql/list-cost';

export enum HomeKind {
  /** Circonscription or département admin, or operator: the supervisor home. */
  SUPERVISOR = 'SUPERVISOR',
  /** Director (administrateur local): the two zones of the guide. */
  SCHOOL_ADMIN = 'SCHOOL_ADMIN',
  TEACHER = 'TEACHER',
  /** Pupils, parents, staff: their fil de nouveautés. */
  USER = 'USER',
}
registerEnumType(HomeKind, { name: 'HomeKind', description: 'Which home page fits the signed-in user.' });

export enum LoginStatus {
  SIGNED_IN = 'SIGNED_IN',
  /** Signed in with an activation code: the activation page must be completed first. */
  ACTIVATION_REQUIRED = 'ACTIVATION_REQUIRED',
  /** Signed in with a renewal code: a new password must be chosen first. */
  RENEWAL_REQUIRED = 'RENEWAL_REQUIRED',
}
registerEnumType(LoginStatus, { name: 'LoginStatus' });

@ObjectType('Me', { description: 'The signed-in user, their functions and where they belong.' })
export class MeView {
  @Field(() => ID)
  id!: string;

  @Field()
  login!: string;

  @Field(() => String, { nullable: true })
  alias!: string | null;

  @Field()
  firstName!: string;

  @Field()
  lastName!: string;

  @Field({ description: 'NOM Prénom, as the ENT shows people.' })
  displayName!: string;

  @Field(() => Profile)
  profile!: Profile;

  @Field(() => HomeKind)
  home!: HomeKind;

  @Field(() => [FunctionGrantView], { complexity: listOf(10) })
  functions!: FunctionGrantView[];

  @Field(() => [StructureView], { description: 'The écoles (établissements) the user belongs to.', complexity: listOf(10) })
  schools!: StructureView[];

  @Field(() => [SchoolClassView], { complexity: listOf(20) })
  classes!: SchoolClassView[];

  @Sensitive()
  @Field(() => Date, { nullable: true })
  lastLoginAt!: Date | null;
}

@ObjectType('LoginPayload')
export class LoginPayload {
  @Field(() => LoginStatus)
  status!: LoginStatus;

  /** Signed-in user, resolved only when the client asks for `me` (see SessionResolver). */
  userId!: string | null;
}
