import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { GraphQLTestClient, startTestServer, TestServer } from '../../test-support/test-server';
import { liveFeed } from '../../test-support/live-feed';
import { wsClient } from '../../test-support/ws-client';

const SEND = 'mutation ($to: [ID!]!, $body: String!) { sendMessage(input: { recipientIds: $to, body: $body }) { id recipients } }';
const INBOX = '{ inbox(first: 20) { unreadCount messages { id body read sender { displayName } } } }';

describe('messaging under the communication rules', () => {
  let server: TestServer;
  let fixtures: Fixtures;
  let world: Awaited<ReturnType<Fixtures['departement']>>;
  let parentA: { id: string; login: string };
  const as = (account: { login: string }): Promise<GraphQLTestClient> => server.client().signIn(account.login, FIXTURE_PASSWORD);
  const count = async (sql: string) => (await server.services.dataSource.query(sql))[0].n as number;

  beforeAll(async () => {
    server = await startTestServer();
    fixtures = new Fixtures(server.services.dataSource, server.services.secretBox);
    world = await fixtures.departement();
    parentA = await fixtures.user({ profile: 'RELATIVE', lastName: 'Parent', firstName: 'Claire', schools: [world.schoolA] });
    await server.services.dataSource.query('INSERT INTO relative_link (relative_id, student_id) VALUES ($1, $2)', [parentA.id, world.pupilA.id]);
  });
  afterAll(() => server?.close());

  it("lets a parent write to their child's teacher, who sees the unread count rise live", async () => {
    const teacher = await as(world.teacherA);
    const socket = wsClient(server.url, teacher.cookie);
    const feed = liveFeed(socket, 'subscription { inboxChanged { unreadCount message { body } } }');
    await server.services.inboxLive.untilSubscriptions(world.teacherA.id, 1);
    const parent = await as(parentA);
    expect((await parent.data('{ contacts { displayName } }')).contacts).toEqual([{ displayName: 'ENSEIGNANT Paul' }]);
    expect((await parent.data(SEND, { to: [world.teacherA.id], body: 'Bonjour, Léa sera absente demain.' })).sendMessage.recipients).toBe(1);
    expect(await feed.until(1)).toEqual([{ inboxChanged: { unreadCount: 1, message: { body: 'Bonjour, Léa sera absente demain.' } } }]);
    const inbox = (await teacher.data(INBOX)).inbox;
    expect(inbox.unreadCount).toBe(1);
    expect(inbox.messages[0]).toMatchObject({ body: 'Bonjour, Léa sera absente demain.', read: false, sender: { displayName: 'PARENT Claire' } });
    expect(await teacher.data('mutation ($id: ID!) { markMessageRead(messageId: $id) }', { id: inbox.messages[0].id })).toEqual({ markMessageRead: 0 });
    // Nobody else can mark or read it.
    expect((await parent.request('mutation ($id: ID!) { markMessageRead(messageId: $id) }', { id: inbox.messages[0].id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await (await as(world.pupilZ)).data(INBOX)).inbox.messages).toEqual([]);
    await socket.dispose();
  });

  it('refuses a recipient outside the rules, and sends nothing to anyone in that batch', async () => {
    const before = await count('SELECT count(*)::int AS n FROM message');
    const parent = await as(parentA);
    const result = await parent.request(SEND, { to: [world.teacherA.id, world.directorZ.id], body: 'Bonjour' });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_ALLOWED' } });
    expect(result.errors?.[0].message).toContain("Le message n'a été envoyé à personne.");
    expect(await count('SELECT count(*)::int AS n FROM message')).toBe(before);
    // A pupil may not write to a parent.
    expect((await (await as(world.pupilA)).request(SEND, { to: [parentA.id], body: 'Salut' })).errors?.[0].extensions?.code).toBe('NOT_ALLOWED');
  });

  it('refuses a blocked recipient with a clear French message, nothing sent', async () => {
    const colleague = await fixtures.user({ profile: 'TEACHER', lastName: 'Bloqué', schools: [world.schoolA], classes: [world.classA1], blockedUntil: 'forever' });
    const before = await count('SELECT count(*)::int AS n FROM message_recipient');
    const result = await (await as(parentA)).request(SEND, { to: [world.teacherA.id, colleague.id], body: 'Bonjour à tous les deux' });
    expect(result.errors?.[0]).toMatchObject({
      extensions: { code: 'RECIPIENT_BLOCKED' },
      message: "Un des destinataires a un compte bloqué : on ne peut pas lui écrire. Le message n'a été envoyé à personne.",
    });
    expect(await count('SELECT count(*)::int AS n FROM message_recipient')).toBe(before);
  });

  it('limits sizes with clear errors', async () => {
    const result = await (await as(parentA)).request(SEND, { to: [], body: 'x'.repeat(2001) });
    expect(Object.keys(result.errors?.[0].extensions?.fields as object).sort()).toEqual(['body', 'recipientIds']);
  });
});
