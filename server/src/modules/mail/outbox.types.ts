import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('OutboxMail', { description: 'A mail kept in the demo outbox (when no SMTP server is configured).' })
export class OutboxMailView {
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
