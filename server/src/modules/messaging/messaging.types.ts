import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Sensitive } from '../../platform/auth/integration-fields';
import { AuthorView } from '../timeline';
import { sizedByParent } from '../../platform/graphql/list-cost';

@InputType({ description: 'A short message to one or more people the communication rules allow.' })
export class SendMessageInput {
  @Field(() => [ID], { description: '1 to 50 recipients.' })
  recipientIds!: string[];

  @Field({ description: '2,000 characters at most, shown as plain text.' })
  body!: string;
}

@ObjectType('InboxMessage')
export class InboxMessageView {
  @Field(() => ID)
  id!: string;

  @Field(() => AuthorView)
  sender!: AuthorView;

  @Sensitive()
  @Field()
  body!: string;

  @Field()
  sentAt!: Date;

  @Field()
  read!: boolean;
}

@ObjectType()
export class InboxPage {
  @Field(() => [InboxMessageView], { complexity: sizedByParent })
  messages!: InboxMessageView[];

  @Field(() => Int)
  unreadCount!: number;

  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType('InboxEvent')
export class InboxEventView {
  @Field(() => InboxMessageView)
  message!: InboxMessageView;

  @Field(() => Int)
  unreadCount!: number;
}

@ObjectType('Contact', { description: 'Someone you may write to.' })
export class ContactView {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;

  @Field(() => AuthorView)
  person!: AuthorView;
}

@ObjectType('SentMessage')
export class SentMessageView {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  recipients!: number;
}

/** What the live hub carries for inboxes: ids only, loaded for each subscriber on delivery. */
export interface InboxSignal {
  messageId: string;
}
