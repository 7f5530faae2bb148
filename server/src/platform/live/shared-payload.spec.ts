import { GraphQLInterfaceType, GraphQLNonNull, GraphQLObjectType, GraphQLOutputType, GraphQLSchema, GraphQLString } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../../app/schema';
import { SHARED_PAYLOAD, sharedPayloadSubscriptions, SharedPayloadError, SharedPayloadMetadata } from './shared-payload';

class Resolvers {}
class Report {}
class Author {}

/** A schema `Subscription.live: Report { text, author: Author { name } }` and the type-graphql metadata describing it. */
function world(options: { marked?: boolean; authorType?: GraphQLOutputType } = {}) {
  const author = new GraphQLObjectType({ name: 'Author', fields: { name: { type: GraphQLString } } });
  const report = new GraphQLObjectType({ name: 'Report', fields: { text: { type: new GraphQLNonNull(GraphQLString) }, author: { type: options.authorType ?? author } } });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: { live: { type: report, extensions: options.marked === false ? {} : { [SHARED_PAYLOAD]: true } }, other: { type: report } },
    }),
  });
  const field = (target: Function, name: string) => ({ target, name, schemaName: name });
  const metadata = {
    objectTypes: [{ name: 'Report', target: Report }, { name: 'Author', target: Author }],
    fields: [field(Report, 'text'), field(Report, 'author'), field(Author, 'name')],
    fieldResolvers: [],
    resolverClasses: [],
    authorizedFields: [],
    middlewares: [],
    resolverMiddlewares: [],
    subscriptions: [{ schemaName: 'live', methodName: 'live', target: Resolvers }, { schemaName: 'other', methodName: 'other', target: Resolvers }],
    params: [{ kind: 'root', target: Resolvers, methodName: 'live', index: 0 }],
  };
  return { schema, metadata: metadata as Record<keyof SharedPayloadMetadata, Record<string, unknown>[]> };
}

const check = ({ schema, metadata }: ReturnType<typeof world>) => sharedPayloadSubscriptions(schema, metadata as unknown as SharedPayloadMetadata);

describe('@SharedPayload subscriptions (executed once per event for all their subscribers)', () => {
  it('are reportAdded, reportTreated and supervisionChanged in the real schema, which pass the check', async () => {
    expect([...sharedPayloadSubscriptions(await createSchema())].sort()).toEqual(['reportAdded', 'reportTreated', 'supervisionChanged']);
  });

  it('accepts a marked subscription whose resolver reads its root and whose result is plain @Field data; ignores unmarked ones', () => {
    expect([...check(world())]).toEqual(['live']);
    expect([...check(world({ marked: false }))]).toEqual([]);
  });

  it('refuses a resolver reading the context, and middlewares', () => {
    const first = world();
    first.metadata.params.push({ kind: 'context', target: Resolvers, methodName: 'live', index: 1 });
    expect(() => check(first)).toThrow(/Subscription.live reads its context/);
    const second = world();
    second.metadata.middlewares.push({ target: Resolvers, fieldName: 'live', middlewares: [] });
    expect(() => check(second)).toThrow(/Subscription.live has a middleware/);
  });

  it('refuses a reachable field with a field resolver (external or a getter), an access rule or a middleware', () => {
    const external = world();
    class AuthorFields {}
    external.metadata.resolverClasses.push({ target: AuthorFields, getObjectType: () => Author });
    external.metadata.fieldResolvers.push({ kind: 'external', target: AuthorFields, methodName: 'name', schemaName: 'name' });
    expect(() => check(external)).toThrow(SharedPayloadError);
    expect(() => check(external)).toThrow(/Subscription.live.author.name has a field resolver/);

    const getter = world();
    getter.metadata.fieldResolvers.push({ kind: 'internal', target: Report, methodName: 'text', schemaName: 'text' });
    expect(() => check(getter)).toThrow(/Subscription.live.text has a field resolver/);

    const guarded = world();
    guarded.metadata.authorizedFields.push({ target: Author, fieldName: 'name', roles: ['ADMIN'] });
    expect(() => check(guarded)).toThrow(/Subscription.live.author.name is guarded/);

    const middleware = world();
    middleware.metadata.middlewares.push({ target: Report, fieldName: 'text', middlewares: [] });
    expect(() => check(middleware)).toThrow(/Subscription.live.text has a middleware/);
  });

  it("accepts the integration tiers' middlewares (they change nothing for a person; a token's result is never shared), not another one beside them", async () => {
    await createSchema();
    const tier = getMetadataStorage().middlewares.find((entry) => entry.target.name === 'ReportView' && entry.fieldName === 'body')!.middlewares;
    const tiered = world();
    tiered.metadata.middlewares.push({ target: Report, fieldName: 'text', middlewares: tier });
    expect([...check(tiered)]).toEqual(['live']);
    const mixed = world();
    mixed.metadata.middlewares.push({ target: Report, fieldName: 'text', middlewares: [...tier, () => undefined] });
    expect(() => check(mixed)).toThrow(/Subscription.live.text has a middleware/);
  });

  it('refuses interfaces and types or fields it cannot trace to plain @Field declarations', () => {
    const node = new GraphQLInterfaceType({ name: 'Node', fields: { id: { type: GraphQLString } } });
    const withInterface = world({ authorType: node });
    expect(() => check(withInterface)).toThrow(/Node is an interface or a union/);

    const undeclared = world();
    undeclared.metadata.fields = undeclared.metadata.fields.filter((field) => field.name !== 'name');
    expect(() => check(undeclared)).toThrow(/Subscription.live.author.name is not a @Field of Author/);
  });
});
