import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { DocumentNode, GraphQLError, GraphQLSchema, parse, specifiedRules, validate, ValidationContext, ValidationRule } from 'graphql';
import { priceOperation } from './operation-cost';

/**
 * The limits every operation must respect, on HTTP and on WebSocket alike. The rules report a
 * validation error instead of throwing (`propagateOnRejection: false`): a thrown error would close a
 * whole graphql-ws socket and surface as a 500 over HTTP. The cost limit is not among them: it needs
 * the variables, which validation does not see (operation-cost.ts).
 */
const report = [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)];
const common = { propagateOnRejection: false, onReject: report, exposeLimits: true } as const;

export const limitRules: readonly ValidationRule[] = [
  maxDepthRule({ ...common, n: 10 }),
  maxAliasesRule({ ...common, n: 15 }),
  maxDirectivesRule({ ...common, n: 20 }),
];

/**
 * Everything a document is validated against: graphql-js's own rules (unknown fields, fragment
 * cycles, argument types, introspection depth…) then the limits. Apollo adds `specifiedRules` to
 * the `validationRules` it is given, so HTTP gets `limitRules`; WebSocket validates against this.
 */
export const operationRules: readonly ValidationRule[] = [...specifiedRules, ...limitRules];

/** Token limit enforced by the parser itself (the armor plugin for it answers HTTP 500). */
export const MAX_TOKENS = 2000;

export interface OperationRequest {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/**
 * Parse, validate and price an operation the way Apollo does over HTTP (same parser limit, same
 * rules, same cost limit), for the transports that do not go through Apollo (graphql-ws).
 */
export function checkOperation(schema: GraphQLSchema, request: OperationRequest): { document: DocumentNode; cost: number } | { errors: readonly GraphQLError[] } {
  let document: DocumentNode;
  try {
    document = parse(request.query, { maxTokens: MAX_TOKENS });
  } catch (error) {
    const syntax = error instanceof GraphQLError ? error : new GraphQLError('Syntax Error');
    return { errors: [new GraphQLError(syntax.message, { nodes: syntax.nodes, source: syntax.source, positions: syntax.positions, extensions: { code: 'GRAPHQL_PARSE_FAILED' } })] };
  }
  const invalid = validate(schema, document, operationRules);
  if (invalid.length) {
    return { errors: invalid.map((error) => new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })) };
  }
  const priced = priceOperation(schema, document, request.operationName, request.variables);
  return priced.error ? { errors: [priced.error] } : { document, cost: priced.cost };
}
