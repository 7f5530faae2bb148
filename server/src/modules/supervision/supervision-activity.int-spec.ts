import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActorBySession } from '../../platform/auth/actor-loader';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { GraphQLTestClient, startTestServer, TestServer } from '../../test-support/test-server';

const DASHBOARD = `query ($id: ID) { supervision(structureId: $id) { activityDay
  circonscriptions { id relatives relativesActive7 relativesActive30 } ecoles { id relatives relativesActive7 relativesActive30 } } }`;
const PARIS_TODAY = `(now() AT TIME ZONE 'Europe/Paris')::date`;


describe('« Actifs sur 7 / 30 jours »: day masks, roll-ups, the masking rule', () => {
  let server: TestServer;
  let d: Awaited<ReturnType<Fixtures['departement']>>;
  let f: Fixtures;
  let erun: GraphQLTestClient;
  let today: string;
  const sql = (text: string, params: unknown[] = []) => server.database.dataSource.query(text, params);
  /** Sets an account's mask as of a day `lastDayOffset` days from today (Paris). */
  const mask = (userId: string, days: number, lastDayOffset = 0) =>
    sql(
      `INSERT INTO account_activity (user_id, days, last_day) VALUES ($1, $2, ${PARIS_TODAY} + $3::int)
       ON CONFLICT (user_id) DO UPDATE SET days = EXCLUDED.days, last_day = EXCLUDED.last_day`,
      [userId, days, lastDayOffset],
    );
  const relatives = (school: string, n: number) => Promise.all(Array.from({ length: n }, () => f.user({ profile: 'RELATIVE', schools: [school] })));

  beforeAll(async () => {
    server = await startTestServer();
    f = new Fixtures(server.database.dataSource, server.services.secretBox);
    d = await f.departement();
    erun = await server.client().signIn(d.erun1.login, FIXTURE_PASSWORD);
    [{ today }] = await sql(`SELECT to_char(${PARIS_TODAY}, 'YYYY-MM-DD') AS today`);
  });
  afterAll(async () => server?.close());

  it('marks the Paris day of a sign-in, and of the first request of a later day, in the 31-day mask', async () => {
    const user = await f.user({ profile: 'RELATIVE', schools: [d.schoolA] });
    await server.client().signIn(user.login, FIXTURE_PASSWORD);
    const read = async () => (await sql(`SELECT days, to_char(last_day, 'YYYY-MM-DD') AS day FROM account_activity WHERE user_id = $1`, [user.id]))[0];
    expect(await read()).toEqual({ days: 1, day: today });
    // Signed in two days ago (and not since): today's bit comes in, that day's moves 2 places.
    await mask(user.id, 1, -2);
    await server.client().signIn(user.login, FIXTURE_PASSWORD);
    expect(await read()).toEqual({ days: 0b101, day: today });
    // A session opened yesterday: its first request of today marks today; the next ones change nothing.
    const { tokenHash } = await server.services.sessions.create(user.id, null, null);
    await mask(user.id, 1, -1);
    await loadActorBySession(server.database.dataSource, tokenHash, 24);
    expect(await read()).toEqual({ days: 0b11, day: today });
    await loadActorBySession(server.database.dataSource, tokenHash, 24);
    expect(await read()).toEqual({ days: 0b11, day: today });
    // A mask left 40 days: nothing of it survives the shift.
    await mask(user.id, 0b1111, -40);
    await server.client().signIn(user.login, FIXTURE_PASSWORD);
    expect(await read()).toEqual({ days: 1, day: today });
    await sql('DELETE FROM user_structure WHERE user_id = $1', [user.id]);
  });

  it('counts actives per Paris day over 7 and 30 days, masks under 3 either way, and counts a person of two écoles once', async () => {
    // École A: 5 parents of their own + one also in B. École B: 3 of its own + the shared one.
    const a = await relatives(d.schoolA, 5);
    const b = await relatives(d.schoolB, 3);
    const shared = await f.user({ profile: 'RELATIVE', schools: [d.schoolA, d.schoolB] });
    await mask(a[0].id, 1); // today
    await mask(a[1].id, 1 << 6); // 6 days ago: within 7
    await mask(shared.id, 1, -1); // yesterday, its mask last shifted then
    await mask(a[2].id, 1 << 10); // 10 days ago: within 30 only
    await mask(a[3].id, 1 << 7); // 7 days ago: within 30 only
    await mask(a[4].id, 1, -40); // 40 days ago: neither
    await mask(b[0].id, 1); // today
    // A row left by an earlier run for a profile École Z no longer has: replaced with the day's rows.
    await sql(`INSERT INTO supervision_activity (structure_id, day, profile, accounts, active_7, active_30) VALUES ($1, $2, 'GUEST', 5, 3, 3)`, [d.schoolZ, today]);
    await server.services.activityRollup.rollUp('$1', [today]);
    await server.services.activityRollup.rollUp('$1', [today]); // the next hour's run, same day
    expect(await sql(`SELECT 1 FROM supervision_activity WHERE structure_id = $1 AND profile = 'GUEST'`, [d.schoolZ])).toEqual([]);

    const { supervision } = await erun.data(DASHBOARD);
    expect(supervision.activityDay).toBe(today);
    const parents = (rows: { id: string }[], id: string) => rows.find((r) => r.id === id);
    // A: 3 active and 3 inactive over 7 days → shown; over 30 days 5 and 1 → masked.
    expect(parents(supervision.ecoles, d.schoolA)).toEqual({ id: d.schoolA, relatives: 6, relativesActive7: 3, relativesActive30: null });
    // B: 2 active → masked both ways.
    expect(parents(supervision.ecoles, d.schoolB)).toEqual({ id: d.schoolB, relatives: 4, relativesActive7: null, relativesActive30: null });
    // C1: 4 active over 7 days (the écoles' 3 + 2 would say 5), 6 over 30, of 9 people (the
    // écoles' 6 + 4 would say 10: the shared parent twice).
    expect(parents(supervision.circonscriptions, d.c1)).toEqual({ id: d.c1, relatives: 9, relativesActive7: 4, relativesActive30: 6 });
    const [c1] = await sql(`SELECT accounts FROM supervision_activity WHERE profile = 'RELATIVE' AND day = $1 AND structure_id = $2`, [today, d.c1]);
    expect(c1.accounts).toBe(9);
    // What was rolled up, unmasked, per école (the API never shows these).
    const raw = await sql(`SELECT structure_id, accounts, active_7, active_30 FROM supervision_activity WHERE profile = 'RELATIVE' AND day = $1 AND structure_id = ANY($2) ORDER BY accounts`, [
      today,
      [d.schoolA, d.schoolB],
    ]);
    expect(raw).toEqual([
      { structure_id: d.schoolB, accounts: 4, active_7: 2, active_30: 2 },
      { structure_id: d.schoolA, accounts: 6, active_7: 3, active_30: 5 },
    ]);
    // Rolled up for yesterday, today's sign-ins do not count and the shared parent's does.
    await server.services.activityRollup.rollUp(`$1::date - 1`, [today]);
    const [yesterdayB] = await sql(`SELECT active_7 FROM supervision_activity WHERE profile = 'RELATIVE' AND day = $1::date - 1 AND structure_id = $2`, [today, d.schoolB]);
    expect(yesterdayB.active_7).toBe(1);
  });

  it('purges roll-ups older than 25 months and masks older than 31 days', async () => {
    const [old, kept] = [d.schoolZ, d.c2];
    await sql(
      `INSERT INTO supervision_activity (structure_id, day, profile, accounts, active_7, active_30)
       VALUES ($1, ${PARIS_TODAY} - interval '25 months' - interval '1 day', 'TEACHER', 5, 3, 3),
              ($2, ${PARIS_TODAY} - interval '25 months' + interval '1 day', 'TEACHER', 5, 3, 3)`,
      [old, kept],
    );
    const [stale, recent] = await relatives(d.schoolZ, 2);
    await mask(stale.id, 1, -31);
    await mask(recent.id, 1, -30);
    await server.services.activityRollup.purge();
    expect(await sql(`SELECT structure_id FROM supervision_activity WHERE structure_id = ANY($1) AND day < ${PARIS_TODAY} - interval '24 months'`, [[old, kept]])).toEqual([{ structure_id: kept }]);
    expect(await sql(`SELECT user_id FROM account_activity WHERE user_id = ANY($1)`, [[stale.id, recent.id]])).toEqual([{ user_id: recent.id }]);
  });
});

describe('« Dernière connexion » on a record: a day for others, the time for the person', () => {
  let server: TestServer;
  let d: Awaited<ReturnType<Fixtures['departement']>>;
  const RECORD = 'query ($id: ID!) { user(id: $id) { lastLoginAt lastLoginDay } }';

  beforeAll(async () => {
    server = await startTestServer();
    d = await new Fixtures(server.database.dataSource, server.services.secretBox).departement();
  });
  afterAll(async () => server?.close());

  it("gives a director the Paris day of a teacher's last sign-in and not its time, and the director their own time", async () => {
    // 23:30 in Paris on 31 March 2026 (summer time since the 29th): still the 31st there.
    await server.database.dataSource.query(`UPDATE app_user SET last_login_at = '2026-03-31T21:30:00Z' WHERE id = $1`, [d.teacherA.id]);
    const director = await server.client().signIn(d.directorA.login, FIXTURE_PASSWORD);
    expect((await director.data(RECORD, { id: d.teacherA.id })).user).toEqual({ lastLoginAt: null, lastLoginDay: '2026-03-31' });
    const own = (await director.data(RECORD, { id: d.directorA.id })).user;
    expect(own.lastLoginAt).not.toBeNull();
    expect(own.lastLoginDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
