import { Client as PgClient } from 'pg';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { GraphQLResult, startTestServer, TestServer } from '../../test-support/test-server';
import { integrationsModule } from './index';

const CREATE = `mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { token client { id } } }`;
const BLOCK = 'mutation ($id: ID!) { blockUser(userId: $id) { status } }';
const UNBLOCK = 'mutation ($id: ID!) { unblockUser(userId: $id) { status } }';
const PUBLISH = 'mutation ($input: PublishPostInput!) { publishPost(input: $input) { notificationId } }';
const REPORT = 'mutation ($id: ID!) { reportNotification(notificationId: $id) { reportId } }';
const EVENTS = 'query ($after: String, $first: Int!, $types: [String!]) { events(after: $after, first: $first, types: $types) { nodes { id cursor type subjectId occurredAt } endCursor hasNextPage } }';
const SINCE = 'subscription ($after: String, $types: [String!]) { eventsSince(after: $after, types: $types) { id cursor type subjectId } }';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

interface Event {
  id: string;
  cursor: string;
  type: string;
  subjectId: string;
}

describe('event log for integrations (issue 20, item 4)', () => {
  let server: TestServer;
  let fixtures: Fixtures;
  let world: Awaited<ReturnType<Fixtures['departement']>>;
  const as = (account: { login: string }) => server.client().signIn(account.login, FIXTURE_PASSWORD);

  async function withToken(token: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult> {
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as GraphQLResult;
  }

  async function createToken(structureId: string, scopes: string[]): Promise<string> {
    const cpd = await as(world.cpd);
    const { createApiClient } = await cpd.data(CREATE, { input: { name: `Client ${scopes.join(' ')}`, purpose: 'Suivi', structureId, scopes, expiresAt: inDays(30) } });
    return createApiClient.token as string;
  }

  /** Every event a token reads by polling `first` at a time from `after`, and the last cursor. */
  async function pollAll(token: string, after: string | null, first: number, types?: string[]): Promise<{ events: Event[]; cursor: string | null }> {
    const events: Event[] = [];
    let cursor = after;
    for (;;) {
      const answer = await withToken(token, EVENTS, { after: cursor, first, types });
      expect(answer.errors).toBeUndefined();
      const page = answer.data!.events as { nodes: Event[]; endCursor: string | null; hasNextPage: boolean };
      events.push(...page.nodes);
      cursor = page.endCursor;
      if (!page.hasNextPage) return { events, cursor };
    }
  }

  /** A token's graphql-ws subscription to eventsSince, collecting what arrives. */
  function follow(token: string, after: string | null, types?: string[]) {
    const received: Event[] = [];
    const waiters: { count: number; resolve: () => void }[] = [];
    const client = createClient({ url: server.url.replace(/^http/, 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
    let failed: unknown;
    let settle!: () => void;
    const ended = new Promise<void>((resolve) => (settle = resolve));
    client.subscribe(
      { query: SINCE, variables: { after, types } },
      {
        next: (value) => {
          if (value.errors) {
            failed = value.errors;
            settle();
          } else received.push((value.data as { eventsSince: Event }).eventsSince);
          for (const waiter of waiters.filter((w) => received.length >= w.count)) waiter.resolve();
        },
        error: (error) => {
          failed = error;
          settle();
        },
        complete: () => settle(),
      },
    );
    const until = (count: number) => (received.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve })));
    return { received, until, ended, close: () => client.dispose(), failed: () => failed };
  }

  beforeAll(async () => {
    server = await startTestServer();
    fixtures = new Fixtures(server.services.dataSource, server.services.secretBox);
    world = await fixtures.departement();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('polls every event in pages with no gap, even when an earlier transaction commits after a later one', async () => {
    const token = await createToken(world.c1, ['events:read', 'directory:read', 'reports:read']);
    const { cursor: start } = await pollAll(token, null, 100);
    const cpd = await as(world.cpd);
    await cpd.data(BLOCK, { id: world.pupilA.id });
    await cpd.data(UNBLOCK, { id: world.pupilA.id });
    // A transaction that began first (it holds the smaller transaction id) and commits last.
    const slow = new PgClient({ connectionString: server.database.url });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      const [slowRow] = (
        await slow.query(
          `INSERT INTO event_log (tx_id, type, subject_id, structure_ids, scope)
           VALUES (pg_current_xact_id()::text::bigint, 'account.blocked', $1, $2, 'directory:read') RETURNING id`,
          [world.teacherA.id, [world.dep, world.c1, world.schoolA]],
        )
      ).rows;
      await cpd.data(BLOCK, { id: world.teacherA.id });
      // Not visible yet, and not skipped: the page stops before the later transaction's row.
      const before = await pollAll(token, start, 1);
      expect(before.events.map((event) => event.type)).toEqual(['account.blocked', 'account.unblocked']);
      await slow.query('COMMIT');
      const after = await pollAll(token, before.cursor, 1);
      expect(after.events.map((event) => [event.type, event.subjectId])).toEqual([
        ['account.blocked', world.teacherA.id],
        ['account.blocked', world.teacherA.id],
      ]);
      expect(after.events[0].id).toBe(String(slowRow.id));
      // Polled again from the end: nothing new, the same cursor back.
      const again = await withToken(token, EVENTS, { after: after.cursor, first: 10 });
      expect(again.data!.events).toEqual({ nodes: [], endCursor: after.cursor, hasNextPage: false });
      await cpd.data(UNBLOCK, { id: world.teacherA.id });
    } finally {
      await slow.end();
    }
  });

  it('shows a token only the events of its subtree and scopes; events:read is required; first is 1 to 100', async () => {
    const c1Token = await createToken(world.c1, ['events:read', 'directory:read']);
    const { cursor: start } = await pollAll(c1Token, null, 100);
    const { notificationId } = (await (await as(world.teacherA)).data(PUBLISH, { input: { audience: 'CLASS', audienceId: world.classA1, title: 'Sortie', body: 'Texte' } })).publishPost;
    await (await as(world.pupilA)).data(REPORT, { id: notificationId });
    const cpd = await as(world.cpd);
    await cpd.data(BLOCK, { id: world.pupilZ.id }); // école Z, circonscription Sud
    await cpd.data(BLOCK, { id: world.pupilA.id }); // école A, circonscription Nord
    const seen = await pollAll(c1Token, start, 100);
    // Not pupil Z's (outside the subtree), not the report (no reports:read).
    expect(seen.events.map((event) => [event.type, event.subjectId])).toEqual([['account.blocked', world.pupilA.id]]);
    const withReports = await createToken(world.c1, ['events:read', 'reports:read']);
    const reports = await pollAll(withReports, start, 100);
    expect(reports.events.map((event) => event.type)).toEqual(['report.added']);
    const noEvents = await createToken(world.c1, ['directory:read']);
    const refused = await withToken(noEvents, EVENTS, { first: 10 });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0].message).toContain('events:read');
    const refusedLive = follow(noEvents, null);
    await refusedLive.ended;
    expect(JSON.stringify(refusedLive.failed())).toContain('events:read');
    await refusedLive.close();
    const tooMany = await withToken(c1Token, EVENTS, { first: 101 });
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badCursor = await withToken(c1Token, EVENTS, { first: 10, after: 'nimportequoi' });
    expect(badCursor.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await cpd.data(UNBLOCK, { id: world.pupilZ.id });
    await cpd.data(UNBLOCK, { id: world.pupilA.id });
  });

  it('replays from the cursor then streams live; an event missed while disconnected arrives on resume, once', async () => {
    const token = await createToken(world.c1, ['events:read', 'directory:read']);
    const { cursor: start } = await pollAll(token, null, 100);
    const cpd = await as(world.cpd);
    await cpd.data(BLOCK, { id: world.pupilA.id }); // before subscribing: replayed
    const first = follow(token, start, ['account.blocked', 'account.unblocked']);
    await first.until(1);
    await cpd.data(UNBLOCK, { id: world.pupilA.id }); // live
    await first.until(2);
    expect(first.received.map((event) => event.type)).toEqual(['account.blocked', 'account.unblocked']);
    await first.close();
    await cpd.data(BLOCK, { id: world.teacherA.id }); // missed: nobody listening
    const resumed = follow(token, first.received[1].cursor, ['account.blocked', 'account.unblocked']);
    await resumed.until(1);
    await cpd.data(UNBLOCK, { id: world.teacherA.id }); // live again
    await resumed.until(2);
    expect(resumed.failed()).toBeUndefined();
    expect(resumed.received.map((event) => [event.type, event.subjectId])).toEqual([
      ['account.blocked', world.teacherA.id],
      ['account.unblocked', world.teacherA.id],
    ]);
    // Nothing else, delivered twice or late: polling from the same cursor sees the same two.
    const polled = await pollAll(token, first.received[1].cursor, 100);
    expect(polled.events.map((event) => event.id)).toEqual(resumed.received.map((event) => event.id));
    await resumed.close();
  });

  it('purges events older than 7 days with the recurring job, and an expired cursor answers CURSOR_EXPIRED', async () => {
    const token = await createToken(world.c1, ['events:read', 'directory:read']);
    const cpd = await as(world.cpd);
    await cpd.data(BLOCK, { id: world.pupilA.id });
    await cpd.data(UNBLOCK, { id: world.pupilA.id });
    const { events } = await pollAll(token, null, 100);
    const [old, recent] = events.slice(-2);
    await server.services.dataSource.query(`UPDATE event_log SET occurred_at = now() - interval '8 days' WHERE id <= $1`, [old.id]);
    const [job] = integrationsModule.recurringJobs!(server.services);
    expect(job.name).toBe('integrations.purge-events');
    await job.run();
    const left = (await server.services.dataSource.query('SELECT id FROM event_log ORDER BY id')) as { id: string }[];
    expect(left.map((row) => row.id)).toContain(recent.id);
    expect(left.map((row) => row.id)).not.toContain(old.id);
    const aged = Buffer.from(Buffer.from(old.cursor, 'base64url').toString().replace(/:\d+$/, `:${Date.now() - 8 * 86_400_000}`)).toString('base64url');
    const expired = await withToken(token, EVENTS, { first: 10, after: aged });
    expect(expired.errors?.[0].extensions?.code).toBe('CURSOR_EXPIRED');
  });
});
