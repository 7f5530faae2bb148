import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { GraphQLTestClient, startTestServer, TestServer } from '../../test-support/test-server';
import { drain, liveFeed } from '../../test-support/live-feed';
import { wsClient } from '../../test-support/ws-client';
import type { ReportSignal } from './moderation.types';
import { KeyedNotices1796730000000 } from '../../migrations/1796730000000-keyed-notices';

const PUBLISH = 'mutation ($input: PublishPostInput!) { publishPost(input: $input) { notificationId } }';
const REPORT = 'mutation ($id: ID!) { reportNotification(notificationId: $id) { reportId } }';
/** Published straight to a hub after the real events: once a feed has it, nothing sent before is still on its way. */
const BARRIER = { reportId: '00000000-0000-4000-8000-00000000000a', report: { id: '00000000-0000-4000-8000-00000000000a', text: 'barrière', status: 'PENDING' } } as unknown as ReportSignal;
const isBarrier = (message: { reportAdded: { text: string } }) => message.reportAdded.text === 'barrière';
const REPORTS = 'query ($status: ReportStatus) { reports(status: $status) { reports { id status text author { displayName } reporters { person { displayName } } treatedBy } } }';

describe('moderation: « Conserver » / « Supprimer »', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<Fixtures['departement']>>;
  const as = (account: { login: string }): Promise<GraphQLTestClient> => server.client().signIn(account.login, FIXTURE_PASSWORD);

  async function reportedPost(title: string): Promise<{ notificationId: string; reportId: string }> {
    const { notificationId } = (await (await as(world.teacherA)).data(PUBLISH, { input: { audience: 'CLASS', audienceId: world.classA1, title, body: 'Texte' } })).publishPost;
    const { reportId } = (await (await as(world.pupilA)).data(REPORT, { id: notificationId })).reportNotification;
    return { notificationId, reportId };
  }

  beforeAll(async () => {
    server = await startTestServer();
    world = await new Fixtures(server.services.dataSource, server.services.secretBox).departement();
  });
  afterAll(() => server?.close());

  it('shows pending reports to the admins of the école, its circonscription and département, and to nobody else', async () => {
    const { reportId } = await reportedPost('Message insultant');
    for (const admin of [world.directorA, world.erun1, world.cpd, world.operator]) {
      const pending = (await (await as(admin)).data(REPORTS, { status: 'PENDING' })).reports.reports;
      expect(pending.map((r: { id: string }) => r.id)).toContain(reportId);
    }
    const seen = (await (await as(world.directorA)).data(REPORTS, { status: 'PENDING' })).reports.reports.find((r: { id: string }) => r.id === reportId);
    expect(seen).toMatchObject({ text: 'Message insultant', author: { displayName: 'ENSEIGNANT Paul' }, reporters: [{ person: { displayName: 'ÉLÈVE Léa' } }] });
    for (const outsider of [world.directorZ, world.erun2]) {
      expect((await (await as(outsider)).data(REPORTS, {})).reports.reports).toEqual([]);
      const treat = await (await as(outsider)).request('mutation ($id: ID!) { keepReport(reportId: $id) { id } }', { id: reportId });
      expect(treat.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
  });

  it('« Supprimer » removes it from every timeline live, blocks the author if asked, and cannot be done twice', async () => {
    const { notificationId, reportId } = await reportedPost('À supprimer');
    const pupil = await as(world.pupilA);
    const socket = wsClient(server.url, pupil.cookie);
    const feed = liveFeed(socket, 'subscription { timelineChanged { change notificationId } }');
    await server.services.timelineLive.untilSubscriptions(world.pupilA.id, 1);

    const director = await as(world.directorA);
    const treated = (await director.data('mutation ($id: ID!) { deleteReport(reportId: $id, blockAuthor: true) { status treatedBy } }', { id: reportId })).deleteReport;
    expect(treated).toEqual({ status: 'DELETED', treatedBy: 'DIRECTRICE Anne' });
    expect(await feed.until(1)).toEqual([{ timelineChanged: { change: 'REMOVED', notificationId } }]);
    const titles = (await pupil.data('{ timeline(first: 50) { items { title } } }')).timeline.items.map((i: { title: string }) => i.title);
    expect(titles).not.toContain('À supprimer');
    // The post itself stays; the author is blocked.
    expect((await server.services.dataSource.query("SELECT count(*)::int AS n FROM post WHERE title = 'À supprimer'"))[0].n).toBe(1);
    expect((await server.client().login(world.teacherA.login, FIXTURE_PASSWORD)).errors?.[0].extensions?.code).toBe('BAD_CREDENTIALS');
    const again = await (await as(world.erun1)).request('mutation ($id: ID!) { keepReport(reportId: $id) { id } }', { id: reportId });
    expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'REPORT_ALREADY_TREATED' } });
    const history = (await director.data(REPORTS, { status: 'DELETED' })).reports.reports;
    expect(history.map((r: { id: string }) => r.id)).toContain(reportId);
    await director.data('mutation ($id: ID!) { unblockUser(userId: $id) { status } }', { id: world.teacherA.id });
    await socket.dispose();
  });

  it('tells the admins concerned live, on every instance, and in their own timeline; never the others', async () => {
    const second = await startTestServer({ sharedDatabaseOf: server });
    try {
      /** Subscribes and returns once `on` holds the subscription, so that what is published next reaches it. */
      const listen = async (account: { id: string; login: string }, on: TestServer, query: string, hub = on.services.reportsAddedLive) => {
        const browser = await on.client().signIn(account.login, FIXTURE_PASSWORD);
        const socket = wsClient(on.url, browser.cookie);
        const feed = liveFeed<{ reportAdded: { text: string } }>(socket, query);
        await hub.untilSubscriptions(account.id, 1);
        return Object.assign(feed, { socket });
      };
      const added = 'subscription { reportAdded { text status } }';
      const director = await listen(world.directorA, server, added);
      const erunOnSecond = await listen(world.erun1, second, added);
      const outsider = await listen(world.directorZ, second, added);
      const treatedFeed = await listen(world.cpd, second, 'subscription { reportTreated { text status } }', second.services.reportsTreatedLive);

      const { reportId } = await reportedPost('Signalé en direct');
      expect(await director.until(1)).toEqual([{ reportAdded: { text: 'Signalé en direct', status: 'PENDING' } }]);
      expect(await erunOnSecond.until(1)).toEqual([{ reportAdded: { text: 'Signalé en direct', status: 'PENDING' } }]);
      await (await as(world.directorA)).data('mutation ($id: ID!) { keepReport(reportId: $id) { id } }', { id: reportId });
      expect(await treatedFeed.until(1)).toEqual([{ reportTreated: { text: 'Signalé en direct', status: 'KEPT' } }]);
      // The second instance delivered the report to the ERUN: had it sent it to the outsider too, it would come before this.
      await drain(second.services.reportsAddedLive, [{ feed: outsider, userId: world.directorZ.id }], BARRIER, isBarrier);
      expect(outsider.received).toEqual([]);

      const notice = (await (await as(world.erun1)).data('{ timeline(first: 5) { items { title } } }')).timeline.items[0].title;
      expect(notice).toBe('Une notification a été signalée par ÉLÈVE Léa. Pour traiter le signalement cliquez ici.');
      // Stored as a key with its parameters: an English reader reads it in English.
      const inEnglish = await server.client('en').signIn(world.erun1.login, FIXTURE_PASSWORD);
      expect((await inEnglish.data('{ timeline(first: 5) { items { title } } }')).timeline.items[0].title).toBe(
        'A notification was reported by ÉLÈVE Léa. To deal with the report, click here.',
      );
      const theirs = (await (await as(world.directorZ)).data('{ timeline(first: 50) { items { title } } }')).timeline.items;
      expect(theirs.map((i: { title: string }) => i.title)).not.toContain(notice);
      for (const feed of [director, erunOnSecond, outsider, treatedFeed]) await feed.socket.dispose();
    } finally {
      await second.close();
    }
  });

  it('gives the admins\' notice to every admin whose scope holds the report, live, paged with their own items, never to others', async () => {
    const fixtures = new Fixtures(server.services.dataSource, server.services.secretBox);
    // A teacher of the class who is also an admin of the école: the post and the notice both reach them.
    const teachingDirector = await fixtures.user({ profile: 'TEACHER', schools: [world.schoolA], classes: [world.classA1], functions: [{ function: 'SCHOOL_ADMIN', structureId: world.schoolA }] });
    const browser = await as(teachingDirector);
    const socket = wsClient(server.url, browser.cookie);
    const feed = liveFeed<{ timelineChanged: { change: string; item: { title: string; reportId: string | null } | null } }>(socket, 'subscription { timelineChanged { change item { title reportId } } }');
    await server.services.timelineLive.untilSubscriptions(teachingDirector.id, 1);

    const { reportId } = await reportedPost('Annoncé aux référents');
    const notice = 'Une notification a été signalée par ÉLÈVE Léa. Pour traiter le signalement cliquez ici.';
    const events = await feed.until(2);
    expect(events.map((e) => e.timelineChanged.item)).toEqual([
      { title: 'Annoncé aux référents', reportId: null },
      { title: notice, reportId },
    ]);
    // Newest first across both sources, one item per page.
    const page1 = (await browser.data('{ timeline(first: 1) { items { title reportId } hasNextPage endCursor } }')).timeline;
    expect(page1.items).toEqual([{ title: notice, reportId }]);
    const page2 = (await browser.data('query ($after: String) { timeline(first: 1, after: $after) { items { title reportId } } }', { after: page1.endCursor })).timeline;
    expect(page2.items).toEqual([{ title: 'Annoncé aux référents', reportId: null }]);

    const noticesOf = async (account: { login: string }) =>
      (await (await as(account)).data('{ timeline(first: 100) { items { id title reportId } } }')).timeline.items.filter((i: { reportId: string | null }) => i.reportId === reportId);
    for (const admin of [world.directorA, world.erun1, world.cpd, world.operator]) expect(await noticesOf(admin)).toHaveLength(1);
    for (const other of [world.directorZ, world.erun2, world.pupilA, world.pupilZ]) expect(await noticesOf(other)).toEqual([]);
    // Read, not copied: an admin named after the report reads it too, and the notice is not reportable.
    const newcomer = await fixtures.user({ profile: 'PERSONNEL', functions: [{ function: 'CIRCONSCRIPTION_ADMIN', structureId: world.c1 }] });
    const [theirs] = await noticesOf(newcomer);
    expect(theirs).toMatchObject({ title: notice, reportId });
    const reportAgain = await (await as(newcomer)).request(REPORT, { id: theirs.id });
    expect(reportAgain.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    await socket.dispose();
  });

  it('converts the notices stored as a French sentence before the KeyedNotices migration, and back, reporter kept', async () => {
    const { reportId } = await reportedPost('Avant la migration');
    const runner = server.services.dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      const read = async () =>
        (await runner.query(`SELECT text, text_key, text_params FROM notification WHERE report_id = $1`, [reportId])) as { text: string | null; text_key: string | null; text_params: unknown }[];
      expect(await read()).toEqual([{ text: null, text_key: 'REPORT_NOTICE', text_params: { reporter: 'ÉLÈVE Léa' } }]);
      const migration = new KeyedNotices1796730000000();
      await migration.down(runner);
      expect(await runner.query(`SELECT text FROM notification WHERE report_id = $1`, [reportId])).toEqual([{ text: 'Une notification a été signalée par ÉLÈVE Léa. Pour traiter le signalement cliquez ici.' }]);
      await migration.up(runner);
      expect(await read()).toEqual([{ text: null, text_key: 'REPORT_NOTICE', text_params: { reporter: 'ÉLÈVE Léa' } }]);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('checks each subscriber\'s rights when the event is delivered, not when they subscribed', async () => {
    const fixtures = new Fixtures(server.services.dataSource, server.services.secretBox);
    // Two ERUNs of circonscription 1, both subscribed; then one loses the function and an ERUN of
    // the other circonscription gains it there, both after subscribing.
    const leaving = await fixtures.user({ profile: 'TEACHER', schools: [world.schoolA], functions: [{ function: 'CIRCONSCRIPTION_ADMIN', structureId: world.c1 }] });
    const arriving = await fixtures.user({ profile: 'TEACHER', schools: [world.schoolZ], functions: [{ function: 'CIRCONSCRIPTION_ADMIN', structureId: world.c2 }] });
    const feeds = [];
    for (const account of [leaving, arriving, world.erun1]) {
      const browser = await server.client().signIn(account.login, FIXTURE_PASSWORD);
      const socket = wsClient(server.url, browser.cookie);
      feeds.push({ ...liveFeed<{ reportAdded: { text: string } }>(socket, 'subscription { reportAdded { text } }'), socket, userId: account.id });
      await server.services.reportsAddedLive.untilSubscriptions(account.id, 1);
    }
    // A first report warms every cache of rights on the way.
    await reportedPost('Avant le changement');
    await feeds[0]!.until(1);
    await feeds[2]!.until(1);

    await (await as(world.cpd)).data('mutation ($id: ID!, $s: ID) { revokeAdminFunction(userId: $id, function: CIRCONSCRIPTION_ADMIN, structureId: $s) { id } }', { id: leaving.id, s: world.c1 });
    await server.services.dataSource.query(`INSERT INTO admin_function (user_id, function, structure_id) VALUES ($1, 'CIRCONSCRIPTION_ADMIN', $2)`, [arriving.id, world.c1]);
    await reportedPost('Après le changement');
    await feeds[2]!.until(2);
    await feeds[1]!.until(1);
    // Whatever the second report sent to any of them has arrived once this has.
    await drain(server.services.reportsAddedLive, feeds.map((feed) => ({ feed, userId: feed.userId })), BARRIER, isBarrier);

    expect(feeds[2]!.received.map((e) => e.reportAdded.text)).toEqual(['Avant le changement', 'Après le changement']);
    expect(feeds[0]!.received.map((e) => e.reportAdded.text)).toEqual(['Avant le changement']);
    expect(feeds[1]!.received.map((e) => e.reportAdded.text)).toEqual(['Après le changement']);
    for (const feed of feeds) await feed.socket.dispose();
  });

  it('« Conserver » keeps it in the timelines', async () => {
    const { reportId } = await reportedPost('À garder');
    expect((await (await as(world.erun1)).data('mutation ($id: ID!) { keepReport(reportId: $id) { status } }', { id: reportId })).keepReport.status).toBe('KEPT');
    const titles = (await (await as(world.pupilA)).data('{ timeline(first: 50) { items { title } } }')).timeline.items.map((i: { title: string }) => i.title);
    expect(titles).toContain('À garder');
  });
});
