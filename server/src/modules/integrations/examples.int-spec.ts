import { build } from 'esbuild';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { startTestServer, TestServer } from '../../test-support/test-server';

const EXAMPLES = join(__dirname, '../../../../examples');
const run = promisify(execFile);
const CREATE = `mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { token client { id } } }`;
const PUBLISH = 'mutation ($input: PublishPostInput!) { publishPost(input: $input) { notificationId } }';
const REPORT = 'mutation ($id: ID!) { reportNotification(notificationId: $id) { reportId } }';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const jsonLines = (text: string) => text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);

/**
 * The integrators' examples (examples/, README « Développeurs ») run here against a real server,
 * as their readers would run them, so that they cannot drift from the API.
 */
describe('examples/ run against the API (issue 20, item 5)', () => {
  let server: TestServer;
  let fixtures: Fixtures;
  let world: Awaited<ReturnType<Fixtures['departement']>>;
  const scratch = mkdtempSync(join(tmpdir(), 'preau-examples-'));

  async function clientFor(scopes: string[], structureId = world.c1): Promise<{ token: string; id: string }> {
    const cpd = await server.client().signIn(world.cpd.login, FIXTURE_PASSWORD);
    const { createApiClient } = await cpd.data(CREATE, { input: { name: `Exemples ${scopes.join(' ')}`, purpose: 'Exemples de la documentation', structureId, scopes, expiresAt: inDays(30) } });
    return { token: createApiClient.token as string, id: createApiClient.client.id as string };
  }
  const tokenFor = async (scopes: string[], structureId = world.c1) => (await clientFor(scopes, structureId)).token;

  /** A post of the CP A reported by its pupil: a pending report of école A. */
  async function reportedInA(title: string): Promise<string> {
    const teacher = await server.client().signIn(world.teacherA.login, FIXTURE_PASSWORD);
    const { notificationId } = (await teacher.data(PUBLISH, { input: { audience: 'CLASS', audienceId: world.classA1, title, body: 'Corps jamais lu par un jeton' } })).publishPost;
    const pupil = await server.client().signIn(world.pupilA.login, FIXTURE_PASSWORD);
    return (await pupil.data(REPORT, { id: notificationId })).reportNotification.reportId as string;
  }
  const envFor = (token: string) => ({ ...process.env, PREAU_URL: server.url, PREAU_TOKEN: token });
  /**
   * A TypeScript example as Node 20 can run it: its types stripped by esbuild (what `tsx` does for a
   * reader), its own modules bundled in, its packages left to node_modules. Written under examples/
   * so that those packages resolve; `npm test` type-checks the source (examples/tsconfig.json).
   */
  async function runnable(script: string): Promise<string> {
    const outfile = join(EXAMPLES, '.build', script.replace(/\.ts$/, '.mjs'));
    await build({ entryPoints: [join(EXAMPLES, script)], outfile, bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', logLevel: 'silent' });
    return outfile;
  }
  const node = (token: string, script: string, ...args: string[]) => run(process.execPath, [join(EXAMPLES, script), ...args], { env: envFor(token) });

  beforeAll(async () => {
    server = await startTestServer();
    fixtures = new Fixtures(server.services.dataSource, server.services.secretBox);
    world = await fixtures.departement();
  });
  afterAll(async () => {
    await server?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('class-pupils.mjs pages through a class: every pupil once, pseudonymous without directory:identity:read', async () => {
    const pupils = [world.pupilA];
    for (const firstName of ['Inès', 'Jules', 'Karim', 'Lou']) {
      pupils.push(await fixtures.user({ profile: 'STUDENT', firstName, lastName: 'Exemple', schools: [world.schoolA], classes: [world.classA1] }));
    }
    const token = await tokenFor(['directory:read']);
    const { stdout, stderr } = await node(token, 'class-pupils.mjs', '--classe', world.classA1, '--par-page', '2');
    const lines = jsonLines(stdout);
    expect(lines.map((line) => line.id).sort()).toEqual(pupils.map((pupil) => pupil.id).sort());
    expect(lines.every((line) => String(line.displayName).startsWith('anon_'))).toBe(true);
    // Three pages of two: each answer reported its cost and what was left of the bucket.
    expect(stderr.match(/points restants/g)).toHaveLength(3);
    // The teacher of the class and pupils of other classes are not listed.
    expect(stdout).not.toContain(world.teacherA.id);
    expect(stdout).not.toContain(world.pupilZ.id);
  });

  it("not-activated-accounts.mjs lists exactly the école's accounts not activated, and none of another école", async () => {
    const waiting = await fixtures.user({ profile: 'RELATIVE', firstName: 'Nadia', lastName: 'Attente', schools: [world.schoolA], activationCode: 'abcd2345' });
    const elsewhere = await fixtures.user({ profile: 'RELATIVE', firstName: 'Omar', lastName: 'Ailleurs', schools: [world.schoolB], activationCode: 'efgh2345' });
    const token = await tokenFor(['directory:read', 'directory:identity:read']);
    const { stdout } = await node(token, 'not-activated-accounts.mjs', '--ecole', world.schoolA);
    const expected = (await server.services.dataSource.query(
      `SELECT u.id FROM app_user u JOIN user_structure us ON us.user_id = u.id
        WHERE us.structure_id = $1 AND u.activated_at IS NULL AND u.predeleted_at IS NULL`,
      [world.schoolA],
    )) as { id: string }[];
    const lines = jsonLines(stdout);
    expect(lines.map((line) => line.id).sort()).toEqual(expected.map((row) => row.id).sort());
    expect(lines).toContainEqual({ id: waiting.id, displayName: expect.stringContaining('Nadia'), profile: 'RELATIVE' });
    expect(stdout).not.toContain(elsewhere.id);
  });

  it('follow-events.mjs replays from the start, resumes after its saved cursor (missed event delivered, none twice), then delivers what happens while it runs', async () => {
    const token = await tokenFor(['events:read', 'directory:read']);
    const cpd = await server.client().signIn(world.cpd.login, FIXTURE_PASSWORD);
    const pupil = await fixtures.user({ profile: 'STUDENT', firstName: 'Paul', lastName: 'Suivi', schools: [world.schoolA], classes: [world.classA1] });
    const cursorFile = join(scratch, 'curseur.txt');
    await cpd.data('mutation ($id: ID!) { blockUser(userId: $id) { status } }', { id: pupil.id });

    const first = jsonLines((await node(token, 'follow-events.mjs', '--curseur', cursorFile, '--max', '1')).stdout);
    expect(first).toMatchObject([{ type: 'account.blocked', subjectId: pupil.id }]);
    expect(readFileSync(cursorFile, 'utf8')).not.toBe('');

    // Made while the script was not running: the next run starts with it, not with the one before.
    await cpd.data('mutation ($id: ID!) { unblockUser(userId: $id) { status } }', { id: pupil.id });
    const resumed = jsonLines((await node(token, 'follow-events.mjs', '--curseur', cursorFile, '--max', '1')).stdout);
    expect(resumed).toMatchObject([{ type: 'account.unblocked', subjectId: pupil.id }]);
    expect(resumed[0]!.id).not.toBe(first[0]!.id);

    // Live: the script is waiting (nothing after its cursor) when the account is blocked again.
    const child = spawn(process.execPath, [join(EXAMPLES, 'follow-events.mjs'), '--curseur', cursorFile, '--max', '1'], { env: envFor(token) });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await new Promise<void>((resolve) => child.stderr.once('data', () => resolve()));
    await cpd.data('mutation ($id: ID!) { blockUser(userId: $id) { status } }', { id: pupil.id });
    expect(await exited).toBe(0);
    const live = jsonLines(out);
    expect(live).toMatchObject([{ type: 'account.blocked', subjectId: pupil.id }]);
    expect([first[0]!.id, resumed[0]!.id]).not.toContain(live[0]!.id);
  });

  it("follow-reports.ts lists an école's non-activated accounts and its pending reports, then follows reports live (never who reported nor the body)", async () => {
    const waiting = await fixtures.user({ profile: 'RELATIVE', firstName: 'Rose', lastName: 'Attente', schools: [world.schoolA], activationCode: 'rose2345' });
    const pending = await reportedInA('Signalement en attente');
    const { token, id } = await clientFor(['reports:read', 'directory:read']);
    const child = spawn(process.execPath, [await runnable('follow-reports.ts'), '--ecole', world.schoolA, '--max', '2'], { env: envFor(token) });
    let out = '';
    let err = '';
    const changed: (() => void)[] = [];
    const until = async (condition: () => boolean) => {
      while (!condition()) await new Promise<void>((resolve) => changed.push(resolve));
    };
    const notify = () => changed.splice(0).forEach((resolve) => resolve());
    child.stdout.on('data', (chunk: Buffer) => ((out += chunk.toString()), notify()));
    child.stderr.on('data', (chunk: Buffer) => ((err += chunk.toString()), notify()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => (notify(), resolve(code))));

    // Listening on both feeds, and done with the list: what happens now arrives live.
    await server.services.reportsAddedToClients.untilSubscriptions(id, 1);
    await server.services.reportsTreatedToClients.untilSubscriptions(id, 1);
    await until(() => err.includes('suivi en direct') || child.exitCode !== null);
    const live = await reportedInA('Signalement en direct');
    await until(() => out.includes(live) || child.exitCode !== null);
    const director = await server.client().signIn(world.directorA.login, FIXTURE_PASSWORD);
    await director.data('mutation ($id: ID!) { keepReport(reportId: $id) { id } }', { id: live });
    expect(await exited, err).toBe(0);

    const lines = jsonLines(out);
    expect(lines.filter((line) => line.kind === 'compte-non-activé').map((line) => line.id)).toContain(waiting.id);
    expect(lines.find((line) => line.kind === 'signalement-en-attente' && line.id === pending)).toMatchObject({ status: 'PENDING', text: 'Signalement en attente', reporterCount: 1 });
    const added = lines.find((line) => line.kind === 'signalement' && line.id === live);
    expect(added).toMatchObject({ status: 'PENDING', text: 'Signalement en direct', reporterCount: 1, author: { id: world.teacherA.id, profile: 'TEACHER' } });
    expect(String((added!.author as { displayName: string }).displayName)).toMatch(/^anon_/);
    expect(lines.find((line) => line.kind === 'signalement-traité')).toMatchObject({ id: live, status: 'KEPT' });
    expect(out).not.toMatch(/Corps jamais lu|Léa|reporters|"body"/);
  });

  it('curl.sh prints the answer and the X-RateLimit-* headers', async () => {
    const token = await tokenFor(['directory:read']);
    const { stdout } = await run('sh', [join(EXAMPLES, 'curl.sh')], { env: envFor(token) });
    expect(stdout).toMatch(/^x-ratelimit-limit: 1000\r?$/im);
    expect(stdout).toMatch(/^x-ratelimit-remaining: \d+\r?$/im);
    const body = JSON.parse(stdout.split('\n').find((line) => line.startsWith('{'))!) as { data: { users: { edges: unknown[] }; rateLimit: { cost: number } } };
    expect(body.data.users.edges.length).toBeGreaterThan(0);
    expect(body.data.rateLimit.cost).toBeGreaterThan(0);
  });

  it('GET /schema.graphql answers the published contract, the one in the repository', async () => {
    const response = await fetch(`${server.url}/schema.graphql`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(await response.text()).toBe(readFileSync(join(EXAMPLES, '../schema.graphql'), 'utf8'));
  });

  it('a script run without a token says what to set, and one refused names the missing scope', async () => {
    await expect(run(process.execPath, [join(EXAMPLES, 'class-pupils.mjs'), '--classe', world.classA1], { env: { ...process.env, PREAU_URL: server.url, PREAU_TOKEN: '' } })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('PREAU_TOKEN'),
    });
    const token = await tokenFor(['structures:read']);
    await expect(node(token, 'class-pupils.mjs', '--classe', world.classA1)).rejects.toMatchObject({ stderr: expect.stringContaining('directory:read') });
  });
});
