import { getNamedType, GraphQLField, GraphQLNamedType, GraphQLSchema, isLeafType, isObjectType } from 'graphql';
import { Extensions, getMetadataStorage } from 'type-graphql';
import { isIntegrationTier } from '../auth/integration-fields';

/** The field extension set by @SharedPayload (read from the built schema). */
export const SHARED_PAYLOAD = 'sharedPayload';

/**
 * Marks a subscription whose result, for one event, is the same for every subscriber who receives
 * it: the WebSocket layer then executes the selection once per (event payload, query text, operation
 * name, variables) and hands the same result to all of them (app/live-subscribe.ts), instead of once
 * per subscriber. Opt-in, for fan-outs to many sockets (reportAdded / reportTreated).
 *
 * The contract, which `sharedPayloadSubscriptions` checks when the server starts (it throws otherwise):
 * - the subscription's resolver reads only its root (the payload published on the LiveHub) and its
 *   arguments: no @Ctx, @Info, custom parameter decorators or middlewares. Its @Allow rule is allowed:
 *   it depends only on the operation's actor, which is fixed when the subscription starts and was
 *   already checked then, so it passes again for every subscriber;
 * - every type reachable from its result is plain data: object types made of @Field properties only,
 *   with no @FieldResolver, no getter or method field, no @Allow/@Authorized on a field, no
 *   middleware but the integration tiers (@Sensitive, @Identity, @ContactDetail: they change
 *   nothing for a person, and a token's result is never shared); scalars and enums; no interface or
 *   union (their type resolution is code).
 * Who receives the event stays decided per subscriber by the hub (publishTo); errors in a shared
 * result are still formatted per subscriber, in their language (ws.ts onNext).
 */
export function SharedPayload(): MethodDecorator {
  return Extensions({ [SHARED_PAYLOAD]: true }) as MethodDecorator;
}

export class SharedPayloadError extends Error {}

/** The parts of type-graphql's metadata storage the check reads. */
export type SharedPayloadMetadata = Pick<
  ReturnType<typeof getMetadataStorage>,
  'objectTypes' | 'fields' | 'fieldResolvers' | 'resolverClasses' | 'authorizedFields' | 'middlewares' | 'resolverMiddlewares' | 'subscriptions' | 'params'
>;
type Metadata = SharedPayloadMetadata;

/** The class and its parent classes (type-graphql inherits field metadata along this chain). */
function classChain(target: Function): Function[] {
  const chain: Function[] = [];
  for (let current: unknown = target; typeof current === 'function' && current !== Function.prototype; current = Object.getPrototypeOf(current)) {
    chain.push(current as Function);
  }
  return chain;
}

/** The object type a @FieldResolver belongs to, or undefined when it cannot be told. */
function fieldResolverOwner(metadata: Metadata, resolver: Metadata['fieldResolvers'][number]): Function | undefined {
  if (resolver.kind === 'internal') return resolver.target;
  const owner = resolver.getObjectType?.() ?? metadata.resolverClasses.find((entry) => entry.target === resolver.target)?.getObjectType?.();
  return typeof owner === 'function' ? (owner as Function) : undefined;
}

function checkPlainType(metadata: Metadata, type: GraphQLNamedType, path: string, seen: Set<string>): void {
  if (seen.has(type.name)) return;
  seen.add(type.name);
  if (isLeafType(type)) return;
  if (!isObjectType(type)) throw new SharedPayloadError(`${path}: ${type.name} is an interface or a union (its type resolution is code)`);
  const declared = metadata.objectTypes.filter((entry) => entry.name === type.name);
  if (declared.length !== 1) throw new SharedPayloadError(`${path}: ${type.name} is not one type-graphql @ObjectType`);
  const chain = classChain(declared[0].target);
  const inChain = (target: Function | undefined) => target !== undefined && chain.includes(target);
  for (const field of Object.values(type.getFields())) {
    const where = `${path}.${field.name}`;
    if (!metadata.fields.some((entry) => inChain(entry.target) && entry.schemaName === field.name)) {
      throw new SharedPayloadError(`${where} is not a @Field of ${type.name}`);
    }
    const resolver = metadata.fieldResolvers.find((entry) => entry.schemaName === field.name && (fieldResolverOwner(metadata, entry) === undefined || inChain(fieldResolverOwner(metadata, entry))));
    if (resolver) throw new SharedPayloadError(`${where} has a field resolver (${resolver.target.name}.${resolver.methodName}): its value may depend on the subscriber`);
    if (metadata.authorizedFields.some((entry) => inChain(entry.target) && entry.fieldName === field.name)) {
      throw new SharedPayloadError(`${where} is guarded by @Allow/@Authorized: its value depends on the subscriber`);
    }
    const onField = metadata.middlewares.filter((entry) => inChain(entry.target) && entry.fieldName === field.name);
    const notTier = onField.some((entry) => entry.middlewares.length === 0 || !entry.middlewares.every(isIntegrationTier));
    if (notTier || metadata.resolverMiddlewares.some((entry) => inChain(entry.target))) {
      throw new SharedPayloadError(`${where} has a middleware`);
    }
    checkPlainType(metadata, getNamedType(field.type), where, seen);
  }
}

function checkRootField(metadata: Metadata, field: GraphQLField<unknown, unknown>): void {
  const handlers = metadata.subscriptions.filter((entry) => entry.schemaName === field.name);
  if (handlers.length !== 1) throw new SharedPayloadError(`Subscription.${field.name} is not one type-graphql @Subscription`);
  const [handler] = handlers;
  const params = metadata.params.filter((param) => param.target === handler.target && param.methodName === handler.methodName);
  const other = params.find((param) => param.kind !== 'root' && param.kind !== 'arg' && param.kind !== 'args');
  if (other) throw new SharedPayloadError(`Subscription.${field.name} reads its ${other.kind} (only its root and arguments are allowed)`);
  const middlewares =
    metadata.middlewares.some((entry) => entry.target === handler.target && entry.fieldName === handler.methodName) ||
    metadata.resolverMiddlewares.some((entry) => classChain(handler.target).includes(entry.target));
  if (middlewares) throw new SharedPayloadError(`Subscription.${field.name} has a middleware`);
}

/**
 * The subscription fields marked @SharedPayload, after checking that their results cannot depend
 * on the subscriber (see SharedPayload). Call it on the schema built by type-graphql (its metadata is
 * complete then); throws SharedPayloadError naming the first offending field.
 */
export function sharedPayloadSubscriptions(schema: GraphQLSchema, metadata: SharedPayloadMetadata = getMetadataStorage()): ReadonlySet<string> {
  const shared = new Set<string>();
  const subscription = schema.getSubscriptionType();
  if (!subscription) return shared;
  for (const field of Object.values(subscription.getFields())) {
    if (field.extensions?.[SHARED_PAYLOAD] !== true) continue;
    checkRootField(metadata, field);
    checkPlainType(metadata, getNamedType(field.type), `Subscription.${field.name}`, new Set());
    shared.add(field.name);
  }
  return shared;
}
