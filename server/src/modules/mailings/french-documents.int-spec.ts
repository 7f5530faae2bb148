import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCLocaleDatabase } from '../../test-support/c-locale-database';
import { FIXTURE_PASSWORD, Fixtures } from '../../test-support/fixtures';
import { mailText, SmtpSink } from '../../test-support/smtp-sink';
import { GraphQLTestClient, startTestServer, TestServer } from '../../test-support/test-server';
import { loadMailingFileName } from './mailing-file-name';
import { hasTool, pdfPages, printMailing } from '../../test-support/pdf-text';

const pdfPagesRaw = (pdf: Uint8Array) => pdfPages(pdf, 'raw');

const CREATE = `mutation ($input: CreateMailingInput!) { createMailing(input: $input) { id total } }`;


/**
 * What families read, on a database whose own case mapping is C (upper('é') = 'é', as on the
 * README's embedded cluster before it was created in UTF-8, or a managed server): names in capitals
 * with their accents, French elision, the école named once, a parent told their child's class.
 */
describe('sheets, e-mails, CSV and « Traité par » in French, on a C-locale database', () => {
  let server: TestServer;
  const smtp = new SmtpSink();
  let world: Awaited<ReturnType<typeof makeWorld>>;
  const as = (account: { login: string }) => server.client().signIn(account.login, FIXTURE_PASSWORD);

  async function makeWorld(fixtures: Fixtures) {
    const school = await fixtures.structure('ECOLE', 'École élémentaire Jules Ferry');
    const ce2 = await fixtures.schoolClass(school, 'CE2 B', ['CE2']);
    const director = await fixtures.user({
      profile: 'TEACHER', firstName: 'François', lastName: 'Prévost', schools: [school], functions: [{ function: 'SCHOOL_ADMIN', structureId: school }],
    });
    const teacher = await fixtures.user({ profile: 'TEACHER', firstName: 'Hélène', lastName: 'Martin', schools: [school], classes: [ce2], email: 'helene.martin@example.org' });
    const pupil = await fixtures.user({ profile: 'STUDENT', firstName: 'Imrân', lastName: "L'Hôte", schools: [school], classes: [ce2], activationCode: 'imran234' });
    const parent = await fixtures.user({
      profile: 'RELATIVE', firstName: 'Olivier', lastName: 'François', schools: [school], activationCode: 'olivr234', email: 'olivier.francois@example.org',
    });
    const reporter = await fixtures.user({ profile: 'STUDENT', firstName: 'Hugo', lastName: 'Durand', schools: [school], classes: [ce2] });
    await server.services.dataSource.query('INSERT INTO relative_link (relative_id, student_id) VALUES ($1, $2)', [parent.id, pupil.id]);
    return { school, ce2, director, teacher, pupil, parent, reporter };
  }

  let lastMailingId = '';
  async function pdfOf(client: GraphQLTestClient, input: Record<string, unknown>): Promise<string[]> {
    const printed = await printMailing(client, server.services.events, input, 'raw');
    lastMailingId = printed.id;
    return printed.pages;
  }


  const pageOf = (pages: string[], account: { login: string }) => {
    const page = pages.find((text) => text.includes(account.login));
    expect(page, account.login).toBeDefined();
    return page!;
  };

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    server = await startTestServer({ jobs: true, env: { SMTP_URL: smtpUrl }, database: await createCLocaleDatabase() });
    world = await makeWorld(new Fixtures(server.services.dataSource, server.services.secretBox));
  });
  afterAll(async () => {
    await server?.close();
    await smtp.stop();
  });

  it('runs on a database that cannot capitalise « é » itself', async () => {
    const [row] = await server.services.dataSource.query(`SELECT upper('prévost') AS upper, current_setting('lc_ctype') AS ctype`);
    expect(row).toEqual({ upper: 'PRéVOST', ctype: 'C' });
  });

  it.skipIf(!hasTool('pdftotext'))('« 1 par page »: accented capitals, « À l’attention d’Imrân », the parent reads the child’s class', async () => {
    const director = await as(world.director);
    const pages = await pdfOf(director, { layout: 'ONE_PER_PAGE', userIds: [world.pupil.id, world.parent.id, world.director.id] });
    const pupil = pageOf(pages, world.pupil);
    expect(pupil).toContain("À l'attention d'Imrân L'HÔTE");
    expect(pupil).toContain('en classe de CE2 B');
    const parent = pageOf(pages, world.parent);
    expect(parent).toContain("À l'attention d'Olivier FRANÇOIS");
    expect(parent).toContain("Responsable d'Imrân L'HÔTE (classe de CE2 B)");
    expect(parent).not.toContain('en classe de');
    expect(pageOf(pages, world.director)).toContain('À l\'attention de François PRÉVOST');
    for (const page of pages) expect(page).not.toMatch(/PRéVOST|FRANçOIS|L'HôTE|attention de [AEIOUÉ]/);
    const day = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
    expect(await loadMailingFileName(server.services.dataSource, lastMailingId)).toBe(`publipostage-ecole-elementaire-jules-ferry-${day}-1-par-page.pdf`);
  });

  it.skipIf(!hasTool('pdftotext'))('« Fiche de connexion individuelle »: named after the login', async () => {
    const director = await as(world.director);
    const [page] = await pdfOf(director, { layout: 'ONE_PER_PAGE', userIds: [world.pupil.id] });
    expect(page).toContain("À l'attention d'Imrân L'HÔTE");
    expect(await loadMailingFileName(server.services.dataSource, lastMailingId)).toBe(`fiche-connexion-${world.pupil.login}.pdf`);
  });

  it.skipIf(!hasTool('pdftotext'))('« 8 par page » sorted by class: every card shows its class', async () => {
    const director = await as(world.director);
    const pages = await pdfOf(director, { layout: 'EIGHT_PER_PAGE', filter: {}, sortBy: ['CLASS'] });
    expect(pages).toHaveLength(1);
    const cards = pages[0].split(/(?=Identifiant : )/);
    const cardOf = (account: { login: string }) => {
      // A card reads « NOM Prénom, Profil, class, Identifiant : login … »: the lines before its login.
      const index = cards.findIndex((card) => card.startsWith(`Identifiant : ${account.login}`));
      expect(index, account.login).toBeGreaterThan(0);
      return cards[index - 1].slice(cards[index - 1].lastIndexOf('/') + 1);
    };
    expect(cardOf(world.pupil)).toContain("L'HÔTE Imrân");
    expect(cardOf(world.pupil)).toContain('Classe : CE2 B');
    expect(cardOf(world.teacher)).toContain('Classe : CE2 B');
    expect(cardOf(world.parent)).toContain("Responsable d'Imrân L'HÔTE (CE2 B)");
  });

  it('« Envoyer par mail »: the école named once, accented capitals, the child’s class', async () => {
    const director = await as(world.director);
    await director.data(CREATE, { input: { kind: 'EMAIL', filter: {} } });
    const parentMail = mailText((await smtp.waitFor('olivier.francois@example.org')).raw);
    expect(parentMail).toContain('Bonjour Olivier FRANÇOIS,');
    expect(parentMail).toContain('École élémentaire Jules Ferry vous ouvre votre compte');
    expect(parentMail).not.toContain("L'école École");
    expect(parentMail).toContain("Responsable d'Imrân L'HÔTE (classe de CE2 B)");
    expect(parentMail).not.toMatch(/L'HôTE|FRANçOIS/);
    const teacherMail = mailText((await smtp.waitFor('helene.martin@example.org')).raw);
    expect(teacherMail).toContain('classe de CE2 B.');
  });

  it('« Exporter des comptes »: families in capitals with their accents', async () => {
    const director = await as(world.director);
    const response = await fetch(`${director.baseUrl}/telechargements/comptes.csv`, { headers: { cookie: director.cookie! } });
    const lines = (await response.text()).slice(1).trimEnd().split('\r\n');
    const line = (account: { login: string }) => lines.find((row) => row.includes(`;${account.login};`))!;
    expect(line(world.pupil)).toMatch(/;FRANÇOIS Olivier$/);
    expect(line(world.parent)).toMatch(/;L'HÔTE Imrân$/);
  });

  it.skipIf(!hasTool('pdftotext'))('« Imprimer pour l’élève »: a renewal code printed as a slip for a young pupil', async () => {
    const teacher = await as(world.teacher);
    const { generateRenewalCode: renewal } = await teacher.data('mutation ($id: ID!) { generateRenewalCode(userId: $id) { code slipPdf } }', { id: world.reporter.id });
    const [slip] = pdfPagesRaw(Buffer.from(renewal.slipPdf, 'base64'));
    expect(slip).toContain('Bonjour Hugo !');
    expect(slip).toContain(`Ton identifiant : ${world.reporter.login}`);
    expect(slip).toContain(renewal.code);
    expect(slip).toContain('Ce code marche une seule fois');
    // The slip's code is the one that works: signing in with it leads to the renewal page.
    expect((await server.client().login(world.reporter.login, renewal.code)).data?.login.status).toBe('RENEWAL_REQUIRED');
  });

  it('« Traité par »: the moderator in capitals with their accents', async () => {
    const teacher = await as(world.teacher);
    const { notificationId } = (
      await teacher.data('mutation ($input: PublishPostInput!) { publishPost(input: $input) { notificationId } }', {
        input: { audience: 'CLASS', audienceId: world.ce2, title: 'À signaler', body: 'Texte' },
      })
    ).publishPost;
    const { reportId } = (await (await as(world.reporter)).data('mutation ($id: ID!) { reportNotification(notificationId: $id) { reportId } }', { id: notificationId })).reportNotification;
    const treated = (await (await as(world.director)).data('mutation ($id: ID!) { keepReport(reportId: $id) { treatedBy } }', { id: reportId })).keepReport;
    expect(treated.treatedBy).toBe('PRÉVOST François');
  });
});
