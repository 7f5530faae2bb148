import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Identity, Sensitive } from '../../platform/auth/integration-fields';
import { AuthorView } from '../timeline';
import { ReportStatus } from './report.entity';
import { listOf, sizedByParent } from '../../platform/graphql/list-cost';

registerEnumType(ReportStatus, { name: 'ReportStatus', description: 'En attente, Conservé, Supprimé' });

@ObjectType('Reporter')
export class ReporterView {
  @Field(() => AuthorView)
  person!: AuthorView;

  @Field()
  reportedAt!: Date;
}

/**
 * One type for the console and for integration tokens (reports:read): the personal-data tiers are
 * on its fields. A token never reads the body nor who reported (how many and when, yes), and reads
 * the author's and the treating admin's names as pseudonyms without directory:identity:read. The
 * live subscriptions share one execution per event among people only (platform/live/live-subscribe.ts):
 * a token's is its own, so the tiers apply there too.
 */
@ObjectType('Report', { description: 'A reported notification and who reported it.' })
export class ReportView {
  @Field(() => ID)
  id!: string;

  @Field(() => ReportStatus)
  status!: ReportStatus;

  @Field(() => ID)
  notificationId!: string;

  @Field({ description: 'The notification text (title).' })
  text!: string;

  @Sensitive()
  @Field(() => String, { nullable: true, description: 'The body of the post (never for integration tokens).' })
  body!: string | null;

  @Field(() => AuthorView, { nullable: true })
  author!: AuthorView | null;

  @Sensitive()
  @Field(() => [ReporterView], { complexity: listOf(30), description: 'Who reported it (never for integration tokens: see reporterCount and reportedAt).' })
  reporters!: ReporterView[];

  @Field(() => Int, { description: 'How many people reported it.' })
  reporterCount!: number;

  @Field(() => [Date], { description: 'When each report was made, oldest first.' })
  reportedAt!: Date[];

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  treatedAt!: Date | null;

  @Identity('treatedById')
  @Field(() => String, { nullable: true, description: 'Who treated it, « NOM Prénom ».' })
  treatedBy!: string | null;

  /** Their id: what a token without directory:identity:read reads a pseudonym of. */
  treatedById!: string | null;
}

@ObjectType()
export class ReportPage {
  @Field(() => [ReportView], { complexity: sizedByParent })
  reports!: ReportView[];

  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/**
 * What the live hubs carry for reports: the report, loaded once per event and delivered only to the
 * admins whose current rights cover it (checked in one query for all local subscribers), and to the
 * integration tokens whose client reaches it. The same object goes to every recipient and, for a
 * person, the report does not depend on who reads it, so reportAdded and reportTreated are
 * @SharedPayload: their selection is executed once per event and query text for all the people; a
 * token's is executed for it alone, through the field tiers.
 */
export interface ReportSignal {
  reportId: string;
  report: ReportView;
}
