import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
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

  @Field(() => String, { nullable: true })
  body!: string | null;

  @Field(() => AuthorView, { nullable: true })
  author!: AuthorView | null;

  @Field(() => [ReporterView], { complexity: listOf(30) })
  reporters!: ReporterView[];

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  treatedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Who treated it, « NOM Prénom ».' })
  treatedBy!: string | null;
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
 * admins whose current rights cover it (checked in one query for all local subscribers). The same
 * object goes to every recipient and the report does not depend on who reads it, so reportAdded and
 * reportTreated are @SharedPayload: their selection is executed once per event and query text.
 */
export interface ReportSignal {
  reportId: string;
  report: ReportView;
}
