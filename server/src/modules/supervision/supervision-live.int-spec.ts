import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { drain, LiveFeed, liveFeed } from '../../test-support/live-feed';
import { startTestServer, TestServer } from '../../test-support/test-server';
import { wsClient } from '../../test-support/ws-client';

type Message = { supervisionChanged: { changedAt: string } };
/** Published straight on the hub to prove nothing else is on its way (a date no change carries). */
const BARRIER_AT = new Date(0);
const isBarrier = (message: Message) => message.supervisionChanged.changedAt === BARRIER_AT.toISOString();

describe('« Tableau de bord » live: supervisionChanged', () => {
  let server: TestServer;
  let d: Awaited<ReturnType<Fixtures['departement']>>;
  let f: Fixtures;
  const feeds = new Map<string, LiveFeed<Message> & { userId: string }>();
  const sockets: { dispose(): Promise<void> | void }[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    f = new Fixtures(server.database.dataSource, server.services.secretBox);
    d = await f.departement();
    for (const [name, account] of [['directorA', d.directorA], ['erun1', d.erun1], ['erun2', d.erun2], ['cpd', d.cpd], ['directorZ', d.directorZ]] as const) {
      const browser = await server.client().signIn(account.login, FIXTURE_PASSWORD);
      const socket = wsClient(server.url, browser.cookie);
      sockets.push(socket);
      feeds.set(name, Object.assign(liveFeed<Message>(socket, 'subscription { supervisionChanged { changedAt } }'), { userId: account.id }));
      await server.services.supervisionLive.untilSubscriptions(account.id, 1);
    }
  });
  afterAll(async () => {
    for (const socket of sockets) await socket.dispose();
    await server?.close();
  });

  /**
   * Runs one statement (one notification), waits for it on the feeds that must hear it, then proves
   * with a barrier that the others heard nothing.
   */
  async function expectHeardBy(statement: () => Promise<unknown>, heard: string[]): Promise<void> {
    for (const feed of feeds.values()) feed.received.length = 0;
    await statement();
    for (const name of heard) expect((await feeds.get(name)!.until(1))[0].supervisionChanged.changedAt, name).toMatch(/^\d{4}-/);
    await drain(server.services.supervisionLive, [...feeds.values()].map((feed) => ({ feed, userId: feed.userId })), { changedAt: BARRIER_AT }, isBarrier);
    const told = [...feeds.entries()].filter(([, feed]) => feed.received.length > 0).map(([name]) => name);
    expect(told.sort()).toEqual([...heard].sort());
  }

  it("tells the admins of a new account's école, and no one else", async () => {
    const newcomer = await f.user({ profile: 'STUDENT', activationCode: 'live0001' });
    const db = server.database.dataSource;
    await expectHeardBy(() => db.query('INSERT INTO user_structure (user_id, structure_id) VALUES ($1, $2)', [newcomer.id, d.schoolA]), ['directorA', 'erun1', 'cpd']);
    // An account made in école Z (its membership is the one statement that moves a figure), then activated.
    let parentZ = { id: '' };
    await expectHeardBy(async () => (parentZ = await f.user({ profile: 'RELATIVE', schools: [d.schoolZ], activationCode: 'live0002' })), ['erun2', 'cpd', 'directorZ']);
    await expectHeardBy(() => db.query(`UPDATE app_user SET password_hash = 'x' WHERE id = $1`, [parentZ.id]), ['erun2', 'cpd', 'directorZ']);
  });

  it('tells them of imports, absent accounts and renewal codes', async () => {
    const db = server.database.dataSource;
    await expectHeardBy(() => db.query(`INSERT INTO import_session (creator_id, school_id, files_hash, report) VALUES ($1, $2, 'h', '{}')`, [d.cpd.id, d.schoolB]), ['erun1', 'cpd']);
    await expectHeardBy(() => db.query('INSERT INTO import_absence (user_id, school_id) VALUES ($1, $2)', [d.pupilZ.id, d.schoolZ]), ['erun2', 'cpd', 'directorZ']);
    await expectHeardBy(
      () => db.query(`INSERT INTO renewal_code (user_id, code_hash, purpose, expires_at) VALUES ($1, 'x', 'ADMIN', now() + interval '1 day')`, [d.teacherA.id]),
      ['directorA', 'erun1', 'cpd'],
    );
  });

  it('says nothing of a change that moves no figure', async () => {
    await expectHeardBy(() => server.database.dataSource.query(`UPDATE app_user SET first_name = 'Renommé' WHERE id = $1`, [d.teacherA.id]), []);
  });
});
