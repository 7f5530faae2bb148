import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import { buildSchema } from 'type-graphql';
import { authChecker } from '../platform/auth/auth-checker';
import { checkInputText, checkInputTextRules } from './input-text';
import { modules } from './modules';

/** Every module's resolvers (app/modules.ts). */
export const resolvers = modules.flatMap((module) => module.resolvers) as [Function, ...Function[]];

/**
 * The executable schema. No class-validator (`validate: false`; `validateFn` replaces it): the
 * services check their inputs' rules; `checkInputText` refuses unreadable text and impossible dates
 * in any argument first.
 */
export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [...resolvers],
    authChecker,
    authMode: 'error',
    validate: false,
    validateFn: checkInputText,
    // Every subscription brings its own `subscribe` (per-user LiveHub channels fed by the EventBus);
    // type-graphql still requires a PubSub to be configured.
    pubSub: createPubSub(),
  });
  checkInputTextRules(schema);
  return schema;
}

/** The published contract, in a stable order so the committed schema.graphql diffs cleanly. */
export function printContract(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
