import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum RuleDirection {
  CAN_MESSAGE = 'CAN_MESSAGE',
  CAN_BE_MESSAGED_BY = 'CAN_BE_MESSAGED_BY',
}
registerEnumType(RuleDirection, { name: 'RuleDirection' });

@ObjectType('CommunicationRule', { description: 'One line of « Règles de communication de l\'utilisateur ».' })
export class CommunicationRuleView {
  @Field(() => RuleDirection)
  direction!: RuleDirection;

  @Field({ description: 'Who, in the language of the request (e.g. « Les enseignants de ses classes »).' })
  group!: string;

  @Field(() => Int, { description: 'How many accounts this is today.' })
  count!: number;
}
