import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { GraphQLTestClient, startTestServer, TestServer } from '../../test-support/test-server';
import { wsClient } from '../../test-support/ws-client';

const PUBLISH = 'mutation ($input: PublishPostInput!) { publishPost(input: $input) { notificationId } }';
const REPORT = 'mutation ($id: ID!) { reportNotification(notificationId: $id) { reportId } }';
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
    const events: unknown[] = [];
    const socket = wsClient(server.url, pupil.cookie);
    socket.subscribe({ query: 'subscription { timelineChanged { change notificationId } }' }, { next: (value) => void events.push(value.data), error: () => undefined, complete: () => undefined });
    await new Promise((resolve) => setTimeout(resolve, 300));

    const director = await as(world.directorA);
    const treated = (await director.data('mutation ($id: ID!) { deleteReport(reportId: $id, blockAuthor: true) { status treatedBy } }', { id: reportId })).deleteReport;
    expect(treated).toEqual({ status: 'DELETED', treatedBy: 'DIRECTRICE Anne' });
    for (let waited = 0; events.length === 0 && waited < 2000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).toEqual([{ timelineChanged: { change: 'REMOVED', notificationId } }]);
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

  it('« Conserver » keeps it in the timelines', async () => {
    const { reportId } = await reportedPost('À garder');
    expect((await (await as(world.erun1)).data('mutation ($id: ID!) { keepReport(reportId: $id) { status } }', { id: reportId })).keepReport.status).toBe('KEPT');
    const titles = (await (await as(world.pupilA)).data('{ timeline(first: 50) { items { title } } }')).timeline.items.map((i: { title: string }) => i.title);
    expect(titles).toContain('À garder');
  });
});
