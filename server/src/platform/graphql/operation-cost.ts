import {
  DocumentNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLSchema,
  isCompositeType,
  isIntrospectionType,
  isListType,
  isObjectType,
} from 'graphql';
import { ComplexityEstimator, fieldExtensionsEstimator, getComplexity } from 'graphql-query-complexity';
import { AppError } from '../errors/app-error';
import { translate } from '../errors/messages';
import type { PricingContext } from './list-cost';

/**
 * The most objects one operation may ask for, counted before anything runs (list-cost.ts says how).
 * The heaviest screen of the console asks for about a fifth of it (a page of 50 users with their
 * classes, écoles and parents); a test keeps every client operation under it.
 */
export const MAX_COST = 10_000;

/**
 * Expanding fragments is counted too: past this many selections visited, the operation is refused
 * whatever its cost (fragments spreading the next one n times grow as nᵏ).
 */
const MAX_VISITED_SELECTIONS = 5_000;

/** Scalars cost nothing; an object costs 1 plus what is selected in it. */
const objectsCountOne: ComplexityEstimator = ({ field, childComplexity }) =>
  isCompositeType(getNamedType(field.type)) ? 1 + childComplexity : 0;

const estimators = [fieldExtensionsEstimator(), objectsCountOne];

/**
 * The cost of the operation that will run, with its variables (a `first: $n` counts as n). Call it
 * after validation: it assumes a valid document. Variables that do not coerce are left to execution,
 * which refuses them before any resolver runs (cost 0 here).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string | null,
  variables?: Record<string, unknown> | null,
  /** The caller's bounded scope, for the lists priced by it (list-cost.ts listOfScope). */
  pricing: PricingContext = {},
): number {
  // Apollo keeps one parsed document per query text: a loop of the same operation (a script asking
  // again once refused) is priced once per set of variables, not walked again at every request.
  const key = `${operationName ?? ''}\u0000${pricing.scopeSize ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
  let known = pricedDocuments.get(document);
  const cached = known?.get(key);
  if (cached !== undefined) return cached;
  const cost = getComplexity({
    schema,
    query: document,
    operationName: operationName ?? undefined,
    variables: variables ?? {},
    estimators,
    context: pricing as Record<string, unknown>,
    maxQueryNodes: MAX_VISITED_SELECTIONS,
  });
  if (!known) pricedDocuments.set(document, (known = new Map()));
  if (known.size < MAX_PRICES_PER_DOCUMENT) known.set(key, cost);
  return cost;
}

/** Costs already computed, per parsed document and variables (the documents are Apollo's cached ones). */
const pricedDocuments = new WeakMap<DocumentNode, Map<string, number>>();
const MAX_PRICES_PER_DOCUMENT = 100;

/**
 * The operation's cost, or the error for an operation over the limit. One function for HTTP and
 * WebSocket, so both refuse the same operations with the same message before any resolver runs.
 */
export function priceOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string | null,
  variables?: Record<string, unknown> | null,
): { cost: number; error?: undefined } | { error: GraphQLError } {
  let cost: number;
  try {
    cost = operationCost(schema, document, operationName, variables);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    // Variables that do not coerce are execution's to report, with their own message.
    if (!/maximum allowed number of nodes/.test(error.message)) return { cost: 0 };
    return { error: refusal(AppError.of('QUERY_TOO_COMPLEX')) };
  }
  if (cost <= MAX_COST) return { cost };
  const [fr, en] = (['fr', 'en'] as const).map((lang) => {
    const format = (n: number) => n.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB');
    return translate('QUERY_TOO_COSTLY', lang, { cost: format(Math.round(cost)), max: format(MAX_COST) });
  });
  return { error: refusal(new AppError('QUERY_TOO_COSTLY', { fr: fr!, en: en! })) };
}

/** A refusal before execution: HTTP 400 like a validation error, the message masked as an AppError's. */
function refusal(appError: AppError): GraphQLError {
  return new GraphQLError(appError.message, { originalError: appError, extensions: { code: appError.code, http: { status: 400 } } });
}

/**
 * The list fields of the schema that declare no size (list-cost.ts). Introspection's own types are
 * left out: they are bounded by the schema itself, and graphql-js limits how deep they may nest.
 */
export function unpricedListFields(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const returned = getNullableType(field.type);
      if (!isListType(returned) || !isCompositeType(getNamedType(returned))) continue;
      if (field.extensions?.complexity === undefined) missing.push(`${type.name}.${field.name}`);
    }
  }
  return missing;
}
