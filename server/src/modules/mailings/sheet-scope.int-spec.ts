import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { mailText, SmtpSink } from '../../test-support/smtp-sink';
import { hasTool, printMailing } from '../../test-support/pdf-text';
import { GraphQLTestClient, startTestServer, TestServer } from '../../test-support/test-server';

const CREATE = `mutation ($input: CreateMailingInput!) { createMailing(input: $input) { id total } }`;


/** Nothing of the other école: its name, its class, the child who is only there. */
const FOREIGN = ['Arc-en-ciel', 'CE2', 'Arthur'];

function expectNothingForeign(text: string, label: string): void {
  for (const word of FOREIGN) expect(text, `${label} names « ${word} »`).not.toContain(word);
}

/**
 * A sheet, an e-mail, a CSV row or a nested field never names a structure, class or person outside
 * the caller's scope; for a mailing, outside the mailing's école.
 */
describe('derived data stays within the caller’s scope (parents and teachers of two écoles)', () => {
  let server: TestServer;
  const smtp = new SmtpSink();
  let two: Awaited<ReturnType<Fixtures['twoEcoles']>>;
  const as = (account: { login: string }) => server.client().signIn(account.login, FIXTURE_PASSWORD);

  const pdfOf = async (client: GraphQLTestClient, input: Record<string, unknown>) => (await printMailing(client, server.services.events, { layout: 'ONE_PER_PAGE', ...input })).pages;


  const pageOf = (pages: string[], account: { login: string }) => {
    const index = pages.findIndex((page) => page.includes(account.login));
    expect(index, account.login).toBeGreaterThanOrEqual(0);
    return index;
  };

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    server = await startTestServer({ jobs: true, env: { SMTP_URL: smtpUrl } });
    two = await new Fixtures(server.services.dataSource, server.services.secretBox).twoEcoles();
  });
  afterAll(async () => {
    await server?.close();
    await smtp.stop();
  });

  it.skipIf(!hasTool('pdftotext'))('the director’s sheets name her école, its classes and children only, and sort by them', async () => {
    const director = await as(two.director);
    const pages = await pdfOf(director, { filter: {}, sortBy: ['CLASS'] });
    expect(pages).toHaveLength(5);
    const parent = pages[pageOf(pages, two.parent)];
    expect(parent).toContain('École Jules Ferry');
    expect(parent).toContain('Olivia DOUBLE');
    expect(parent).toContain('CP Ferry');
    expectNothingForeign(parent, 'the parent’s sheet');
    const teacher = pages[pageOf(pages, two.teacher)];
    expect(teacher).toContain('École Jules Ferry');
    expect(teacher).toContain('CP Ferry');
    expectNothingForeign(teacher, 'the teacher’s sheet');
    // « Par classe »: the parent and the teacher sort under CP Ferry, after CM1 Ferry's pupil.
    expect(pageOf(pages, two.ownPupil)).toBeLessThan(pageOf(pages, two.parent));
    expect(pageOf(pages, two.ownPupil)).toBeLessThan(pageOf(pages, two.teacher));
  });

  it.skipIf(!hasTool('pdftotext'))('a mailing narrowed to one école prints that école only, even for an ERUN who sees both', async () => {
    const erun = await as(two.erun);
    const pages = await pdfOf(erun, { filter: { structureId: two.own, profiles: ['RELATIVE', 'TEACHER'] } });
    for (const account of [two.parent, two.teacher]) {
      const page = pages[pageOf(pages, account)];
      expect(page).toContain('École Jules Ferry');
      expectNothingForeign(page, account.login);
    }
  });

  it.skipIf(!hasTool('pdftotext'))('a teacher of two écoles printing one class names that class’s école and pupils only', async () => {
    const teacher = await as(two.teacher);
    const pages = await pdfOf(teacher, { teacherClassIds: [two.ownClass] });
    const parent = pages[pageOf(pages, two.parent)];
    expect(parent).toContain('École Jules Ferry');
    expect(parent).toContain('Olivia DOUBLE');
    expectNothingForeign(parent, 'the parent’s sheet');
  });

  it('« Envoyer par mail »: the e-mails name the director’s école, classes and children only', async () => {
    const director = await as(two.director);
    const before = smtp.mails.length;
    const { total } = (await director.data(CREATE, { input: { kind: 'EMAIL', filter: {} } })).createMailing;
    expect(total).toBe(2);
    const parentMail = mailText((await smtp.waitFor('paule.double@example.org')).raw);
    const teacherMail = mailText((await smtp.waitFor('tristan.deuxecoles@example.org')).raw);
    expect(smtp.mails.length - before).toBe(2);
    expect(parentMail).toContain('École Jules Ferry vous ouvre');
    expect(parentMail).not.toContain("L'école École");
    expect(parentMail).toContain('Olivia DOUBLE');
    expectNothingForeign(parentMail, 'the parent’s e-mail');
    expect(teacherMail).toContain('classe de CP Ferry.');
    expectNothingForeign(teacherMail, 'the teacher’s e-mail');
  });

  it('« Exporter des comptes »: classes and families within the director’s école', async () => {
    const director = await as(two.director);
    const response = await fetch(`${director.baseUrl}/telechargements/comptes.csv`, { headers: { cookie: director.cookie! } });
    expect(response.status).toBe(200);
    const lines = (await response.text()).slice(1).trimEnd().split('\r\n');
    const line = (account: { login: string }) => lines.find((row) => row.includes(`;${account.login};`))!;
    expect(lines).toHaveLength(6);
    expect(line(two.parent)).toMatch(/;DOUBLE Olivia$/);
    expect(line(two.teacher)).toMatch(/;CP Ferry;$/);
    expect(line(two.ownPupil)).toMatch(/;CM1 Ferry;$/);
    expect(line(two.ownChild)).toMatch(/;CP Ferry;DOUBLE Paule$/);
    for (const row of lines) expectNothingForeign(row, row);
    expect(lines.join('\n')).not.toContain('AILLEURS');
  });

  it('GraphQL: a user’s classes, écoles, children, relatives and functions within the caller’s scope', async () => {
    const director = await as(two.director);
    const query = `query ($id: ID!) { user(id: $id) {
      schools { name } classes { name } children { firstName } relatives { firstName } functions { function structure { name } } } }`;
    const teacher = (await director.data(query, { id: two.teacher.id })).user;
    expect(teacher.schools).toEqual([{ name: 'École Jules Ferry' }]);
    expect(teacher.classes).toEqual([{ name: 'CP Ferry' }]);
    // He is the director of the other école: not a function in this director's scope.
    expect(teacher.functions).toEqual([]);
    const parent = (await director.data(query, { id: two.parent.id })).user;
    expect(parent.children).toEqual([{ firstName: 'Olivia' }]);
    const pupil = (await director.data(query, { id: two.ownPupil.id })).user;
    expect(pupil.relatives).toEqual([]);
    expectNothingForeign(JSON.stringify([teacher, parent, pupil]), 'the records');
    // The list sorted by class: the teacher sorts under CP Ferry (after CM1 Ferry), and no page cursor
    // carries the other école's class.
    const { users } = await director.data(`{ users(orderBy: CLASS) { edges { cursor node { id } } } }`);
    const ids = users.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(ids.indexOf(two.ownPupil.id)).toBeLessThan(ids.indexOf(two.teacher.id));
    for (const edge of users.edges) expectNothingForeign(Buffer.from(edge.cursor, 'base64url').toString('utf8'), 'a cursor');
    // The ERUN of both écoles sees the function.
    const erun = await as(two.erun);
    expect((await erun.data(query, { id: two.teacher.id })).user.functions).toEqual([{ function: 'SCHOOL_ADMIN', structure: { name: 'École Arc-en-ciel' } }]);
  });
});
