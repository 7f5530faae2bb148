import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import { buildSchema } from 'type-graphql';
import { AccountsResolver } from '../modules/accounts/accounts.resolver';
import { SessionResolver } from '../modules/accounts/session.resolver';
import { OutboxResolver } from '../modules/mail/outbox.resolver';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { UserFieldsResolver } from '../modules/users/user-fields.resolver';
import { MessagingResolver } from '../modules/messaging/messaging.resolver';
import { TimelineResolver } from '../modules/timeline/timeline.resolver';
import { ModerationResolver } from '../modules/moderation/moderation.resolver';
import { UserConnectionResolver, UsersResolver } from '../modules/users/users.resolver';
import { SchoolClassResolver, StructureResolver } from '../modules/directory/directory.resolver';
import { MailingsResolver } from '../modules/mailings/mailings.resolver';
import { authChecker } from '../platform/auth/auth-checker';
import { checkInputText, checkInputTextRules } from './input-text';

export const resolvers = [
  SessionResolver,
  AccountsResolver,
  StructureResolver,
  SchoolClassResolver,
  UsersResolver,
  UserConnectionResolver,
  UserFieldsResolver,
  AuditResolver,
  TimelineResolver,
  MessagingResolver,
  ModerationResolver,
  OutboxResolver,
  MailingsResolver,
] as const;

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
