import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { drain, liveFeed } from '../../test-support/live-feed';
import { GraphQLTestClient, startTestServer, TestServer } from '../../test-support/test-server';
import { dryRunImport } from '../../test-support/import-dry-run';
import { runOnce, wsClient } from '../../test-support/ws-client';
import type { ImportProgressView } from './imports.types';

const PUPILS_HEADER =
  "Nom élève;Nom d'usage élève;Prénom élève;Date naissance;Sexe;INE;Adresse1;Cp1;Commune1;Pays1;Adresse2;Cp2;Commune2;Pays2; Cycle;Niveau;Libellé classe;Identifiant classe;Attestation fournie;Autorisation associations;Autorisation photo;Décision de passage";

/** An ONDE « Élèves » file of `n` pupils in two classes (INEs of this file's own). */
function pupilsFile(n: number, tag: string): Buffer {
  const rows = Array.from({ length: n }, (_, i) => {
    const [className, classId, level] = i % 2 ? ['CE1 Progrès', `${tag}-1`, 'CE1'] : ['CP Progrès', `${tag}-2`, 'CP'];
    return `PROGRES${tag};;Élève${String(i).padStart(4, '0')};01/09/2018;F;${tag}${String(i).padStart(6, '0')}P;;;;;;;;;CYCLE II;${level};${className};${classId};Non;Oui;Oui;`;
  });
  return Buffer.from([PUPILS_HEADER, ...rows].join('\r\n') + '\r\n', 'utf8');
}

const dryRun = (client: GraphQLTestClient, ecole: string, file: Buffer) => dryRunImport(client, ecole, [['eleves.csv', file]]);

const PROGRESS = `subscription ($id: ID!) { importProgress(sessionId: $id) { sessionId phase done total } }`;
type Message = { importProgress: ImportProgressView };

describe('importProgress: « Appliquer » followed live by its creator only', () => {
  let server: TestServer;
  let f: Fixtures;
  let d: Awaited<ReturnType<Fixtures['departement']>>;
  let ecole: string;

  beforeAll(async () => {
    server = await startTestServer();
    f = new Fixtures(server.database.dataSource, server.services.secretBox);
    d = await f.departement();
    ecole = await f.structure('ECOLE', 'École du progrès', d.c1);
  });
  afterAll(async () => server?.close());

  it('sends CHECKING, WRITING steps in order and APPLIED once committed; another director, following an import of their own, receives none of it', async () => {
    const erun = await server.client().signIn(d.erun1.login, FIXTURE_PASSWORD);
    const director = await server.client().signIn(d.directorA.login, FIXTURE_PASSWORD);
    const id = await dryRun(erun, ecole, pupilsFile(400, '71'));
    const theirs = await dryRun(director, d.schoolA, pupilsFile(3, '72'));

    const erunSocket = wsClient(server.url, erun.cookie);
    const directorSocket = wsClient(server.url, director.cookie);
    const feed = liveFeed<Message>(erunSocket, PROGRESS, { variables: { id } });
    const other = liveFeed<Message>(directorSocket, PROGRESS, { variables: { id: theirs } });
    await server.services.importLive.untilSubscriptions(d.erun1.id, 1);
    await server.services.importLive.untilSubscriptions(d.directorA.id, 1);

    const { applyImport } = await erun.data(`mutation ($id: ID!) { applyImport(sessionId: $id) { created } }`, { id });
    expect(applyImport.created).toBe(400);
    const steps = (await feed.until((received) => received.some((m) => m.importProgress.phase === 'APPLIED'))).map((m) => m.importProgress);

    // 400 pupils, plus the classes and the leavers: one step each.
    const total = 402;
    expect(steps[0]).toEqual({ sessionId: id, phase: 'CHECKING', done: 0, total: 1 });
    expect(steps.at(-1)).toEqual({ sessionId: id, phase: 'APPLIED', done: total, total });
    const writing = steps.filter((step) => step.phase === 'WRITING');
    expect(writing.every((step) => step.total === total)).toBe(true);
    expect(writing.map((step) => step.done)).toEqual([...writing.map((step) => step.done)].sort((a, b) => a - b));
    expect(steps.map((step) => step.phase)).toEqual(['CHECKING', ...writing.map(() => 'WRITING'), 'APPLIED']);

    // Nothing more to the creator, and nothing at all to the other director: a barrier (total 0) sent
    // after it on each one's channel, for the session each follows, arrives alone.
    const barrier = (sessionId: string): ImportProgressView => ({ sessionId, phase: 'APPLIED', done: 0, total: 0 }) as ImportProgressView;
    const isBarrier = (m: Message) => m.importProgress.total === 0;
    await drain(server.services.importLive, [{ feed, userId: d.erun1.id }], barrier(id), isBarrier);
    await drain(server.services.importLive, [{ feed: other, userId: d.directorA.id }], barrier(theirs), isBarrier);
    expect(feed.received.map((m) => m.importProgress)).toEqual(steps);
    expect(other.received).toEqual([]);
    await erunSocket.dispose();
    await directorSocket.dispose();
  });

  it("is not found for someone else's import, even an admin whose scope holds the école", async () => {
    const erun = await server.client().signIn(d.erun1.login, FIXTURE_PASSWORD);
    const id = await dryRun(erun, ecole, pupilsFile(2, '73'));
    for (const account of [d.cpd, d.directorA, d.erun2]) {
      const client = await server.client().signIn(account.login, FIXTURE_PASSWORD);
      const socket = wsClient(server.url, client.cookie);
      const result = await runOnce(socket, PROGRESS, { id });
      expect(JSON.stringify(result.errors)).toContain('NOT_FOUND');
      await socket.dispose();
    }
  });
});
