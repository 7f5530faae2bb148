import { Field, ID, MiddlewareFn, ObjectType, registerEnumType, UseMiddleware } from 'type-graphql';
import { Identity, Sensitive } from '../../platform/auth/integration-fields';
import type { RequestContext } from '../../platform/context/request-context';
import { Profile } from '../../platform/model/profile';

export enum AccountStatus {
  /** Activated and usable. */
  ACTIVE = 'ACTIVE',
  /** Not activated yet: the activation code has not been used. */
  INACTIVE = 'INACTIVE',
  BLOCKED = 'BLOCKED',
  PREDELETED = 'PREDELETED',
}
registerEnumType(AccountStatus, { name: 'AccountStatus', description: 'Actif, Inactif (non activé), Bloqué, Pré-supprimé' });

/** An account as admins (and a pupil's teachers) see it. Only ever returned after a scope check. */
/** The time of a sign-in is the person's own business (issue 19): anyone else reads lastLoginDay. */
const onlyTheirOwn: MiddlewareFn<RequestContext> = async ({ context, root }, next) => (context.actor?.userId === (root as { id: string }).id ? next() : null);

@ObjectType('User')
export class UserView {
  @Field(() => ID)
  id!: string;

  @Identity()
  @Field()
  firstName!: string;

  @Identity()
  @Field()
  lastName!: string;

  @Identity()
  @Field({ description: 'NOM Prénom' })
  displayName!: string;

  @Identity()
  @Field()
  login!: string;

  @Identity()
  @Field(() => String, { nullable: true, description: 'Identifiant personnalisé' })
  alias!: string | null;

  @Field(() => Profile)
  profile!: Profile;

  @Field(() => AccountStatus)
  status!: AccountStatus;

  @Field({ description: 'False while the activation code has not been used (shown with a padlock).' })
  activated!: boolean;

  @Field(() => Date, { nullable: true, description: 'End of the block; null while blocked means until unblocked.' })
  blockedUntil!: Date | null;

  @Field(() => String, { nullable: true })
  blockedReason!: string | null;

  @Sensitive()
  @UseMiddleware(onlyTheirOwn)
  @Field(() => Date, { nullable: true, description: "The last sign-in's time: for the person themself only (null for anyone else, who reads lastLoginDay)." })
  lastLoginAt!: Date | null;

  @Sensitive()
  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD (Europe/Paris): the day of the last sign-in, without its time; for those who may see the record (not for colleagues listed in a class).',
  })
  lastLoginDay!: string | null;

  /**
   * Whether the caller may see this account's record (contact details, codes, relations). True for
   * admins in scope and for a teacher's own pupils; false e.g. for colleagues listed in a class.
   */
  detail!: boolean;
}

const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

export interface UserRow {
  id: string;
  first_name: string;
  last_name: string;
  login: string;
  alias: string | null;
  profile: Profile;
  activated: boolean;
  blocked: boolean;
  blocked_until: Date | null;
  blocked_reason: string | null;
  predeleted: boolean;
  last_login_at: Date | null;
}

/** The SELECT list matching UserRow, for `FROM app_user u`. */
export const USER_COLUMNS = `u.id, u.first_name, u.last_name, u.login, u.alias, u.profile,
  (u.password_hash IS NOT NULL) AS activated,
  (u.blocked_at IS NOT NULL AND (u.blocked_until IS NULL OR u.blocked_until > now())) AS blocked,
  u.blocked_until, u.blocked_reason, (u.predeleted_at IS NOT NULL) AS predeleted, u.last_login_at`;

export function userView(row: UserRow, detail: boolean): UserView {
  const status = row.predeleted ? AccountStatus.PREDELETED : row.blocked ? AccountStatus.BLOCKED : row.activated ? AccountStatus.ACTIVE : AccountStatus.INACTIVE;
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    displayName: `${row.last_name.toUpperCase()} ${row.first_name}`,
    login: row.login,
    alias: row.alias,
    profile: row.profile,
    status,
    activated: row.activated,
    blockedUntil: row.blocked ? row.blocked_until : null,
    blockedReason: row.blocked ? row.blocked_reason : null,
    lastLoginAt: row.last_login_at,
    lastLoginDay: detail && row.last_login_at ? PARIS_DAY.format(row.last_login_at) : null,
    detail,
  };
}
