import { parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { dryRunDocument } from './dry-run';
import { operationResultCost } from './result-cost';

describe('dryRunDocument', () => {
  it('keeps only the rateLimit fields of a query asking for a dry run, literally or through a variable', () => {
    const literal = dryRunDocument(parse('{ users(first: 50) { edges { node { id } } } rateLimit(dryRun: true) { cost } }'), null, {});
    expect(print(literal!)).toBe('{\n  rateLimit(dryRun: true) {\n    cost\n  }\n}');
    const variable = dryRunDocument(parse('query ($d: Boolean) { me { id } rateLimit(dryRun: $d) { cost } }'), null, { d: true });
    expect(print(variable!)).not.toContain('me');
  });

  it('leaves every other operation whole: no dry run, dryRun false, a mutation', () => {
    expect(dryRunDocument(parse('{ me { id } rateLimit { cost } }'), null, {})).toBeUndefined();
    expect(dryRunDocument(parse('query ($d: Boolean) { me { id } rateLimit(dryRun: $d) { cost } }'), null, { d: false })).toBeUndefined();
    expect(dryRunDocument(parse('mutation { logout }'), null, {})).toBeUndefined();
  });
});

describe('operationResultCost', () => {
  it('counts the objects returned, as the pricing does: a short page costs less than its first', () => {
    expect(operationResultCost({ users: { edges: [{ node: { id: 'a' } }, { node: { id: 'b' } }] } })).toBe(5);
    expect(operationResultCost({ me: null })).toBe(0);
    expect(operationResultCost(null)).toBe(0);
  });
});
