import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Identity, Sensitive } from '../../platform/auth/integration-fields';
import { SheetLayout } from '../../documents/connection-sheet';
import { UserFilter } from '../users';
import { MailingKind, MailingStatus, RecipientStatus } from './mailing.entity';
import { sizedByParent } from '../../platform/graphql/list-cost';

registerEnumType(MailingKind, { name: 'MailingKind', description: '« Générer en PDF » or « Envoyer par mail »' });
registerEnumType(MailingStatus, { name: 'MailingStatus' });
registerEnumType(RecipientStatus, { name: 'MailingRecipientStatus' });
registerEnumType(SheetLayout, {
  name: 'SheetLayout',
  description: '« Modèle de publipostage PDF »',
  valuesConfig: {
    ONE_PER_PAGE: { description: '« 1 par page »: a letter' },
    TWO_PER_PAGE: { description: '« 2 par page »: two half-page letters' },
    EIGHT_PER_PAGE: { description: '« 8 par page »: cards' },
  },
});

/** « Triez votre publipostage PDF : Par … Puis par … »; within, last name then first name. */
export enum MailingSortKey {
  PROFILE = 'PROFILE',
  /** The class (a parent sorts with their first child's class). */
  CLASS = 'CLASS',
}
registerEnumType(MailingSortKey, { name: 'MailingSortKey' });

@InputType({ description: 'A publipostage: which accounts, in which order, how.' })
export class CreateMailingInput {
  @Field(() => MailingKind)
  kind!: MailingKind;

  @Field(() => SheetLayout, { defaultValue: SheetLayout.ONE_PER_PAGE })
  layout!: SheetLayout;

  @Field(() => UserFilter, { nullable: true, description: '« Filtrer la liste à publiposter »: the user-list filters (all accounts of your scope when empty).' })
  filter?: UserFilter | null;

  @Field(() => [ID], { nullable: true, description: 'These accounts only (« Fiche de connexion individuelle »); combined with the filter.' })
  userIds?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: "A teacher's own classes: their pupils and the pupils' parents. For admins, use filter.classIds.",
  })
  teacherClassIds?: string[] | null;

  @Field(() => [MailingSortKey], { nullable: true, description: '« Par … Puis par … » (at most two; « Aucun » = leave out)' })
  sortBy?: MailingSortKey[] | null;
}

@ObjectType('Mailing', { description: 'A publipostage and how far it got. Visible to the person who made it.' })
export class MailingView {
  @Field(() => ID)
  id!: string;

  @Field(() => MailingKind)
  kind!: MailingKind;

  @Field(() => SheetLayout)
  layout!: SheetLayout;

  @Field(() => MailingStatus)
  status!: MailingStatus;

  @Field(() => Int, { description: 'Accounts in the mailing (for e-mail: those with an address).' })
  total!: number;

  @Field(() => Int, { description: 'Accounts done: sheets printed, or e-mails sent or failed.' })
  done!: number;

  @Field(() => Int)
  sent!: number;

  @Field(() => Int)
  failed!: number;

  @Field(() => String, { nullable: true, description: 'Why the whole mailing failed, in French.' })
  error!: string | null;

  @Field(() => String, { nullable: true, description: 'The PDF, once ready (GET with your session; kept for 24 hours).' })
  documentUrl!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}

@ObjectType('MailingRecipient', { description: "One account of an e-mail mailing and what became of its e-mail." })
export class MailingRecipientView {
  @Field(() => ID)
  userId!: string;

  @Identity('userId')
  @Field()
  displayName!: string;

  @Identity('userId')
  @Field()
  login!: string;

  @Sensitive()
  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => RecipientStatus)
  status!: RecipientStatus;

  @Field(() => Int)
  attempts!: number;

  @Field(() => Date, { nullable: true })
  sentAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it failed (the answer of the mail server).' })
  error!: string | null;
}

@ObjectType()
export class MailingRecipientPage {
  @Field(() => [MailingRecipientView], { complexity: sizedByParent })
  nodes!: MailingRecipientView[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null at the end.' })
  endCursor!: string | null;
}

@ObjectType({ description: 'Your past mailings, newest first.' })
export class MailingPage {
  @Field(() => [MailingView], { complexity: sizedByParent })
  nodes!: MailingView[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null at the end.' })
  endCursor!: string | null;
}

@ObjectType({ description: '« N comptes sélectionnés au total » and « N comptes sans adresse courriel ».' })
export class MailingSelectionCounts {
  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  withoutEmail!: number;
}
