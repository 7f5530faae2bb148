import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { drain, LiveFeed, liveFeed } from '../../test-support/live-feed';
import { startTestServer, TestServer } from '../../test-support/test-server';
import type { ReportSignal } from './moderation.types';
import { ReportStatus } from './report.entity';

const PUBLISH = 'mutation ($input: PublishPostInput!) { publishPost(input: $input) { notificationId } }';
const REPORT = 'mutation ($id: ID!) { reportNotification(notificationId: $id) { reportId } }';
/** The query most admins' consoles use… */
const SHORT = 'subscription { reportAdded { id text } }';
/** …and a richer one, with a fragment, an operation name and a variable. */
const RICH = `subscription Feed($withBody: Boolean!) { reportAdded { ...Seen body @include(if: $withBody) } }
  fragment Seen on Report { text status author { displayName } reporters { person { displayName } } }`;

type Message = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };

interface Feed extends LiveFeed<Message> {
  userId: string;
  disposed?: boolean;
}

const BARRIER = 'barrière';
const isBarrier = (message: Message) => (message.data as { reportAdded?: { text?: string } } | null)?.reportAdded?.text === BARRIER;

/**
 * reportAdded and reportTreated are @SharedPayload: their selection is executed once per event and
 * query for all their subscribers and sent straight to the sockets (app/live-subscribe.ts). These
 * tests hold that every subscriber still gets what its own query, variables and language give, and
 * that who gets an event is still decided per subscriber.
 */
describe('live report fan-out: one execution per event and query, each subscriber its own result', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<Fixtures['departement']>>;
  const feeds: Feed[] = [];

  /** Subscribes and returns once the hub holds the subscription: what is published next reaches it. */
  async function listen(account: { id: string; login: string }, lang: 'fr' | 'en', query: string, variables?: Record<string, unknown>): Promise<Feed> {
    const browser = await server.client(lang).signIn(account.login, FIXTURE_PASSWORD);
    const client = createClient({
      url: server.url.replace(/^http/, 'ws') + '/graphql',
      connectionParams: { lang },
      webSocketImpl: class extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers: { cookie: browser.cookie! } });
        }
      },
      retryAttempts: 0,
    });
    const open = feeds.filter((feed) => feed.userId === account.id && !feed.disposed).length;
    const feed: Feed = { ...liveFeed<Message>(client, query, { variables, whole: true }), userId: account.id };
    feeds.push(feed);
    await server.services.reportsAddedLive.untilSubscriptions(account.id, open + 1);
    return feed;
  }

  async function dispose(feed: Feed): Promise<void> {
    feed.disposed = true;
    await feed.client.dispose();
    const open = feeds.filter((other) => other.userId === feed.userId && !other.disposed).length;
    await server.services.reportsAddedLive.untilSubscriptions(feed.userId, open);
  }

  /** Waits until the `expected` feeds have `count` messages, and until nothing else is on its way to any open feed. */
  const settle = async (expected: Feed[], count = 1) => {
    await Promise.all(expected.map((feed) => feed.until(count)));
    const open = feeds.filter((feed) => !feed.disposed).map((feed) => ({ feed, userId: feed.userId }));
    await drain(server.services.reportsAddedLive, open, countedSignal(BARRIER).signal, isBarrier);
  };

  /** A report as live-events.ts publishes it, with `text` counting how many times it is read. */
  function countedSignal(text: string | null): { signal: ReportSignal; reads: () => number } {
    let reads = 0;
    const report = {
      id: '00000000-0000-4000-8000-00000000000a',
      status: ReportStatus.PENDING,
      notificationId: '00000000-0000-4000-8000-00000000000b',
      get text() {
        reads++;
        return text;
      },
      body: 'Corps',
      author: { id: '00000000-0000-4000-8000-00000000000c', displayName: 'AUTEUR Alain', profile: 'TEACHER' },
      reporters: [],
      createdAt: new Date('2026-11-28T08:00:00Z'),
      treatedAt: null,
      treatedBy: null,
    };
    return { signal: { reportId: report.id, report: report as unknown as ReportSignal['report'] }, reads: () => reads };
  }

  beforeAll(async () => {
    server = await startTestServer();
    world = await new Fixtures(server.services.dataSource, server.services.secretBox).departement();
  });
  afterEach(async () => {
    const open = feeds.splice(0).filter((feed) => !feed.disposed);
    for (const feed of open) await feed.client.dispose();
    // The next test counts each user's subscriptions from zero.
    for (const userId of new Set(open.map((feed) => feed.userId))) await server.services.reportsAddedLive.untilSubscriptions(userId, 0);
  });
  afterAll(() => server?.close());

  it('gives each subscriber its own selection, variables and fragments for the same report, and nothing to an admin outside its scope', async () => {
    const director = await listen(world.directorA, 'fr', SHORT);
    const erun = await listen(world.erun1, 'fr', SHORT);
    const cpd = await listen(world.cpd, 'en', RICH, { withBody: true });
    const operator = await listen(world.operator, 'en', RICH, { withBody: false });
    const outsider = await listen(world.directorZ, 'fr', SHORT);

    const teacher = await server.client().signIn(world.teacherA.login, FIXTURE_PASSWORD);
    const { notificationId } = (await teacher.data(PUBLISH, { input: { audience: 'CLASS', audienceId: world.classA1, title: 'Signalé à tous', body: 'Le corps' } })).publishPost;
    const pupil = await server.client().signIn(world.pupilA.login, FIXTURE_PASSWORD);
    const { reportId } = (await pupil.data(REPORT, { id: notificationId })).reportNotification;
    await settle([director, erun, cpd, operator]);

    const short = { data: { reportAdded: { id: reportId, text: 'Signalé à tous' } } };
    expect(director.received).toEqual([short]);
    expect(erun.received).toEqual([short]);
    const seen = { text: 'Signalé à tous', status: 'PENDING', author: { displayName: 'ENSEIGNANT Paul' }, reporters: [{ person: { displayName: 'ÉLÈVE Léa' } }] };
    expect(cpd.received).toEqual([{ data: { reportAdded: { ...seen, body: 'Le corps' } } }]);
    expect(operator.received).toEqual([{ data: { reportAdded: seen } }]);
    expect(outsider.received).toEqual([]);
  });

  it('executes the selection once per event and distinct query, variables included, however many subscribers share it', async () => {
    const director = await listen(world.directorA, 'fr', SHORT);
    const erun = await listen(world.erun1, 'en', SHORT);
    const cpd = await listen(world.cpd, 'fr', RICH, { withBody: true });
    const cpdAgain = await listen(world.cpd, 'en', RICH, { withBody: true });
    const operator = await listen(world.operator, 'fr', RICH, { withBody: false });

    const { signal, reads } = countedSignal('Compté');
    server.services.reportsAddedLive.publishTo([world.directorA.id, world.erun1.id, world.cpd.id, world.operator.id], signal);
    await settle([director, erun, cpd, cpdAgain, operator]);

    for (const feed of [director, erun]) expect(feed.received).toEqual([{ data: { reportAdded: { id: signal.reportId, text: 'Compté' } } }]);
    const seen = { text: 'Compté', status: 'PENDING', author: { displayName: 'AUTEUR Alain' }, reporters: [] };
    for (const feed of [cpd, cpdAgain]) expect(feed.received).toEqual([{ data: { reportAdded: { ...seen, body: 'Corps' } } }]);
    expect(operator.received).toEqual([{ data: { reportAdded: seen } }]);
    // Five subscriptions, three distinct (query, variables): three executions, not five.
    expect(reads()).toBe(3);
  });

  it('formats the errors of a shared result for each subscriber, in their own language', async () => {
    const french = await listen(world.directorA, 'fr', SHORT);
    const english = await listen(world.erun1, 'en', SHORT);

    // `text` is non-null in the schema: null fails the execution (masked as INTERNAL, logged once per subscriber).
    const { signal, reads } = countedSignal(null);
    server.services.reportsAddedLive.publishTo([world.directorA.id, world.erun1.id], signal);
    await settle([french, english]);

    expect(reads()).toBe(1);
    expect(french.received).toEqual([
      { data: null, errors: [{ message: 'Une erreur inattendue est survenue. Réessayez ; si elle persiste, contactez votre ERUN.', path: ['reportAdded', 'text'], extensions: { code: 'INTERNAL' } }] },
    ]);
    expect(english.received).toEqual([
      { data: null, errors: [{ message: 'An unexpected error occurred. Try again; if it persists, contact your digital adviser.', path: ['reportAdded', 'text'], extensions: { code: 'INTERNAL' } }] },
    ]);

    // The subscriptions go on: the next event is delivered normally.
    const next = countedSignal('Après l’erreur');
    server.services.reportsAddedLive.publishTo([world.directorA.id, world.erun1.id], next.signal);
    await settle([french, english], 2);
    for (const feed of [french, english]) expect(feed.received[1]).toEqual({ data: { reportAdded: { id: next.signal.reportId, text: 'Après l’erreur' } } });
  });

  it('keeps the order of events and stops sending to a subscriber who completed, not to the others', async () => {
    const staying = await listen(world.directorA, 'fr', SHORT);
    const leaving = await listen(world.erun1, 'fr', SHORT);
    const to = [world.directorA.id, world.erun1.id];
    for (const text of ['un', 'deux', 'trois']) server.services.reportsAddedLive.publishTo(to, countedSignal(text).signal);
    await settle([staying, leaving], 3);
    const texts = (feed: Feed) => feed.received.map((message) => (message.data as { reportAdded: { text: string } }).reportAdded.text);
    expect(texts(staying)).toEqual(['un', 'deux', 'trois']);
    expect(texts(leaving)).toEqual(['un', 'deux', 'trois']);

    await dispose(leaving);
    server.services.reportsAddedLive.publishTo(to, countedSignal('quatre').signal);
    await settle([staying], 4);
    expect(texts(staying)).toEqual(['un', 'deux', 'trois', 'quatre']);
    expect(texts(leaving)).toEqual(['un', 'deux', 'trois']);
    expect(server.services.reportsAddedLive.localUserIds()).not.toContain(world.erun1.id);
  });
});
