import type { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import { OPEN_TO_TOKENS, OPERATION_SCOPES } from '../auth/token-scopes';
import type { RequestContext } from '../context/request-context';
import { chargeOperation } from './cost-accounting';
import { dryRunDocument } from './dry-run';
import { operationCost } from './operation-cost';
import { tokenPageSizeError } from './token-page-size';

export interface Admission {
  refusal?: GraphQLError;
  /** For `rateLimit(dryRun: true)`: the only part of the document to execute (dry-run.ts). */
  runOnly?: DocumentNode;
}

/**
 * A token's scope is its client's subtree: the lists of its structures (listOfScope) are priced by
 * its size. Variables that do not coerce were priced 0 already (priceOperation): the cost stays.
 */
function scopedCost(schema: GraphQLSchema, context: RequestContext, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): number {
  const scope = context.actor!.scope;
  if (scope.all) return Infinity;
  try {
    return operationCost(schema, document, operationName, variables, { scopeSize: scope.size });
  } catch {
    return Infinity;
  }
}

/**
 * The step after pricing, the same on HTTP and WebSocket: a token's page sizes (`first` given, 1–100), then the charge
 * (cost-accounting.ts). The record lands on the context, where `rateLimit` and the response's
 * `extensions.cost` and headers read it.
 */
export async function admitOperation(
  schema: GraphQLSchema,
  context: RequestContext,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  cost: number,
): Promise<Admission> {
  if (context.actor?.integration) {
    cost = Math.min(cost, scopedCost(schema, context, document, operationName, variables));
    const { scopes } = context.actor.integration;
    const mayCall = (field: string) => OPEN_TO_TOKENS.includes(field) || (OPERATION_SCOPES[field] !== undefined && scopes.includes(OPERATION_SCOPES[field]!));
    const tooLarge = tokenPageSizeError(schema, document, variables, mayCall);
    if (tooLarge) return { refusal: tooLarge };
  }
  const runOnly = dryRunDocument(document, operationName, variables);
  const charged = await chargeOperation(context.services.clientBuckets, context.actor, cost, runOnly !== undefined);
  context.cost = charged.record;
  return { refusal: charged.refusal, runOnly };
}
