import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Identity } from '../../platform/auth/integration-fields';
import { AdminFunction } from '../../platform/model/admin-function';
import { Profile } from '../../platform/model/profile';
import { UserView } from '../directory';
import { sizedByParent } from '../../platform/graphql/list-cost';

export enum UserOrder {
  /** Last name, then first name (the default). */
  NAME = 'NAME',
  PROFILE = 'PROFILE',
  /** First class name (accounts without a class last), then name. */
  CLASS = 'CLASS',
  /** Newest first. */
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(UserOrder, { name: 'UserOrder' });

/** « Responsables »: pupils by their guardians (the « Tableau de bord »'s two figures). */
export enum GuardianCoverage {
  /** « Au moins un responsable activé »: a guardian, not pre-deleted, who has a password (« Familles couvertes »). */
  ACTIVATED = 'ACTIVATED',
  /** « Sans responsable »: no guardian that is not pre-deleted. */
  NONE = 'NONE',
}
registerEnumType(GuardianCoverage, { name: 'GuardianCoverage' });

@InputType({ description: 'The filters of the user list (« Filtres »), all optional and combined with AND.' })
export class UserFilter {
  @Field(() => [Profile], { nullable: true, description: '« Profils »' })
  profiles?: Profile[] | null;

  @Field(() => Boolean, { nullable: true, description: '« Activation »: true = activated, false = « Utilisateurs non activés »' })
  activated?: boolean | null;

  @Field(() => [ID], { nullable: true, description: '« Classe »' })
  classIds?: string[] | null;

  @Field(() => [AdminFunction], { nullable: true, description: '« Fonctions »: holds one of these admin functions' })
  functions?: AdminFunction[] | null;

  @Field(() => Boolean, { nullable: true, description: '« Bloqué »' })
  blocked?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '« Pré-supprimé »; pre-deleted accounts are hidden unless asked for' })
  predeleted?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '« Courriel »: has an e-mail address' })
  hasEmail?: boolean | null;

  @Field(() => GuardianCoverage, {
    nullable: true,
    description: '« Responsables »: pupils only, with at least one activated guardian, or with none (guardians of any école count, pre-deleted ones do not)',
  })
  guardians?: GuardianCoverage | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "« Absent du fichier »: true = found absent by the last applied import of an école of the filter (or of your scope), waiting for its pre-deletion",
  })
  absentFromFile?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: '« Code de renouvellement expiré »: true = the last renewal code an adult handed out expired unused (no newer code)',
  })
  renewalCodeExpired?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Only this école (or circonscription) of your scope' })
  structureId?: string | null;

  @Field(() => String, { nullable: true, description: 'Column search: last name starts with (accents and case ignored)' })
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: 'Column search: first name starts with' })
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: 'Column search: login or alias starts with' })
  login?: string | null;

  @Field(() => String, { nullable: true, description: 'Column search: a class name starts with' })
  className?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only the accounts this import of yours created (« Publipostage des comptes » after « Appliquer »), those still in your scope' })
  importId?: string | null;
}

@ObjectType()
export class UserEdge {
  @Field()
  cursor!: string;

  @Field(() => UserView)
  node!: UserView;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType({ description: 'A page of users with the total matching the filters.' })
export class UserConnection {
  /** Counted only when the client asks for totalCount (a full count is the costly part at scale). */
  countTotal!: () => Promise<number>;

  @Field(() => [UserEdge], { complexity: sizedByParent })
  edges!: UserEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType('UserSearchHit', { description: 'A result of « Rechercher un utilisateur ».' })
export class UserSearchHit {
  @Field(() => ID)
  id!: string;

  @Identity()
  @Field()
  displayName!: string;

  @Identity()
  @Field()
  firstName!: string;

  @Identity()
  @Field()
  lastName!: string;

  @Identity()
  @Field()
  login!: string;

  @Field(() => Profile)
  profile!: Profile;

  @Field()
  activated!: boolean;

  @Field(() => [String], { description: 'Class names' })
  classes!: string[];

  @Field(() => [String], { description: 'École names' })
  schools!: string[];
}
