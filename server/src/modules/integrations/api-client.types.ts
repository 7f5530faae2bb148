import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { listOf } from '../../platform/graphql/list-cost';

@ObjectType('ApiClient', { description: 'Software integrating through the API with a token (« Applications connectées »).' })
export class ApiClientView {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'What the software does with the data (shown to the admins in scope).' })
  purpose!: string;

  @Field(() => ID, { description: 'The structure whose subtree the token reaches.' })
  structureId!: string;

  @Field()
  structureName!: string;

  @Field(() => [String], { complexity: listOf(12) })
  scopes!: string[];

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => Int, { description: 'Points its cost bucket holds (1,000 unless the operator raised it).' })
  bucketSize!: number;

  @Field(() => Float, { description: 'Points its bucket gets back per second (2 unless the operator raised it).' })
  bucketRefillPerSecond!: number;

  @Field(() => Date, { nullable: true, description: 'Recorded at most once a minute.' })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Until when the token replaced by the last rotation still works (24 hours at most); null when none does.' })
  previousTokenValidUntil!: Date | null;
}

@ObjectType('ApiClientCreated')
export class ApiClientCreatedView {
  @Field(() => ApiClientView)
  client!: ApiClientView;

  @Field({ description: 'The token, shown this once only (Préau keeps its SHA-256). Send it as `Authorization: Bearer <token>`.' })
  token!: string;
}

@InputType('CreateApiClientInput')
export class CreateApiClientInput {
  @Field()
  name!: string;

  @Field()
  purpose!: string;

  @Field(() => ID, { description: 'A structure of your scope: the token reaches it and what lies under it.' })
  structureId!: string;

  @Field(() => [String], { description: 'Among stats:read, structures:read, directory:read, directory:identity:read, contacts:read (operator only), reports:read, reports:moderate, classes:write, accounts:block, mailing:write, imports:write, audit:read.' })
  scopes!: string[];

  @Field(() => Date, { description: 'At most 366 days ahead.' })
  expiresAt!: Date;
}
