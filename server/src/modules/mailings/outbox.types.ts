import { Field, ID, ObjectType } from 'type-graphql';
import type { OutboxMail } from '../../platform/mail/outbox.service';

@ObjectType('OutboxMail', { description: 'A mail kept in the demo outbox (when no SMTP server is configured).' })
export class OutboxMailView implements OutboxMail {
  @Field(() => ID)
  id!: string;

  @Field()
  sentAt!: Date;

  @Field()
  recipient!: string;

  @Field()
  subject!: string;

  @Field()
  text!: string;
}
