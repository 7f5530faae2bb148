import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, ValidationContext, ValidationRule } from 'graphql';

/**
 * The limits every operation must respect, on HTTP and on WebSocket alike. The rules report a
 * validation error instead of throwing (`propagateOnRejection: false`): a thrown error would close a
 * whole graphql-ws socket and surface as a 500 over HTTP.
 */
const report = [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)];
const common = { propagateOnRejection: false, onReject: report, exposeLimits: true } as const;

export const validationRules: ValidationRule[] = [
  maxDepthRule({ ...common, n: 10 }),
  maxAliasesRule({ ...common, n: 15 }),
  maxDirectivesRule({ ...common, n: 20 }),
  costLimitRule({ ...common, maxCost: 5000 }),
];

/** Token limit enforced by the parser itself (the armor plugin for it answers HTTP 500). */
export const MAX_TOKENS = 2000;
