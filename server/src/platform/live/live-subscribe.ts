import {
  createSourceEventStream,
  DocumentNode,
  execute,
  ExecutionArgs,
  ExecutionResult,
  FormattedExecutionResult,
  getOperationAST,
  GraphQLSchema,
  Kind,
  SelectionSetNode,
  subscribe,
} from 'graphql';
import type WebSocket from 'ws';
import type { RequestContext } from '../context/request-context';
import { listenTo, MAX_PENDING_EVENTS } from './live-hub';
import { sharedPayloadSubscriptions } from './shared-payload';

type Maybe<T> = T | Promise<T>;
type Stream = AsyncGenerator<ExecutionResult, void, void>;

/** Bytes a subscriber's socket may have waiting to be written before its shared subscription ends with an error. */
export const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/** Where the results of one graphql-ws subscription go (registered by ws.ts's onSubscribe). */
/**
 * The start of graphql-ws's "next" message for one subscription, written by hand so that a payload
 * serialised once is sent to every subscriber as it is (live-subscribe.contract.spec.ts checks it
 * against graphql-ws's own parser).
 */
export function nextFramePrefix(id: string): string {
  return `{"id":${JSON.stringify(id)},"type":"next","payload":`;
}

export interface LiveDelivery {
  socket: WebSocket;
  /** The graphql-ws subscription id. */
  id: string;
  /** What ws.ts's onNext does: errors formatted in this subscriber's language. */
  format(result: ExecutionResult): FormattedExecutionResult;
}

/** Names of the root fields an operation's selection set selects (through fragments too). */
function rootFieldNames(selectionSet: SelectionSetNode, document: DocumentNode, names = new Set<string>(), seen = new Set<string>()): Set<string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) names.add(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) rootFieldNames(selection.selectionSet, document, names, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = document.definitions.find((definition) => definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value);
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) rootFieldNames(fragment.selectionSet, document, names, seen);
    }
  }
  return names;
}

/**
 * What makes two subscriptions of a @SharedPayload field give the same result for the same event:
 * the query text, the operation name and the variables (not the context: that is what @SharedPayload
 * guarantees for people). Undefined when the operation must be executed per subscriber: always for
 * an integration token, whose fields go through its tiers (pseudonyms of its own, fields refused:
 * platform/auth/integration-fields.ts), so that a token never gets a person's result nor the reverse.
 */
function sharingKey(args: ExecutionArgs, shared: ReadonlySet<string>): string | undefined {
  if (shared.size === 0) return undefined;
  if ((args.contextValue as Partial<RequestContext> | undefined)?.actor?.integration) return undefined;
  const operation = getOperationAST(args.document, args.operationName);
  if (operation?.operation !== 'subscription') return undefined;
  const fields = rootFieldNames(operation.selectionSet, args.document);
  if (fields.size !== 1 || !shared.has([...fields][0])) return undefined;
  const text = args.document.loc?.source.body;
  if (text === undefined || args.rootValue !== undefined || args.fieldResolver || args.typeResolver || args.subscribeFieldResolver) return undefined;
  return `${text}\u0000${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}`;
}

/** One execution of a shared selection for one event, awaited by every subscriber it goes to. */
class SharedExecution {
  result: ExecutionResult | undefined;
  /** The result as JSON when it has no errors: the same text goes to every subscriber. */
  json: string | undefined;
  failure: unknown;
  settled = false;
  private waiting: Array<() => void> = [];

  constructor(run: () => Maybe<ExecutionResult>) {
    try {
      const result = run();
      if (result instanceof Promise) result.then((value) => this.settle(value, undefined), (error: unknown) => this.settle(undefined, error ?? new Error('execution failed')));
      else this.settle(result, undefined);
    } catch (error) {
      this.settle(undefined, error ?? new Error('execution failed'));
    }
  }

  whenSettled(callback: () => void): void {
    if (this.settled) callback();
    else this.waiting.push(callback);
  }

  private settle(result: ExecutionResult | undefined, failure: unknown): void {
    this.result = result;
    this.failure = failure;
    if (result && !result.errors?.length) this.json = JSON.stringify(result);
    this.settled = true;
    const waiting = this.waiting;
    this.waiting = [];
    for (const callback of waiting) callback();
  }
}

/**
 * A shared subscription delivered straight to its socket: each event's shared execution is sent as
 * soon as it is settled, in the order of the events, as the graphql-ws `next` message
 * `{"id":…,"type":"next","payload":…}` (the JSON of the payload made once per event and query for
 * everyone; a result with errors is formatted for this subscriber, in their language). graphql-ws
 * only sees a stream that ends when the subscription does (client `complete`, socket closed) or fails.
 */
class DirectSubscription implements AsyncGenerator<ExecutionResult, void, void> {
  private readonly backlog: SharedExecution[] = [];
  private readonly prefix: string;
  private ended = false;
  private finish!: (step: IteratorResult<ExecutionResult, void>) => void;
  private fail!: (error: unknown) => void;
  private readonly end = new Promise<IteratorResult<ExecutionResult, void>>((resolve, reject) => {
    this.finish = resolve;
    this.fail = reject;
  });
  private readonly flush = () => this.deliverSettled();

  constructor(
    private readonly source: AsyncIterator<unknown>,
    private readonly delivery: LiveDelivery,
  ) {
    this.prefix = nextFramePrefix(delivery.id);
    // graphql-ws awaits next() (hence `end`) for as long as the subscription runs; should it ever
    // have stopped iterating, a failure must not become an unhandled rejection.
    this.end.catch(() => undefined);
  }

  /** Called synchronously by the hub, for each event published to this subscriber. */
  receive(execution: SharedExecution): void {
    if (this.ended) return;
    if (this.backlog.length >= MAX_PENDING_EVENTS) return this.stop(new Error(`live subscription dropped: more than ${MAX_PENDING_EVENTS} events waiting`));
    this.backlog.push(execution);
    if (this.backlog.length === 1) execution.whenSettled(this.flush);
  }

  private deliverSettled(): void {
    while (!this.ended && this.backlog.length > 0 && this.backlog[0].settled) {
      const execution = this.backlog.shift()!;
      if (!execution.result) return this.stop(execution.failure);
      const { socket } = this.delivery;
      if (socket.readyState !== socket.OPEN) continue;
      const message =
        execution.json !== undefined
          ? `${this.prefix}${execution.json}}`
          : `${this.prefix}${JSON.stringify(this.delivery.format(execution.result))}}`;
      socket.send(message);
      if (socket.bufferedAmount > MAX_BUFFERED_BYTES) return this.stop(new Error(`live subscription dropped: more than ${MAX_BUFFERED_BYTES} bytes waiting to be sent`));
    }
    if (!this.ended && this.backlog.length > 0) this.backlog[0].whenSettled(this.flush);
  }

  private stop(failure?: unknown): void {
    if (this.ended) return;
    this.ended = true;
    this.backlog.length = 0;
    void this.source.return?.();
    if (failure === undefined) this.finish({ done: true, value: undefined });
    else this.fail(failure); // graphql-ws sends an `error` message (formatted by ws.ts's onError)
  }

  next(): Promise<IteratorResult<ExecutionResult, void>> {
    return this.end;
  }

  async return(): Promise<IteratorResult<ExecutionResult, void>> {
    this.stop();
    return { done: true, value: undefined };
  }

  async throw(error?: unknown): Promise<IteratorResult<ExecutionResult, void>> {
    this.stop();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  // Node 20's AsyncGenerator type includes explicit resource management; graphql-ws does not use it.
  async [Symbol.asyncDispose](): Promise<void> {
    this.stop();
  }
}

/** Like graphql-js's mapAsyncIterator: each source event mapped; return/throw close the source. */
function mapEvents<T, R>(source: AsyncIterable<T>, map: (event: T) => Maybe<R>): AsyncGenerator<R, void, void> {
  const iterator = source[Symbol.asyncIterator]();
  const close = async () => {
    await iterator.return?.();
  };
  const mapped = {
    async next(): Promise<IteratorResult<R, void>> {
      const step = await iterator.next();
      if (step.done) return { done: true, value: undefined };
      try {
        return { done: false, value: await map(step.value) };
      } catch (error) {
        await close();
        throw error;
      }
    },
    async return(): Promise<IteratorResult<R, void>> {
      await close();
      return { done: true, value: undefined };
    },
    async throw(error?: unknown): Promise<IteratorResult<R, void>> {
      await close();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return mapped;
    },
  };
  return mapped as unknown as AsyncGenerator<R, void, void>;
}

export interface LiveSubscribe {
  /** graphql-ws's `subscribe` option. */
  subscribe(args: ExecutionArgs): Promise<Stream | ExecutionResult>;
  /** Tells where the results of the operation started with `args` go (from onSubscribe). */
  deliverTo(args: ExecutionArgs, delivery: LiveDelivery): void;
}

/**
 * graphql-ws's `subscribe`: graphql-js's own for every operation, except subscriptions of a
 * @SharedPayload field (reportAdded, reportTreated). For those, the per-event execution is memoised
 * by payload object (the LiveHub hands the same object to every recipient of one event) and sharing
 * key, so 2,000 admins subscribed with the same query cost one execution and one JSON.stringify per
 * report instead of 2,000; and, for a LiveHub subscription whose socket is known, the result is sent
 * straight to the socket when the hub publishes (DirectSubscription) rather than through graphql-ws's
 * per-subscriber async loop. The source stream (the subscriber's own hub channel, opened with their
 * context and access check) and whether an event goes to them stay per subscriber.
 */
export function createLiveSubscribe(schema: GraphQLSchema): LiveSubscribe {
  const shared = sharedPayloadSubscriptions(schema);
  // Held while some subscriber still has the payload queued; then collected with it.
  const executions = new WeakMap<object, Map<string, SharedExecution>>();
  const deliveries = new WeakMap<ExecutionArgs, LiveDelivery>();

  const executionFor = (payload: object, key: string, args: ExecutionArgs): SharedExecution => {
    let byKey = executions.get(payload);
    if (!byKey) executions.set(payload, (byKey = new Map()));
    let execution = byKey.get(key);
    if (!execution) byKey.set(key, (execution = new SharedExecution(() => execute({ ...args, rootValue: payload }))));
    return execution;
  };

  return {
    deliverTo(args, delivery) {
      deliveries.set(args, delivery);
    },
    async subscribe(args) {
      const key = sharingKey(args, shared);
      if (key === undefined) return subscribe(args) as Promise<Stream | ExecutionResult>;
      const stream = await createSourceEventStream(args);
      if (!(Symbol.asyncIterator in stream)) return stream; // refused (access, arguments): its errors
      const delivery = deliveries.get(args);
      if (delivery) {
        const source = (stream as AsyncIterable<unknown>)[Symbol.asyncIterator]();
        const direct = new DirectSubscription(source, delivery);
        const listening = listenTo<unknown>(source, (payload) => {
          if (typeof payload === 'object' && payload !== null) direct.receive(executionFor(payload, key, args));
          else direct.receive(new SharedExecution(() => execute({ ...args, rootValue: payload })));
        });
        if (listening) return direct;
      }
      return mapEvents(stream as AsyncIterable<unknown>, (payload) => {
        if (typeof payload !== 'object' || payload === null) return execute({ ...args, rootValue: payload });
        const execution = executionFor(payload, key, args);
        return new Promise<ExecutionResult>((resolve, reject) =>
          execution.whenSettled(() => (execution.result ? resolve(execution.result) : reject(execution.failure))),
        );
      });
    },
  };
}
