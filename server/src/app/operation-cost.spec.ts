import {
  DocumentNode,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  OperationDefinitionNode,
  parse,
  typeFromAST,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import * as clientOperations from '../../../client/src/app/core/graphql/generated/graphql';
import { MAX_COST, operationCost, unpricedListFields } from '../platform/graphql/operation-cost';
import { createSchema } from './schema';

/** A value the client could send for a variable: pages as large as the client's largest (50). */
function sampleValue(type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType, name);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((field) => isNonNullType(field.type) && field.defaultValue === undefined);
    return Object.fromEntries(required.map((field) => [field.name, sampleValue(field.type, field.name)]));
  }
  if (isScalarType(type) && type.name === 'Int') return name === 'first' ? 50 : 1;
  if (isScalarType(type) && type.name === 'Boolean') return true;
  if (isScalarType(type) && type.name.startsWith('DateTime')) return '2026-12-07T10:00:00.000Z';
  return '00000000-0000-4000-8000-000000000000';
}

function sampleVariables(schema: GraphQLSchema, operation: OperationDefinitionNode): Record<string, unknown> {
  return Object.fromEntries(
    (operation.variableDefinitions ?? [])
      .map((definition) => ({ name: definition.variable.name.value, type: typeFromAST(schema, definition.type as never) as GraphQLInputType }))
      .filter(({ name, type }) => isNonNullType(type) || name === 'first')
      .map(({ name, type }) => [name, sampleValue(type, name)]),
  );
}

describe('the cost limit', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await createSchema();
  });

  it('knows the size of every list field of the schema', () => {
    expect(unpricedListFields(schema)).toEqual([]);
  });

  it('counts `first` on every field that takes it', () => {
    const uncounted: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (field.args.some((arg) => arg.name === 'first') && typeof field.extensions?.complexity !== 'function') uncounted.push(`${type.name}.${field.name}`);
      }
    }
    expect(uncounted).toEqual([]);
  });

  it('multiplies nested lists and follows variables', () => {
    const cost = (query: string, variables?: Record<string, unknown>) => operationCost(schema, parse(query), null, variables);
    expect(cost('{ me { id login } }')).toBe(1);
    expect(cost('query ($id: ID!) { schoolClass(id: $id) { pupils(first: 30) { id } } }', { id: 'x' })).toBe(1 + 30);
    expect(cost('query ($id: ID!, $n: Int!) { schoolClass(id: $id) { pupils(first: $n) { classes { id } } } }', { id: 'x', n: 10 })).toBe(1 + 10 * (1 + 20));
    // A page counts its `first` once, for its list and everything under it.
    expect(cost('{ users(first: 50) { totalCount edges { cursor node { id schools { id } } } } }')).toBe(50 * (1 + 1 + 10));
    // Clamped like the service clamps it.
    expect(cost('{ users(first: 100000) { edges { node { id } } } }')).toBe(200 * 2);
  });

  it('lets every operation of the console through with the page sizes it asks for', () => {
    const costs: Record<string, number> = {};
    for (const [name, value] of Object.entries(clientOperations)) {
      const document = value as DocumentNode;
      if (!name.endsWith('Document') || document?.kind !== Kind.DOCUMENT) continue;
      const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
      if (!operation) continue;
      costs[name] = operationCost(schema, document, operation.name?.value, sampleVariables(schema, operation));
    }
    expect(Object.keys(costs).length).toBeGreaterThan(30);
    const over = Object.entries(costs).filter(([, cost]) => cost > MAX_COST / 2);
    expect(over, 'client operations using more than half the limit').toEqual([]);
  });
});

