import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLObjectType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../platform/config/config';
import { createSchema, printContract } from './schema';

describe('the GraphQL contract', () => {
  let schema: Awaited<ReturnType<typeof createSchema>>;
  beforeAll(async () => {
    schema = await createSchema();
  });

  it('should match the committed schema.graphql (run `npm run schema` after changing the API)', () => {
    const committed = readFileSync(join(projectRoot(), 'schema.graphql'), 'utf8');
    expect(printContract(schema)).toBe(committed);
  });

  it('should declare who may call every query, mutation and subscription (@Allow)', () => {
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(
      (type): type is GraphQLObjectType => !!type,
    );
    const undeclared: string[] = [];
    let checked = 0;
    for (const root of roots) {
      for (const field of Object.values(root.getFields())) {
        checked++;
        const access = field.extensions?.access as string[] | undefined;
        if (!Array.isArray(access) || access.length === 0) undeclared.push(`${root.name}.${field.name}`);
      }
    }
    expect(checked).toBeGreaterThan(3);
    expect(undeclared).toEqual([]);
  });

  it('should keep the public names third parties rely on', () => {
    const query = schema.getQueryType()!.getFields();
    const mutation = schema.getMutationType()!.getFields();
    for (const name of ['me', 'structures', 'schoolClasses']) expect(query[name], name).toBeDefined();
    for (const name of ['login', 'logout']) expect(mutation[name], name).toBeDefined();
  });
});
