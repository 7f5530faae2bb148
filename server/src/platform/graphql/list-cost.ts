import type { ComplexityEstimator } from 'graphql-query-complexity';

/**
 * What a field may return, in objects, for the cost limit (operation-cost.ts). Every list field of
 * the schema declares one of these (a test walks the schema), so that a nested list multiplies the
 * cost of what is under it the way it multiplies the work of the server.
 *
 * The unit is one object returned: an object field costs 1 plus what is selected in it, a scalar
 * costs nothing (it is read with its object), a list costs its size times one of its elements.
 */

/** A list whose size the domain bounds (a parent's children, a pupil's classes). */
export function listOf(size: number): ComplexityEstimator {
  return ({ childComplexity }) => size * (1 + childComplexity);
}

/** What the pricing knows of the caller (operation-cost.ts): the structures its scope holds, when bounded. */
export interface PricingContext {
  scopeSize?: number;
}

/**
 * A list of structures of the caller's scope (the dashboard's écoles): at most `size`, and no more
 * than the structures of the caller's scope when it is priced with it (an integration token's
 * subtree, admit-operation.ts), so that a circonscription's token is not charged for a département.
 */
export function listOfScope(size: number): ComplexityEstimator {
  return ({ childComplexity, context }) => Math.min(size, (context as PricingContext | undefined)?.scopeSize ?? size) * (1 + childComplexity);
}

/**
 * A field taking `first`: its size is `first` as the service clamps it (1 to `max`). On a page
 * object (timeline, users), the page's own list is then `sizedByParent`.
 */
export function pageOf(max: number): ComplexityEstimator {
  return ({ args, childComplexity }) => pageSize(args.first, max) * (1 + childComplexity);
}

/**
 * A search (« Rechercher un utilisateur », contacts): besides what it returns, it walks index
 * ranges and checks the scope row by row, worth about this many objects returned (bench/amplification).
 */
export const SEARCH_COST = 100;

/** A search taking `first`: its own statement, then a page of results. */
export function searchOf(max: number): ComplexityEstimator {
  return ({ args, childComplexity }) => SEARCH_COST + pageSize(args.first, max) * (1 + childComplexity);
}

/** The list of a page object (edges, items, nodes): its size was counted by the field that took `first`. */
export const sizedByParent: ComplexityEstimator = ({ childComplexity }) => childComplexity;

/** The size a service returns for `first` (it clamps rather than refuses; cost follows the same rule). */
export function pageSize(first: unknown, max: number): number {
  const asked = typeof first === 'number' && Number.isFinite(first) ? Math.trunc(first) : max;
  return Math.min(Math.max(asked, 1), max);
}
