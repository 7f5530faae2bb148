import { print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { graphql } from './operation';

// The sources are plain strings here: the generated overloads only type the app's own operations.
const parseOperation = graphql as unknown as (source: string) => ReturnType<typeof import('graphql').parse>;

describe('graphql(): operations parsed in the client', () => {
  it('appends the fragments an operation spreads, and theirs, once each', () => {
    parseOperation('fragment SpecInner on User { id }');
    parseOperation('fragment SpecOuter on User { login ...SpecInner }');
    const document = parseOperation('query SpecQuery { a: me { ...SpecOuter ...SpecInner } }');
    const names = document.definitions.map((definition) => ('name' in definition ? definition.name?.value : undefined));
    expect(names[0]).toBe('SpecQuery');
    expect(names.slice(1).sort()).toEqual(['SpecInner', 'SpecOuter']);
    expect(print(document)).toContain('fragment SpecInner on User');
  });

  it('fails loudly when a fragment is spread before it is defined', () => {
    expect(() => parseOperation('query SpecMissing { me { ...SpecNeverDefined } }')).toThrow(/SpecNeverDefined/);
  });
});
