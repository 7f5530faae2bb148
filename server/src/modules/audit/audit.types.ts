import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Sensitive } from '../../platform/auth/integration-fields';
import GraphQLJSON from './json-scalar';
import { sizedByParent } from '../../platform/graphql/list-cost';

@InputType({ description: 'Audit log filters, combined with AND.' })
export class AuditFilter {
  @Field(() => ID, { nullable: true, description: 'Actions on this account (« Historique » of a record).' })
  targetUserId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Actions by this account.' })
  actorId?: string | null;

  @Field(() => [String], { nullable: true, description: 'e.g. USER_BLOCKED, RENEWAL_CODE_GENERATED' })
  actions?: string[] | null;

  @Field(() => Date, { nullable: true })
  since?: Date | null;

  @Field(() => Date, { nullable: true })
  until?: Date | null;
}

@ObjectType('AuditEntry', { description: 'Who did what to whom, when and from where.' })
export class AuditEntryView {
  @Field(() => ID)
  id!: string;

  @Field()
  at!: Date;

  @Field(() => ID, { nullable: true })
  actorId!: string | null;

  @Field(() => String, { nullable: true })
  actorLabel!: string | null;

  @Field()
  action!: string;

  @Field(() => ID, { nullable: true })
  targetUserId!: string | null;

  @Field(() => String, { nullable: true })
  targetLabel!: string | null;

  @Sensitive()
  @Field(() => String, { nullable: true })
  clientAddress!: string | null;

  @Field(() => GraphQLJSON)
  details!: Record<string, unknown>;
}

@ObjectType()
export class AuditEntryEdge {
  @Field()
  cursor!: string;

  @Field(() => AuditEntryView)
  node!: AuditEntryView;
}

@ObjectType()
export class AuditConnection {
  @Field(() => [AuditEntryEdge], { complexity: sizedByParent })
  edges!: AuditEntryEdge[];

  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}
