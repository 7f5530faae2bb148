import type { NoticeKey } from './notice-texts';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Identity } from '../../platform/auth/integration-fields';
import { Profile } from '../../platform/model/profile';
import { AudienceKind } from './timeline.entity';
import { sizedByParent } from '../../platform/graphql/list-cost';

registerEnumType(AudienceKind, { name: 'AudienceKind', description: 'A class or a whole école.' });

export enum TimelineChange {
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
}
registerEnumType(TimelineChange, { name: 'TimelineChange' });

/** What a post or a notice says; both inputs share it (not in the schema on its own: never referenced). */
@InputType('PostContentInput')
export class PostContentInput {
  @Field({ description: '120 characters at most.' })
  title!: string;

  @Field({ description: '5,000 characters at most, shown as plain text.' })
  body!: string;

  @Field(() => String, { nullable: true, description: 'An http(s) address.' })
  link?: string | null;
}

@InputType({ description: 'An actualité to publish to one of your classes or to your école.' })
export class PublishPostInput extends PostContentInput {
  @Field(() => AudienceKind)
  audience!: AudienceKind;

  @Field(() => ID, { description: 'The class or the école.' })
  audienceId!: string;
}

@InputType({ description: 'A notice from an admin to every account under a structure of their scope (école, circonscription, département).' })
export class PublishNoticeInput extends PostContentInput {
  @Field(() => ID)
  structureId!: string;
}

@ObjectType('Author')
export class AuthorView {
  @Field(() => ID)
  id!: string;

  @Identity()
  @Field()
  displayName!: string;

  @Field(() => Profile)
  profile!: Profile;
}

@ObjectType('ReportNotice', { description: 'What an admin reads on a « Une notification a été signalée… » notice.' })
export class ReportNoticeView {
  @Field(() => ID, { description: 'The report to treat.' })
  reportId!: string;

  @Field(() => AuthorView, { nullable: true, description: 'Who reported it (null once their account is gone).' })
  reporter!: AuthorView | null;

  @Field({ description: 'Where the reported notification was published (class or structure name).' })
  audience!: string;

  @Field(() => Date, { nullable: true, description: 'When the report was treated; null while it waits.' })
  treatedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Who treated it, « NOM Prénom ».' })
  treatedBy!: string | null;
}

@ObjectType('TimelineItem', { description: 'One notification of a fil de nouveautés.' })
export class TimelineItemView {
  @Field(() => ID, { description: 'The notification id (what « Signaler » reports).' })
  id!: string;

  /** The typed title; the field itself is rendered by TimelineItemResolver.title (notices in the reader's language). */
  title!: string | null;

  /** Set on a notice written by Préau, with its parameters: rendered in the reader's language. */
  titleKey!: NoticeKey | null;
  titleParams!: Record<string, string> | null;

  @Field(() => String, { nullable: true })
  body!: string | null;

  @Field(() => String, { nullable: true })
  link!: string | null;

  @Field(() => AuthorView, { nullable: true })
  author!: AuthorView | null;

  @Field({ description: 'Where it was published (class or école name).' })
  audience!: string;

  @Field()
  createdAt!: Date;

  @Field({ description: 'You have already reported it.' })
  reportedByMe!: boolean;

  @Field(() => ID, {
    nullable: true,
    description: 'Set on the « Une notification a été signalée… » notices read by admins: the report to treat. Such a notice cannot itself be reported.',
  })
  reportId!: string | null;

  @Field(() => ReportNoticeView, { nullable: true, description: 'Set on the report notices read by admins.' })
  reportNotice!: ReportNoticeView | null;
}

@ObjectType()
export class TimelinePage {
  @Field(() => [TimelineItemView], { complexity: sizedByParent })
  items!: TimelineItemView[];

  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType('TimelineEvent')
export class TimelineEventView {
  @Field(() => TimelineChange)
  change!: TimelineChange;

  @Field(() => ID)
  notificationId!: string;

  @Field(() => TimelineItemView, { nullable: true, description: 'The new item (ADDED); null when REMOVED.' })
  item!: TimelineItemView | null;
}

@ObjectType('PublishedPost')
export class PublishedPostView {
  @Field(() => ID)
  notificationId!: string;

  @Field(() => Int, { description: 'How many timelines received it.' })
  recipients!: number;
}

/** What the live hub carries for timelines: ids only, loaded for each subscriber on delivery. */
export interface TimelineSignal {
  notificationId: string;
  change: 'ADDED' | 'REMOVED';
}
