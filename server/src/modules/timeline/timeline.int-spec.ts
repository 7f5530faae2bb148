import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { GraphQLTestClient, startTestServer, TestServer } from '../../test-support/test-server';
import { drain, liveFeed } from '../../test-support/live-feed';
import { wsClient } from '../../test-support/ws-client';

const PUBLISH = 'mutation ($input: PublishPostInput!) { publishPost(input: $input) { notificationId recipients } }';
const TIMELINE = 'query ($after: String) { timeline(first: 2, after: $after) { items { id title body link author { displayName } audience reportedByMe } hasNextPage endCursor } }';
const REPORT = 'mutation ($id: ID!) { reportNotification(notificationId: $id) { reportId reportedAt } }';

describe('user space: posts, timeline, reports', () => {
  let server: TestServer;
  let fixtures: Fixtures;
  let world: Awaited<ReturnType<Fixtures['departement']>>;
  let parentA: { id: string; login: string };
  let pupilA2: { id: string; login: string };
  const as = (account: { login: string }): Promise<GraphQLTestClient> => server.client().signIn(account.login, FIXTURE_PASSWORD);
  const titles = async (account: { login: string }) => ((await (await as(account)).data('{ timeline(first: 50) { items { title } } }')).timeline.items as { title: string }[]).map((item) => item.title);

  beforeAll(async () => {
    server = await startTestServer();
    fixtures = new Fixtures(server.services.dataSource, server.services.secretBox);
    world = await fixtures.departement();
    parentA = await fixtures.user({ profile: 'RELATIVE', schools: [world.schoolA] });
    await server.services.dataSource.query('INSERT INTO relative_link (relative_id, student_id) VALUES ($1, $2)', [parentA.id, world.pupilA.id]);
    pupilA2 = await fixtures.user({ profile: 'STUDENT', schools: [world.schoolA], classes: [world.classA2] });
  });
  afterAll(() => server?.close());

  it('publishes to a class: its pupils, their parents and teachers receive it, in one statement; another class does not', async () => {
    const teacher = await as(world.teacherA);
    const result = (await teacher.data(PUBLISH, { input: { audience: 'CLASS', audienceId: world.classA1, title: 'Sortie au musée', body: 'Rendez-vous à 9 h devant l\'école.' } })).publishPost;
    expect(result.recipients).toBe(3); // the teacher, the pupil, the pupil's parent
    expect(await titles(world.pupilA)).toContain('Sortie au musée');
    expect(await titles(parentA)).toContain('Sortie au musée');
    expect(await titles(pupilA2)).not.toContain('Sortie au musée');
    expect(await titles(world.pupilZ)).not.toContain('Sortie au musée');
    const [item] = (await (await as(world.pupilA)).data(TIMELINE)).timeline.items;
    expect(item).toMatchObject({ title: 'Sortie au musée', author: { displayName: 'ENSEIGNANT Paul' }, audience: 'CP A', reportedByMe: false });
  });

  it('delivers live to the pupils of the class only, over graphql-ws', async () => {
    type Change = { timelineChanged: { change: string; notificationId: string; item: { title: string } | null } };
    /** Subscribes and returns once the hub holds the subscription, so that what is published next reaches it. */
    const subscribe = async (account: { id: string; login: string }) => {
      const client = wsClient(server.url, (await as(account)).cookie);
      const feed = liveFeed<Change>(client, 'subscription { timelineChanged { change notificationId item { title } } }');
      await server.services.timelineLive.untilSubscriptions(account.id, 1);
      return feed;
    };
    const pupil = await subscribe(world.pupilA);
    const outsider = await subscribe(pupilA2);
    const { notificationId } = (await (await as(world.teacherA)).data(PUBLISH, { input: { audience: 'CLASS', audienceId: world.classA1, title: 'Piscine jeudi', body: 'Pensez au bonnet.' } })).publishPost;
    expect(await pupil.until(1)).toEqual([{ timelineChanged: { change: 'ADDED', notificationId, item: { title: 'Piscine jeudi' } } }]);
    // The post went to its recipients here in one delivery: had the outsider been one, it would have it before this.
    const barrier = { change: 'REMOVED' as const, notificationId: '00000000-0000-4000-8000-00000000000b' };
    await drain(server.services.timelineLive, [{ feed: outsider, userId: pupilA2.id }], barrier, (message) => message.timelineChanged.notificationId === barrier.notificationId);
    expect(outsider.received).toEqual([]);
    await pupil.client.dispose();
    await outsider.client.dispose();
  });

  it('keeps user text as typed (clients render it as text) and refuses bad links, long texts and foreign audiences', async () => {
    const teacher = await as(world.teacherA);
    const xss = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    await teacher.data(PUBLISH, { input: { audience: 'SCHOOL', audienceId: world.schoolA, title: 'Kermesse', body: xss, link: 'https://ecole.example.org/kermesse' } });
    const items = (await (await as(world.pupilA)).data('{ timeline(first: 50) { items { title body link } } }')).timeline.items;
    expect(items).toContainEqual({ title: 'Kermesse', body: xss, link: 'https://ecole.example.org/kermesse' });
    const bad = await teacher.request(PUBLISH, { input: { audience: 'CLASS', audienceId: world.classA1, title: 'x'.repeat(121), body: '', link: 'javascript:alert(1)' } });
    expect(Object.keys(bad.errors?.[0].extensions?.fields as object).sort()).toEqual(['body', 'link', 'title']);
    expect((await teacher.request(PUBLISH, { input: { audience: 'CLASS', audienceId: world.classZ1, title: 'T', body: 'B' } })).errors?.[0].extensions?.code).toBe('NOT_ALLOWED');
    expect((await (await as(parentA)).request(PUBLISH, { input: { audience: 'SCHOOL', audienceId: world.schoolA, title: 'T', body: 'B' } })).errors?.[0].extensions?.code).toBe('NOT_ALLOWED');
  });

  it('pages the timeline by keyset, newest first', async () => {
    const pupil = await as(world.pupilA);
    const first = (await pupil.data(TIMELINE)).timeline;
    const second = (await pupil.data(TIMELINE, { after: first.endCursor })).timeline;
    const all = [...first.items, ...second.items].map((item: { title: string }) => item.title);
    expect(all).toEqual(['Kermesse', 'Piscine jeudi', 'Sortie au musée']);
    expect(second.hasNextPage).toBe(false);
  });

  it('lets an admin send a notice to every account under a structure of their scope, and nowhere else', async () => {
    const NOTICE = 'mutation ($input: PublishNoticeInput!) { publishNotice(input: $input) { recipients } }';
    const erun = await as(world.erun1);
    const sent = (await erun.data(NOTICE, { input: { structureId: world.c1, title: 'Maintenance ENT samedi', body: 'Coupure de 8 h à 10 h.' } })).publishNotice;
    const [expected] = await server.services.dataSource.query(
      `SELECT count(DISTINCT us.user_id)::int AS n FROM user_structure us JOIN structure_ancestor sa ON sa.structure_id = us.structure_id WHERE sa.ancestor_id = $1`,
      [world.c1],
    );
    expect(sent.recipients).toBe(expected.n);
    expect(await titles(world.pupilA)).toContain('Maintenance ENT samedi');
    expect(await titles(world.pupilZ)).not.toContain('Maintenance ENT samedi');
    expect((await erun.request(NOTICE, { input: { structureId: world.c2, title: 'T', body: 'B' } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await (await as(world.teacherA)).request(NOTICE, { input: { structureId: world.schoolA, title: 'T', body: 'B' } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lets a recipient report once, gathers reporters on one report, and refuses a non-recipient', async () => {
    const [item] = (await (await as(world.pupilA)).data('{ timeline(first: 50) { items { id title } } }')).timeline.items.filter((i: { title: string }) => i.title === 'Sortie au musée');
    const pupil = await as(world.pupilA);
    const receipt = (await pupil.data(REPORT, { id: item.id })).reportNotification;
    expect(new Date(receipt.reportedAt).getTime()).toBeLessThanOrEqual(Date.now());
    const again = await pupil.request(REPORT, { id: item.id });
    expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'ALREADY_REPORTED' }, message: 'Vous avez déjà signalé cette notification : un référent ENT va la traiter.' });
    expect((await (await as(parentA)).data(REPORT, { id: item.id })).reportNotification.reportId).toBe(receipt.reportId);
    expect((await (await as(pupilA2)).request(REPORT, { id: item.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await (await as(world.directorZ)).request(REPORT, { id: item.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const reporters = await server.services.dataSource.query('SELECT count(*)::int AS n FROM report_reporter WHERE report_id = $1', [receipt.reportId]);
    expect(reporters[0].n).toBe(2);
    expect((await pupil.data('{ timeline(first: 50) { items { title reportedByMe } } }')).timeline.items).toContainEqual({ title: 'Sortie au musée', reportedByMe: true });
  });
  it('lets a pupil publish to their class only: the whole école is an audience for adults', async () => {
    const pupil = await as(world.pupilA);
    const refused = await pupil.request(PUBLISH, { input: { audience: 'SCHOOL', audienceId: world.schoolA, title: 'Vente de gâteaux', body: 'Vendredi.' } });
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_ALLOWED' }, message: 'Un élève publie seulement dans sa classe : choisissez-la comme destinataire.' });
    expect(await titles(world.teacherA)).not.toContain('Vente de gâteaux');
    expect((await pupil.data(PUBLISH, { input: { audience: 'CLASS', audienceId: world.classA1, title: 'Vente de gâteaux', body: 'Vendredi.' } })).publishPost.recipients).toBe(3);
    expect((await (await as(world.teacherA)).data(PUBLISH, { input: { audience: 'SCHOOL', audienceId: world.schoolA, title: 'Chorale', body: 'Mardi.' } })).publishPost.recipients).toBeGreaterThan(3);
  });

  it("shows admins a report notice's audience, its reporter, and who treated it once treated", async () => {
    const NOTICES = '{ timeline(first: 50) { items { reportNotice { reportId audience reporter { id displayName } treatedBy treatedAt } } } }';
    const notices = async () =>
      ((await (await as(world.directorA)).data(NOTICES)).timeline.items as { reportNotice: Record<string, unknown> | null }[]).flatMap((item) => (item.reportNotice ? [item.reportNotice] : []));
    const [item] = (await (await as(pupilA2)).data('{ timeline(first: 50) { items { id title } } }')).timeline.items.filter((i: { title: string }) => i.title === 'Chorale');
    const { reportId } = (await (await as(pupilA2)).data(REPORT, { id: item.id })).reportNotification;
    const mine = (await notices()).filter((notice) => notice.reportId === reportId);
    expect(mine).toEqual([{ reportId, audience: 'École A', reporter: { id: pupilA2.id, displayName: expect.stringMatching(/\S/) }, treatedBy: null, treatedAt: null }]);
    await (await as(world.directorA)).data('mutation ($id: ID!) { keepReport(reportId: $id) { id } }', { id: reportId });
    const [treated] = (await notices()).filter((notice) => notice.reportId === reportId);
    expect(treated).toMatchObject({ treatedBy: 'DIRECTRICE Anne', treatedAt: expect.any(String) });
  });
});
