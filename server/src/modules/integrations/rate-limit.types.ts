import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('RateLimit', { description: "What this operation costs and what its caller may still spend (an integration token's client bucket)." })
export class RateLimitView {
  @Field(() => Int, { description: 'The cost of the current operation, priced before it runs (list sizes × what each element selects, with the variables).' })
  cost!: number;

  @Field({ description: 'True when asked with dryRun: nothing was spent and only rateLimit was executed.' })
  dryRun!: boolean;

  @Field(() => Int, { nullable: true, description: "The bucket's size in points (null for a console session, which has no client bucket)." })
  limit!: number | null;

  @Field(() => Int, { nullable: true, description: 'Points left after this operation (before it, on a dry run).' })
  remaining!: number | null;

  @Field(() => Float, { nullable: true, description: 'Points given back per second.' })
  restoreRate!: number | null;

  @Field(() => Date, { nullable: true, description: 'When the bucket will be full again.' })
  resetAt!: Date | null;
}

@InputType('ApiClientRateLimitInput')
export class ApiClientRateLimitInput {
  @Field(() => Int, { description: 'Points the bucket holds (1,000 by default), between 10 and 1,000,000.' })
  size!: number;

  @Field(() => Float, { description: 'Points given back per second (2 by default), between 0.1 and 10,000.' })
  refillPerSecond!: number;
}
