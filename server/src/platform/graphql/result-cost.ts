/**
 * What an answer actually cost, counted the way operation-cost.ts prices it: each object returned
 * 1, scalars nothing, a list what its elements cost. A page that came back shorter than `first`
 * costs less than was asked for, and the difference goes back to the bucket.
 */
export function resultCost(data: unknown): number {
  if (Array.isArray(data)) {
    let sum = 0;
    for (const element of data) sum += resultCost(element);
    return sum;
  }
  if (data === null || typeof data !== 'object') return 0;
  let sum = 1;
  for (const value of Object.values(data)) if (value !== null && typeof value === 'object') sum += resultCost(value);
  return sum;
}

/** The data of an operation: its root object is the operation itself, not something it returned. */
export function operationResultCost(data: Record<string, unknown> | null | undefined): number {
  return data ? resultCost(data) - 1 : 0;
}
