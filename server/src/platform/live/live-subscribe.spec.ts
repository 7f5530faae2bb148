import { ExecutionResult, GraphQLSchema, parse } from 'graphql';
import type WebSocket from 'ws';
import { beforeAll, describe, expect, it } from 'vitest';
import { AdminFunction } from '../model/admin-function';
import type { ReportSignal } from '../../modules/moderation';
import { ReportStatus } from '../../modules/moderation';
import type { TimelineSignal } from '../../modules/timeline';
import { LiveHub } from './live-hub';
import { createLiveSubscribe, LiveDelivery, MAX_BUFFERED_BYTES } from './live-subscribe';
import { createSchema } from '../../app/schema';

const SHORT = 'subscription { reportAdded { id text } }';

/** What the resolvers of these subscriptions read from the context: the actor and the hubs. */
function contextOf(userId: string, functions: { function: AdminFunction; structureId: string | null }[] = [{ function: AdminFunction.OPERATOR, structureId: null }]) {
  const services = { reportsAddedLive: new LiveHub<ReportSignal>(), reportsAddedToClients: new LiveHub<ReportSignal>(), timelineLive: new LiveHub<TimelineSignal>() };
  return { actor: { userId, functions, profile: 'PERSONNEL' } as Record<string, unknown>, lang: 'fr', services };
}

/** An integration token of client `clientId` acting for `creatorId` (reports:read, no directory:identity:read). */
function tokenContextOf(creatorId: string, clientId: string, services: ReturnType<typeof contextOf>['services']) {
  const context = { ...contextOf(creatorId, [{ function: AdminFunction.DEPARTEMENT_ADMIN, structureId: 'dep' }]), services };
  context.actor.integration = { clientId, clientName: 'Test', scopes: ['reports:read'], pseudonymKey: `key-${clientId}`, bucket: { size: 1000, refillPerSecond: 2 }, recordWrite: async () => undefined };
  return context;
}

function counted(text: string): { signal: ReportSignal; reads: () => number } {
  let reads = 0;
  const report = {
    id: `id-${text}`,
    status: ReportStatus.PENDING,
    get text() {
      reads++;
      return text;
    },
  };
  return { signal: { reportId: report.id, report: report as unknown as ReportSignal['report'] }, reads: () => reads };
}

class FakeSocket {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  sent: string[] = [];
  send(text: string) {
    this.sent.push(text);
  }
}

describe('createLiveSubscribe (graphql-ws subscribe with @SharedPayload executions shared)', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await createSchema();
  });

  const argsFor = (query: string, contextValue: unknown, variableValues?: Record<string, unknown>) => ({ schema, document: parse(query), contextValue, variableValues });

  it('executes other subscriptions per subscriber, with their own context (timelineChanged)', async () => {
    const live = createLiveSubscribe(schema);
    const ann = contextOf('ann');
    const bob = { ...contextOf('bob'), services: ann.services };
    const query = 'subscription { timelineChanged { change notificationId } }';
    const streams = await Promise.all([live.subscribe(argsFor(query, ann)), live.subscribe(argsFor(query, bob))]);
    const [a, b] = streams.map((stream) => (stream as AsyncIterableIterator<ExecutionResult>)[Symbol.asyncIterator]());
    const signal: TimelineSignal = { notificationId: 'n1', change: 'REMOVED' };
    const results = Promise.all([a.next(), b.next()]);
    ann.services.timelineLive.publishTo(['ann', 'bob'], signal);
    const [fromA, fromB] = await results;
    expect(fromA.value).toEqual({ data: { timelineChanged: { change: 'REMOVED', notificationId: 'n1' } } });
    expect(fromB.value).toEqual(fromA.value);
    expect(fromB.value).not.toBe(fromA.value);
  });

  it('returns the errors of a refused subscription instead of a stream', async () => {
    const live = createLiveSubscribe(schema);
    const pupil = contextOf('pupil', []);
    const result = (await live.subscribe(argsFor(SHORT, pupil))) as ExecutionResult;
    expect(result.errors).toHaveLength(1);
    expect((result.errors![0].originalError as { code?: string }).code).toBe('FORBIDDEN');
    expect(pupil.services.reportsAddedLive.localUserIds()).toEqual([]);
  });

  it('without a known socket, yields one shared result per event and query to every subscriber', async () => {
    const live = createLiveSubscribe(schema);
    const ann = contextOf('ann');
    const bob = { ...contextOf('bob'), services: ann.services };
    const [a, b] = (await Promise.all([live.subscribe(argsFor(SHORT, ann)), live.subscribe(argsFor(SHORT, bob))])).map((stream) =>
      (stream as AsyncIterableIterator<ExecutionResult>)[Symbol.asyncIterator](),
    );
    const { signal, reads } = counted('x');
    const results = Promise.all([a.next(), b.next()]);
    ann.services.reportsAddedLive.publishTo(['ann', 'bob'], signal);
    const [fromA, fromB] = await results;
    expect(fromA.value).toEqual({ data: { reportAdded: { id: 'id-x', text: 'x' } } });
    expect(fromB.value).toBe(fromA.value);
    expect(reads()).toBe(1);
    await a.return!();
    expect(ann.services.reportsAddedLive.localUserIds()).toEqual(['bob']);
  });

  it("never shares a token's result: the same query gives a person the name and each token its own pseudonym, each executed apart", async () => {
    const live = createLiveSubscribe(schema);
    const ann = contextOf('ann');
    const first = tokenContextOf('ann', 'client-1', ann.services);
    const second = tokenContextOf('ann', 'client-2', ann.services);
    const query = 'subscription { reportAdded { text author { displayName } } }';
    const streams = await Promise.all([ann, first, second].map((context) => live.subscribe(argsFor(query, context))));
    const [toAnn, toFirst, toSecond] = streams.map((stream) => (stream as AsyncIterableIterator<ExecutionResult>)[Symbol.asyncIterator]());
    const { signal, reads } = counted('x');
    Object.assign(signal.report, { author: { id: 'author-1', displayName: 'ENSEIGNANT Paul', profile: 'TEACHER' } });
    const results = Promise.all([toAnn.next(), toFirst.next(), toSecond.next()]);
    ann.services.reportsAddedLive.publishTo(['ann'], signal);
    ann.services.reportsAddedToClients.publishTo(['client-1', 'client-2'], signal);
    const [person, one, two] = (await results).map((step) => step.value as ExecutionResult);
    expect(person).toEqual({ data: { reportAdded: { text: 'x', author: { displayName: 'ENSEIGNANT Paul' } } } });
    const pseudonymOf = (result: ExecutionResult) => (result.data as { reportAdded: { author: { displayName: string } } }).reportAdded.author.displayName;
    expect(pseudonymOf(one)).toMatch(/^anon_/);
    expect(pseudonymOf(two)).toMatch(/^anon_/);
    expect(pseudonymOf(two)).not.toBe(pseudonymOf(one));
    expect(reads()).toBe(3);
  });

  it('with a known socket, sends each event straight to it as a graphql-ws `next` message, in order, until returned', async () => {
    const live = createLiveSubscribe(schema);
    const ann = contextOf('ann');
    const socket = new FakeSocket();
    const args = argsFor(SHORT, ann);
    const delivery: LiveDelivery = { socket: socket as unknown as WebSocket, id: 'sub-1', format: () => ({ errors: [] }) };
    live.deliverTo(args, delivery);
    const stream = (await live.subscribe(args)) as AsyncIterableIterator<ExecutionResult>;
    const ended = stream.next();
    for (const text of ['un', 'deux', 'trois']) ann.services.reportsAddedLive.publishTo(['ann'], counted(text).signal);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(socket.sent).toEqual(['un', 'deux', 'trois'].map((text) => `{"id":"sub-1","type":"next","payload":{"data":{"reportAdded":{"id":"id-${text}","text":"${text}"}}}}`));
    expect(socket.sent.map((message) => JSON.parse(message).payload.data.reportAdded.text)).toEqual(['un', 'deux', 'trois']);

    socket.readyState = 3; // closed: nothing more is written
    ann.services.reportsAddedLive.publishTo(['ann'], counted('quatre').signal);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(socket.sent).toHaveLength(3);

    await stream.return!();
    expect(await ended).toEqual({ done: true, value: undefined });
    expect(ann.services.reportsAddedLive.localUserIds()).toEqual([]);
  });

  it('ends with an error a shared subscription whose socket stopped draining', async () => {
    const live = createLiveSubscribe(schema);
    const ann = contextOf('ann');
    const socket = new FakeSocket();
    const args = argsFor(SHORT, ann);
    live.deliverTo(args, { socket: socket as unknown as WebSocket, id: '1', format: () => ({}) });
    const stream = (await live.subscribe(args)) as AsyncIterableIterator<ExecutionResult>;
    const ended = stream.next();
    socket.bufferedAmount = MAX_BUFFERED_BYTES + 1;
    ann.services.reportsAddedLive.publishTo(['ann'], counted('lent').signal);
    await expect(ended).rejects.toThrow(/bytes waiting to be sent/);
    expect(ann.services.reportsAddedLive.localUserIds()).toEqual([]);
  });
});
