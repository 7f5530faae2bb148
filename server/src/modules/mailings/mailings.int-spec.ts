import { mailingSettled } from '../../test-support/mailing-settled';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { SmtpSink } from '../../test-support/smtp-sink';
import { GraphQLTestClient, startTestServer, TestServer } from '../../test-support/test-server';
import { runOnce, wsClient } from '../../test-support/ws-client';

const CREATE = `mutation ($input: CreateMailingInput!) { createMailing(input: $input) { id kind layout status total } }`;
const MAILING = `query ($id: ID!) { mailing(id: $id) { id status total done sent failed error documentUrl } }`;

/** Text of a PDF, page by page (poppler's pdftotext, installed by .ci/run). */
function pdfPages(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'preau-pdf-'));
  try {
    writeFileSync(join(dir, 'file.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'file.pdf'), '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function download(client: GraphQLTestClient, path: string): Promise<Response> {
  return fetch(`${client.baseUrl}${path}`, { headers: client.cookie ? { cookie: client.cookie } : {} });
}

describe('publipostage: PDF sheets, e-mail campaigns, account export', () => {
  let server: TestServer;
  let fixtures: Fixtures;
  const smtp = new SmtpSink();
  let world: Awaited<ReturnType<Fixtures['departement']>>;
  let codes: Map<string, string>;
  let accounts: Record<string, { id: string; login: string }>;
  const as = (account: { login: string }) => server.client().signIn(account.login, FIXTURE_PASSWORD);

  /** The mailing once it has ended, read again at each of its progress events (no clock). */
  function finished(client: GraphQLTestClient, id: string) {
    return mailingSettled(
      server.services.events,
      id,
      async () => (await client.data(MAILING, { id })).mailing,
      (mailing) => mailing.status === 'DONE' || mailing.status === 'FAILED',
    );
  }

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    server = await startTestServer({ jobs: true, env: { SMTP_URL: smtpUrl, MAILING_RETRY_DELAY_SECONDS: '1', MAILING_MAX_ATTEMPTS: '3', MAILING_JOB_EXPIRE_SECONDS: '2' } });
    fixtures = new Fixtures(server.services.dataSource, server.services.secretBox);
    world = await fixtures.departement();
    codes = new Map();
    const pupil = async (key: string, firstName: string, lastName: string, classId: string, email?: string) => {
      const code = `k${key}3m4n5p`.slice(0, 8);
      const user = await fixtures.user({ profile: 'STUDENT', firstName, lastName, schools: [world.schoolA], classes: [classId], activationCode: code, email });
      codes.set(user.login, code);
      return user;
    };
    accounts = {
      zoe: await pupil('a', 'Zoé', 'Martin', world.classA2, 'zoe.martin@example.org'),
      hugo: await pupil('b', 'Hugo', 'Bernard', world.classA1),
      ines: await pupil('c', 'Inès', 'Durand', world.classA1, 'ines.durand@example.org'),
      // A name a spreadsheet would run as a formula.
      formula: await pupil('d', '=1+2', 'Dubois', world.classA2),
    };
    const parentCode = 'r7s8t9uv';
    accounts.parent = await fixtures.user({
      profile: 'RELATIVE', firstName: 'Sarah', lastName: 'Bernard', schools: [world.schoolA], activationCode: parentCode, email: 'sarah.bernard@example.org',
    });
    codes.set(accounts.parent.login, parentCode);
    await server.services.dataSource.query('INSERT INTO relative_link (relative_id, student_id) VALUES ($1, $2)', [accounts.parent.id, accounts.hugo.id]);
  });
  afterAll(async () => {
    await server?.close();
    await smtp.stop();
  });

  it('« Générer en PDF »: 8 per page, non-activated accounts of the école sorted by class then profile, with live progress', async () => {
    const director = await as(world.directorA);
    const { mailingSelection } = await director.data('query ($f: UserFilter) { mailingSelection(filter: $f) { total withoutEmail } }', { f: { activated: false } });
    expect(mailingSelection).toEqual({ total: 5, withoutEmail: 2 });

    const created = (await director.data(CREATE, { input: { kind: 'PDF', layout: 'EIGHT_PER_PAGE', filter: { activated: false }, sortBy: ['CLASS', 'PROFILE'] } })).createMailing;
    expect(created).toMatchObject({ kind: 'PDF', layout: 'EIGHT_PER_PAGE', total: 5 });
    // The progress subscription of the author ends with the finished mailing.
    const socket = wsClient(server.url, director.cookie);
    const progress = runOnce(socket, `subscription { mailingProgress(id: "${created.id}") { status done total documentUrl } }`);
    const mailing = await finished(director, created.id);
    expect(mailing).toMatchObject({ status: 'DONE', total: 5, done: 5, documentUrl: `/telechargements/publipostage/${created.id}.pdf` });
    void progress;
    await socket.dispose();

    const response = await download(director, mailing.documentUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const pages = pdfPages(Buffer.from(await response.arrayBuffer()));
    expect(pages).toHaveLength(1);
    // CE1 A (Dubois, Martin) then CP A: pupils (Bernard, Durand) before parents, then the parent (sorted under her child's class).
    const text = pages.join('\n');
    const order = [accounts.formula, accounts.zoe, accounts.hugo, accounts.ines, accounts.parent].map((account) => account.login);
    const positions = order.map((login) => text.indexOf(login));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const login of order) expect(text).toContain(codes.get(login));
    expect(text).toContain("Responsable d'Hugo"); // elided before the child's first name (platform/text/french.ts)
  });

  it('prints « 1 par page » one page per account and « 2 par page » two', async () => {
    const director = await as(world.directorA);
    for (const [layout, pagesExpected] of [['ONE_PER_PAGE', 5], ['TWO_PER_PAGE', 3]] as const) {
      const { id } = (await director.data(CREATE, { input: { kind: 'PDF', layout, filter: { activated: false } } })).createMailing;
      const mailing = await finished(director, id);
      const pages = pdfPages(Buffer.from(await (await download(director, mailing.documentUrl)).arrayBuffer()));
      expect(pages, layout).toHaveLength(pagesExpected);
      expect(pages.join('\n')).toContain('Objet : Connexion à votre Espace Numérique de Travail');
    }
  });

  it('« Envoyer par mail »: one e-mail per account with an address, statuses per recipient, retries on 4xx, none on 5xx', async () => {
    smtp.rejectRecipients.add('ines.durand@example.org');
    smtp.deferRecipients.add('sarah.bernard@example.org');
    const before = smtp.mails.length;
    const director = await as(world.directorA);
    const { id, total } = (await director.data(CREATE, { input: { kind: 'EMAIL', filter: { activated: false } } })).createMailing;
    expect(total).toBe(3); // five selected, two without an address
    const mailing = await finished(director, id);
    expect(mailing).toMatchObject({ status: 'DONE', total: 3, sent: 1, failed: 2, done: 3 });

    const received = smtp.mails.slice(before);
    expect(received.map((mail) => mail.to[0])).toEqual(['zoe.martin@example.org']);
    const raw = received[0].raw.replace(/\r?\n[ \t]+/g, ' '); // unfolded headers
    expect(raw).toMatch(/^Subject: Votre compte ENT/m);
    expect(raw).toContain(accounts.zoe.login);
    expect(raw).toContain(codes.get(accounts.zoe.login));
    expect(raw).toContain(`Message-ID: <mailing.${id}.${accounts.zoe.id}@`);

    const { mailing: detail } = await director.data(
      `query ($id: ID!) { mailing(id: $id) { recipients(first: 10) { nodes { login status attempts error } } } }`,
      { id },
    );
    const byLogin = Object.fromEntries(detail.recipients.nodes.map((node: { login: string }) => [node.login, node]));
    expect(byLogin[accounts.zoe.login]).toMatchObject({ status: 'SENT', attempts: 1, error: null });
    expect(byLogin[accounts.ines.login]).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(byLogin[accounts.ines.login].error).toMatch(/550|Mailbox unavailable/);
    expect(byLogin[accounts.parent.login]).toMatchObject({ status: 'FAILED', attempts: 3 });
    expect(byLogin[accounts.parent.login].error).toMatch(/^Échec après 3 tentatives : .*451/);
    smtp.rejectRecipients.clear();
    smtp.deferRecipients.clear();
  });

  it("myMailings: the author's own mailings, PDF and e-mail, newest first, keyset-paged, with their state; nobody else's", async () => {
    const MINE = 'query ($after: String) { myMailings(first: 3, after: $after) { nodes { id kind status total sent failed documentUrl } endCursor } }';
    const director = await as(world.directorA);
    const [expected] = await server.services.dataSource.query(
      `SELECT array_agg(id::text ORDER BY created_at DESC, id DESC) AS ids FROM mailing WHERE created_by_id = $1`,
      [world.directorA.id],
    );
    expect(expected.ids.length).toBe(4);
    const first = (await director.data(MINE)).myMailings;
    const second = (await director.data(MINE, { after: first.endCursor })).myMailings;
    expect([...first.nodes, ...second.nodes].map((node: { id: string }) => node.id)).toEqual(expected.ids);
    expect(second.endCursor).toBeNull();
    expect(first.nodes[0]).toMatchObject({ kind: 'EMAIL', status: 'DONE', total: 3, sent: 1, failed: 2, documentUrl: null });
    expect(second.nodes[0]).toMatchObject({ kind: 'PDF', status: 'DONE', documentUrl: `/telechargements/publipostage/${expected.ids[3]}.pdf` });
    expect((await (await as(world.directorZ)).data(MINE)).myMailings).toEqual({ nodes: [], endCursor: null });
    expect((await director.request(MINE, { after: 'not-a-cursor' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('« Fiche de connexion individuelle »: a parent’s sheet lists the children; the teacher prints their own classes only', async () => {
    const director = await as(world.directorA);
    const { id } = (await director.data(CREATE, { input: { kind: 'PDF', layout: 'ONE_PER_PAGE', userIds: [accounts.parent.id] } })).createMailing;
    const mailing = await finished(director, id);
    const [page] = pdfPages(Buffer.from(await (await download(director, mailing.documentUrl)).arrayBuffer()));
    expect(page).toContain(accounts.parent.login);
    expect(page).toContain('Hugo BERNARD');

    // Paul teaches CP A: Hugo, Inès, Léa and Hugo's mother; not CE1 A.
    const teacher = await as(world.teacherA);
    const own = (await teacher.data(CREATE, { input: { kind: 'PDF', layout: 'EIGHT_PER_PAGE', teacherClassIds: [world.classA1] } })).createMailing;
    expect(own.total).toBe(4);
    const other = await teacher.request(CREATE, { input: { kind: 'PDF', layout: 'EIGHT_PER_PAGE', teacherClassIds: [world.classA2] } });
    expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const pupilElsewhere = await teacher.request(CREATE, { input: { kind: 'PDF', layout: 'ONE_PER_PAGE', userIds: [accounts.zoe.id] } });
    expect(pupilElsewhere.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const ownPupil = await teacher.data(CREATE, { input: { kind: 'EMAIL', layout: 'ONE_PER_PAGE', userIds: [accounts.hugo.id] } }).catch((error: Error) => error);
    expect(String(ownPupil)).toContain("Aucun compte de votre sélection n’a d’adresse courriel.");
  });

  it('a director of another école can neither select, print, read, follow, download, mail nor export these accounts', async () => {
    const owner = await as(world.directorA);
    const { id } = (await owner.data(CREATE, { input: { kind: 'PDF', layout: 'ONE_PER_PAGE', userIds: [accounts.zoe.id] } })).createMailing;
    const mailing = await finished(owner, id);

    const other = await as(world.directorZ);
    for (const input of [
      { kind: 'PDF', layout: 'ONE_PER_PAGE', userIds: [accounts.zoe.id] },
      { kind: 'EMAIL', layout: 'ONE_PER_PAGE', userIds: [accounts.zoe.id] },
      { kind: 'PDF', layout: 'ONE_PER_PAGE', filter: { structureId: world.schoolA } },
      { kind: 'PDF', layout: 'ONE_PER_PAGE', filter: { classIds: [world.classA1] }, userIds: [accounts.hugo.id] },
    ]) {
      const result = await other.request(CREATE, { input });
      expect(result.errors?.[0].extensions?.code, JSON.stringify(input)).toBe('NOT_FOUND');
    }
    // A class of another école is not found, as a class that does not exist.
    const foreignClass = await other.request(CREATE, { input: { kind: 'PDF', layout: 'ONE_PER_PAGE', filter: { classIds: [world.classA1] } } });
    expect(foreignClass.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await other.request('query ($f: UserFilter) { mailingSelection(filter: $f) { total } }', { f: { structureId: world.schoolA } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await other.request(MAILING, { id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await download(other, mailing.documentUrl)).status).toBe(404);
    expect((await download(server.client(), mailing.documentUrl)).status).toBe(401);
    const follow = await runOnce(wsClient(server.url, other.cookie), `subscription { mailingProgress(id: "${id}") { status } }`);
    expect(JSON.stringify(follow.errors)).toContain('NOT_FOUND');
    const csv = await download(other, `/telechargements/comptes.csv?filtre=${encodeURIComponent(JSON.stringify({ structureId: world.schoolA }))}`);
    expect(csv.status).toBe(404);
    const ownCsv = await (await download(other, '/telechargements/comptes.csv')).text();
    expect(ownCsv).toContain(world.pupilZ.login);
    for (const account of Object.values(accounts)) expect(ownCsv).not.toContain(account.login);
    // A pupil (no admin function, no class taught) has no publipostage at all.
    const pupil = await as(world.pupilA);
    expect((await pupil.request(CREATE, { input: { kind: 'PDF', layout: 'ONE_PER_PAGE', userIds: [world.pupilA.id] } })).errors?.[0].extensions?.code).toMatch(/FORBIDDEN|NOT_FOUND/);
  });

  it('« Exporter des comptes »: UTF-8 CSV with BOM and `;`, codes, classes and families, formulas neutralised', async () => {
    const director = await as(world.directorA);
    const response = await download(director, `/telechargements/comptes.csv?filtre=${encodeURIComponent(JSON.stringify({ activated: false }))}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe("Nom;Prénom;Profil;Login;Identifiant personnalisé;Code d'activation;Classe;Enfants / Responsables");
    expect(lines).toHaveLength(6);
    expect(lines).toContain(`Bernard;Hugo;Élève;${accounts.hugo.login};;${codes.get(accounts.hugo.login)};CP A;BERNARD Sarah`);
    expect(lines).toContain(`Bernard;Sarah;Parent;${accounts.parent.login};;${codes.get(accounts.parent.login)};;BERNARD Hugo`);
    expect(lines).toContain(`Dubois;'=1+2;Élève;${accounts.formula.login};;${codes.get(accounts.formula.login)};CE1 A;`);
    const audit = await server.services.dataSource.query(`SELECT details FROM audit_log WHERE action = 'ACCOUNTS_EXPORTED' ORDER BY id DESC LIMIT 1`);
    expect(audit[0].details.accounts).toBe(5);

    const bad = await download(director, '/telechargements/comptes.csv?filtre=%7Bnope');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe('Les filtres de la liste sont illisibles : rechargez la page.');
  });

  it('refuses bad requests in French (English on demand) and writes nothing', async () => {
    const director = await as(world.directorA);
    const count = async () => (await server.services.dataSource.query('SELECT count(*)::int AS n FROM mailing'))[0].n;
    const before = await count();
    const threeKeys = await director.request(CREATE, { input: { kind: 'PDF', layout: 'ONE_PER_PAGE', sortBy: ['CLASS', 'PROFILE', 'CLASS'] } });
    expect(threeKeys.errors?.[0].message).toBe('Choisissez au plus deux critères de tri.');
    const none = await director.request(CREATE, { input: { kind: 'PDF', layout: 'ONE_PER_PAGE', filter: { lastName: 'Zzzz' } } });
    expect(none.errors?.[0]).toMatchObject({ message: 'Aucun compte ne correspond à votre sélection.', extensions: { code: 'BAD_USER_INPUT' } });
    const english = await (await server.client('en').signIn(world.directorA.login, FIXTURE_PASSWORD)).request(CREATE, {
      input: { kind: 'PDF', layout: 'ONE_PER_PAGE', filter: { lastName: 'Zzzz' } },
    });
    expect(english.errors?.[0].message).toBe('No account matches your selection.');
    expect(await count()).toBe(before);
  });
});
