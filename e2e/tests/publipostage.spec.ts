import type { Download, Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { sql } from '../support/database';
import { accessibilityViolations, expect, signIn, test, untilDownload, waitsForPrinting } from '../support/fixtures';
import { MAIL_DIR, mailsTo } from '../support/mail-sink';
import { pdfPageCount, pdfText, sheetCredentials } from '../support/pdf';
import { demoAccount, e2eState } from '../support/state';

const PAGE_PATH = '/admin/publipostage-des-comptes';

interface Account {
  id: string;
  identifier: string;
  activationCode: string | null;
}

/** A GraphQL call with the page's session (same cookies as the browser). */
async function graphql<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await page.request.post('/graphql', { data: { query, variables }, headers: { 'Accept-Language': 'fr' } });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((error) => error.message).join('; ')}`);
  return body.data!;
}

/**
 * The accounts a filter selects for the signed-in admin, read through the `users` query (activation
 * codes are encrypted at rest: the API is where they can be read), in no particular order.
 */
async function selectedAccounts(page: Page, filter: Record<string, unknown>): Promise<Map<string, Account>> {
  const accounts = new Map<string, Account>();
  let after: string | null = null;
  do {
    const data: {
      users: { edges: { node: { id: string; login: string; alias: string | null; activationCode: string | null } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    } = await graphql(
      page,
      `query ($filter: UserFilter, $after: String) {
        users(filter: $filter, orderBy: NAME, first: 100, after: $after) {
          edges { node { id login alias activationCode } }
          pageInfo { hasNextPage endCursor }
        }
      }`,
      { filter: { ...filter, predeleted: false }, after },
    );
    for (const { node } of data.users.edges) {
      accounts.set(node.id, { id: node.id, identifier: node.alias || node.login, activationCode: node.activationCode });
    }
    after = data.users.pageInfo.hasNextPage ? data.users.pageInfo.endCursor : null;
  } while (after);
  return accounts;
}

/**
 * The publipostage order, computed here from the database: « Par » / « Puis par » keys among the
 * class (a pupil's or teacher's class, a parent's children's first class, min in the C collation;
 * none last) and the profile (Élève, Parent, Enseignant, Personnel, Invité), then the last name,
 * the first name (normalised, C collation) and the id.
 */
async function inMailingOrder(accounts: Map<string, Account>, sortBy: ('CLASS' | 'PROFILE')[]): Promise<Account[]> {
  // A class counts only in the director's école: a parent with a child elsewhere sorts under this
  // école's classes (nothing outside the mailing's reach decides the order).
  const ecole = `c.school_id IN (SELECT f.structure_id FROM admin_function f JOIN app_user a ON a.id = f.user_id
                                  WHERE a.login = $2::text AND f.function = 'SCHOOL_ADMIN')`;
  const keys: Record<'CLASS' | 'PROFILE', string> = {
    CLASS: `(CASE WHEN u.profile = 'RELATIVE'
               THEN (SELECT min(c.name COLLATE "C") FROM relative_link rl JOIN class_member m ON m.user_id = rl.student_id
                       JOIN school_class c ON c.id = m.class_id WHERE rl.relative_id = u.id AND ${ecole})
               ELSE (SELECT min(c.name COLLATE "C") FROM class_member m JOIN school_class c ON c.id = m.class_id WHERE m.user_id = u.id AND ${ecole})
             END) COLLATE "C" NULLS LAST`,
    PROFILE: `array_position(ARRAY['STUDENT', 'RELATIVE', 'TEACHER', 'PERSONNEL', 'GUEST'], u.profile::text)`,
  };
  const order = [...sortBy.map((key) => keys[key]), 'u.search_last COLLATE "C"', 'u.search_first COLLATE "C"', 'u.id'].join(', ');
  const rows = await sql<{ id: string }>(`SELECT u.id FROM app_user u WHERE u.id = ANY($1::uuid[]) ORDER BY ${order}`, [[...accounts.keys()], ...(sortBy.includes('CLASS') ? [demoAccount('SCHOOL_ADMIN').login] : [])]);
  return rows.map((row) => accounts.get(row.id)!);
}

/** « N comptes sélectionnés au total », as a number. */
async function selectedTotal(page: Page): Promise<number> {
  const text = await page.getByText(/comptes? sélectionnés? au total/).textContent();
  return Number(text!.replace(/\D/g, ''));
}

/** Waits for the counter to say « N comptes sélectionnés au total » (singular for 1). */
async function expectSelected(page: Page, n: number): Promise<void> {
  const words = n === 1 ? 'compte sélectionné au total' : 'comptes sélectionnés au total';
  await expect(page.getByText(new RegExp(`^\\s*${n.toLocaleString('fr-FR')} ${words}\\s*$`))).toBeVisible();
}

async function openFilters(page: Page) {
  await page.getByRole('button', { name: /^Filtrer la liste à publiposter/ }).click();
  return page.getByRole('region', { name: 'Filtres' });
}

async function closeFilters(page: Page) {
  await page.getByRole('button', { name: 'Fermer les filtres' }).click();
  await expect(page.getByRole('region', { name: 'Filtres' })).toBeHidden();
}

/**
 * « Générer en PDF » (double-clicked: one mailing only), the progress up to « N / N fiches », and
 * the PDF downloaded by itself. `whileRunning` checks the launch buttons are disabled meanwhile
 * (for selections long enough to print that the state can be seen).
 */
async function generatePdf(page: Page, layout: '1 par page' | '2 par page' | '8 par page', n: number, whileRunning = false): Promise<string> {
  await page.getByLabel('Modèle de publipostage PDF :').selectOption({ label: layout });
  const [{ count: before }] = await sql<{ count: number }>(`SELECT count(*)::int AS count FROM mailing`);
  const downloaded = untilDownload(page);
  const button = page.getByRole('button', { name: 'Générer en PDF' });
  await button.dblclick();
  if (whileRunning) {
    await expect(button).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Envoyer par mail' })).toBeDisabled();
  }
  const download: Download = await downloaded;
  const progress = page.getByRole('progressbar', { name: 'Progression du publipostage' });
  await expect(progress).toHaveAttribute('aria-valuemax', String(n));
  await expect(progress).toHaveAttribute('aria-valuenow', String(n));
  await expect(page.getByText(`${n} / ${n} fiches`)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Télécharger le PDF' })).toBeVisible();
  await expect(button).toBeEnabled();
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const [{ count: after }] = await sql<{ count: number }>(`SELECT count(*)::int AS count FROM mailing`);
  expect(after - before).toBe(1);
  return (await download.path())!;
}

/** The PDF holds every selected identifier and activation code, in the expected order. */
function expectSheets(file: string, expected: Account[]): void {
  const { identifiers, codes } = sheetCredentials(pdfText(file));
  expect(identifiers).toEqual(expected.map((account) => account.identifier));
  expect(codes).toEqual(expected.map((account) => account.activationCode));
}

function mailCount(): number {
  try {
    return readdirSync(MAIL_DIR).filter((file) => file.endsWith('.eml')).length;
  } catch {
    return 0;
  }
}

test.describe('Publipostage des comptes', () => {
  test('tutorial 3: non-activated accounts, « Par Classe Puis par Profil », 8, 1 and 2 per page; the PDF holds every code in that order', async ({ page }) => {
    waitsForPrinting();
    await signIn(page, demoAccount('SCHOOL_ADMIN'));
    await page.getByRole('link', { name: 'Publipostage des comptes' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Publipostage des comptes' })).toBeVisible();
    await expect(page.getByText('Par défaut, le publipostage est trié par ordre alphabétique')).toBeVisible();
    const everyone = await selectedAccounts(page, {});
    await expectSelected(page, everyone.size);
    await expect(page.getByText(/^\s*\d+ comptes? sans adresse courriel\s*$/)).toBeVisible();

    // 1. « Filtrer la liste à publiposter » → Activation → « Utilisateurs non activés », then the cross.
    const filters = await openFilters(page);
    await filters.getByRole('group', { name: 'Activation' }).getByLabel('Utilisateurs non activés').check();
    await closeFilters(page);
    await expect(page.getByRole('button', { name: /^Filtrer la liste à publiposter/ })).toBeFocused();
    const notActivated = await selectedAccounts(page, { activated: false });
    const n = notActivated.size;
    expect(n).toBeGreaterThan(8);
    await expectSelected(page, n);
    expect(await selectedTotal(page)).toBe(n);
    // Only non-activated accounts in the table, each with its padlock and code.
    const table = page.getByRole('region', { name: 'Comptes sélectionnés' });
    await expect(table.locator('tbody tr').filter({ hasNotText: 'Non activé' })).toHaveCount(0);
    await expect(table.locator('tbody tr')).toHaveCount(Math.min(n, 50));
    await expect(table.locator('tbody tr code').first()).toHaveText(/^[a-z0-9]{8}$/);
    if (n > 50) {
      await page.getByRole('button', { name: 'Afficher plus' }).click();
      await expect(table.locator('tbody tr')).toHaveCount(Math.min(n, 100));
    }

    // 2. « Triez votre publipostage PDF : Par Classe Puis par Profil ».
    await page.getByLabel('Par', { exact: true }).selectOption({ label: 'Classe' });
    await page.getByLabel('Puis par', { exact: true }).selectOption({ label: 'Profil' });

    // 3. « 8 par page », « Générer en PDF »: ceil(n / 8) pages, every code, in that order.
    const cards = await generatePdf(page, '8 par page', n, true);
    expect(pdfPageCount(cards)).toBe(Math.ceil(n / 8));
    expectSheets(cards, await inMailingOrder(notActivated, ['CLASS', 'PROFILE']));
    expect(await accessibilityViolations(page)).toEqual([]);

    // 1 and 2 per page, on one class (pupils and teachers of it) to keep the run short.
    const filtersAgain = await openFilters(page);
    const classGroup = filtersAgain.getByRole('group', { name: 'Classe' });
    const firstClass = classGroup.getByRole('checkbox').first();
    const className = (await classGroup.locator('label').first().textContent())!.trim();
    await firstClass.check();
    await closeFilters(page);
    const [{ id: classId }] = await sql<{ id: string }>(
      `SELECT c.id FROM school_class c JOIN structure s ON s.id = c.school_id WHERE c.name = $1 AND s.name = $2`,
      [className, demoAccount('SCHOOL_ADMIN').school],
    );
    const ofClass = await selectedAccounts(page, { activated: false, classIds: [classId] });
    const m = ofClass.size;
    expect(m).toBeGreaterThan(0);
    await expectSelected(page, m);
    const expected = await inMailingOrder(ofClass, ['CLASS', 'PROFILE']);

    const letters = await generatePdf(page, '1 par page', m);
    expect(pdfPageCount(letters)).toBe(m);
    expectSheets(letters, expected);

    const halves = await generatePdf(page, '2 par page', m);
    expect(pdfPageCount(halves)).toBe(Math.ceil(m / 2));
    expectSheets(halves, expected);
  });

  test('« Envoyer par mail »: one e-mail per account with an address, none to the others, and the end state', async ({ page }) => {
    waitsForPrinting();
    const director = demoAccount('SCHOOL_ADMIN');
    const demoLogins = e2eState().accounts.map((account) => account.login);
    // A family name of the école shared by 3 to 6 accounts, none of them a demo account, far down the alphabet.
    const [family] = await sql<{ last_name: string; search_last: string }>(
      `SELECT min(u.last_name) AS last_name, u.search_last FROM app_user u
         JOIN user_structure us ON us.user_id = u.id JOIN structure s ON s.id = us.structure_id AND s.name = $1
        WHERE u.predeleted_at IS NULL
        GROUP BY u.search_last
       HAVING count(*) BETWEEN 3 AND 6 AND NOT bool_or(u.login = ANY($2))
          AND (SELECT count(*) FROM app_user o WHERE o.search_last COLLATE "C" LIKE u.search_last || '%') = count(*)
        ORDER BY u.search_last COLLATE "C" DESC LIMIT 1`,
      [director.school, demoLogins],
    );
    expect(family, 'a family of 3 to 6 accounts in the école').toBeTruthy();
    const members = await sql<{ id: string; login: string; email: string | null }>(
      `SELECT u.id, u.login, u.email FROM app_user u WHERE u.search_last = $1 ORDER BY u.login`,
      [family.search_last],
    );
    // Every other one gets a fresh address; the others have none. Restored at the end.
    const addresses = new Map<string, string>();
    members.forEach((member, index) => {
      if (index % 2 === 0) addresses.set(member.id, `publipostage.e2e.${index}.${member.login}@example.org`);
    });
    try {
      for (const member of members) {
        await sql(`UPDATE app_user SET email = $2 WHERE id = $1`, [member.id, addresses.get(member.id) ?? null]);
      }
      await signIn(page, director);
      await page.goto(PAGE_PATH);
      // Nothing selected: the server's refusal, in French, in an alert.
      await page.getByLabel('Rechercher par nom').fill('zzzqxw');
      await expect(page.getByText('Aucun compte sélectionné', { exact: true })).toBeVisible();
      await page.getByRole('button', { name: 'Générer en PDF' }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'Aucun compte ne correspond à votre sélection.' })).toBeVisible();
      await page.getByLabel('Rechercher par nom').fill(family.last_name);
      await expectSelected(page, members.length);
      const withoutEmail = members.length - addresses.size;
      await expect(page.getByText(new RegExp(`^\\s*${withoutEmail} comptes? sans adresse courriel`))).toBeVisible();
      await expect(page.getByRole('region', { name: 'Comptes sélectionnés' }).locator('tbody tr')).toHaveCount(members.length);

      const before = mailCount();
      const sendButton = page.getByRole('button', { name: 'Envoyer par mail' });
      await sendButton.click();
      const dialog = page.getByRole('dialog', { name: `Envoyer ${addresses.size} courriels ?` });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByText(new RegExp(`${withoutEmail === 1 ? 'Le compte' : `Les ${withoutEmail} comptes`} sans adresse courriel ne recevr`))).toBeVisible();
      expect(await accessibilityViolations(page)).toEqual([]);
      // « Annuler » first: nothing is sent and the focus goes back to the button.
      await dialog.getByRole('button', { name: 'Annuler' }).click();
      await expect(dialog).toBeHidden();
      await expect(sendButton).toBeFocused();
      await sendButton.click();
      await dialog.getByRole('button', { name: `Envoyer ${addresses.size} courriels` }).click();
      await expect(dialog).toBeHidden();

      const progress = page.getByRole('progressbar', { name: 'Progression du publipostage' });
      await expect(progress).toHaveAttribute('aria-valuemax', String(addresses.size));
      await expect(page.getByText(`Envoi terminé : ${addresses.size} envoyés, 0 en échec, sur ${addresses.size} courriels.`)).toBeVisible({ timeout: 60_000 });
      await expect(progress).toHaveAttribute('aria-valuenow', String(addresses.size));
      await expect(page.getByText(`${addresses.size} / ${addresses.size} courriels traités`)).toBeVisible();

      // The follow-up: each recipient and what became of their e-mail, filtered by state; the
      // mailing heads « Mes publipostages ».
      const recipients = page.getByRole('region', { name: 'Destinataires et état de leur courriel' });
      await expect(recipients.locator('tbody tr')).toHaveCount(addresses.size);
      for (const address of addresses.values()) await expect(recipients.getByRole('row').filter({ hasText: address })).toContainText('Envoyé');
      await page.getByLabel('Afficher').selectOption({ label: 'En échec' });
      await expect(page.getByText('Aucun destinataire dans cet état.')).toBeVisible();
      await page.getByLabel('Afficher').selectOption({ label: 'Envoyé' });
      await expect(recipients.locator('tbody tr')).toHaveCount(addresses.size);
      const history = page.getByRole('region', { name: 'Mes publipostages, du plus récent au plus ancien' });
      await expect(history.locator('tbody tr').first()).toContainText(`Courriels (${addresses.size})`);
      await expect(history.getByRole('link', { name: /^Télécharger de nouveau/ }).first()).toBeVisible(); // the PDFs of the earlier journeys, kept 24 h
      await expect(history.locator('tbody tr').first()).toContainText(`Terminé · ${addresses.size} envoyés, 0 en échec sur ${addresses.size}`);
      expect(await accessibilityViolations(page)).toEqual([]);

      // Exactly one e-mail per address, with the account's login; nothing else left the server. No
      // wait needed: a mail counts as sent once the sink has written it and accepted it (mail-sink.ts).
      for (const [id, address] of addresses) {
        const mails = mailsTo(address);
        expect(mails, address).toHaveLength(1);
        expect(mails[0]).toContain(members.find((member) => member.id === id)!.login);
      }
      expect(mailCount() - before).toBe(addresses.size);
    } finally {
      for (const member of members) {
        await sql(`UPDATE app_user SET email = $2 WHERE id = $1`, [member.id, member.email]);
      }
    }
  });

  test('« Fiche de connexion individuelle PDF » and « … mail » from a record', async ({ page }) => {
    waitsForPrinting();
    const director = demoAccount('SCHOOL_ADMIN');
    // Non-activated pupils of the école from the end of the alphabet (the other tests take the first ones).
    const pupils = await sql<{ id: string; login: string; alias: string | null; email: string | null }>(
      `SELECT u.id, u.login, u.alias, u.email FROM app_user u JOIN user_structure us ON us.user_id = u.id
         JOIN structure s ON s.id = us.structure_id AND s.name = $1
        WHERE u.profile = 'STUDENT' AND u.password_hash IS NULL AND u.predeleted_at IS NULL AND u.blocked_at IS NULL
        ORDER BY u.login DESC LIMIT 2`,
      [director.school],
    );
    const [withoutEmail, withEmail] = pupils;
    const address = `fiche.e2e.${withEmail.login}@example.org`;
    try {
      await sql(`UPDATE app_user SET email = NULL WHERE id = $1`, [withoutEmail.id]);
      await sql(`UPDATE app_user SET email = $2 WHERE id = $1`, [withEmail.id, address]);
      await signIn(page, director);

      // PDF: one letter with the login and the code shown on the record.
      await page.goto(`/admin/utilisateurs/${withoutEmail.id}`);
      const code = (await page.locator('dt', { hasText: /^\s*Code d'activation\s*$/ }).locator('xpath=following-sibling::dd[1]').locator('code').textContent())!.trim();
      const mailButton = page.getByRole('button', { name: 'Fiche de connexion individuelle mail' });
      await expect(mailButton).toBeDisabled();
      await expect(page.getByText("Pas d'adresse courriel : la fiche ne peut pas être envoyée par mail.")).toBeVisible();
      const downloaded = untilDownload(page);
      await page.getByRole('button', { name: 'Fiche de connexion individuelle PDF' }).click();
      const file = (await (await downloaded).path())!;
      expect(pdfPageCount(file)).toBe(1);
      const { identifiers, codes } = sheetCredentials(pdfText(file));
      expect(identifiers).toEqual([withoutEmail.alias || withoutEmail.login]);
      expect(codes).toEqual([code]);
      await expect(page.getByRole('link', { name: 'Télécharger le PDF' })).toBeVisible();
      expect(await accessibilityViolations(page)).toEqual([]);

      // Mail: « Fiche envoyée à … », one e-mail with the login.
      await page.goto(`/admin/utilisateurs/${withEmail.id}`);
      await page.getByRole('button', { name: 'Fiche de connexion individuelle mail' }).click();
      // Shown once the sink accepted the mail, which it writes first (mail-sink.ts): no wait needed.
      await expect(page.getByText(`Fiche envoyée à ${address}.`)).toBeVisible({ timeout: 60_000 });
      const mails = mailsTo(address);
      expect(mails).toHaveLength(1);
      expect(mails[0]).toContain(withEmail.alias || withEmail.login);
    } finally {
      for (const pupil of pupils) await sql(`UPDATE app_user SET email = $2 WHERE id = $1`, [pupil.id, pupil.email]);
    }
  });

  test('the teacher prints the connection sheets of their class; the export page offers the CSV of the same selection', async ({ page }) => {
    waitsForPrinting();
    const teacher = demoAccount('TEACHER');
    await signIn(page, teacher);
    const [{ id: classId }] = await sql<{ id: string }>(
      `SELECT c.id FROM school_class c JOIN structure s ON s.id = c.school_id WHERE c.name = $1 AND s.name = $2`,
      [teacher.scope, teacher.school],
    );
    await page.goto(`/classes/${classId}`);
    await expect(page.getByRole('heading', { name: 'Fiches de connexion' })).toBeVisible();
    await page.getByLabel('Modèle de publipostage PDF :').selectOption({ label: '8 par page' });
    const downloaded = untilDownload(page);
    await page.getByRole('button', { name: 'Fiches de connexion de la classe (PDF)' }).click();
    const file = (await (await downloaded).path())!;
    const { identifiers } = sheetCredentials(pdfText(file));
    expect(identifiers.length).toBeGreaterThan(0);
    expect(pdfPageCount(file)).toBe(Math.ceil(identifiers.length / 8));
    // Only the class's pupils and their parents, not activated.
    const expected = await sql<{ identifier: string }>(
      `SELECT COALESCE(u.alias, u.login) AS identifier FROM app_user u
        WHERE u.password_hash IS NULL AND u.predeleted_at IS NULL AND (
              u.id IN (SELECT m.user_id FROM class_member m JOIN school_class c ON c.id = m.class_id JOIN app_user p ON p.id = m.user_id
                        WHERE c.name = $1 AND p.profile = 'STUDENT')
           OR u.id IN (SELECT rl.relative_id FROM relative_link rl JOIN class_member m ON m.user_id = rl.student_id
                         JOIN school_class c ON c.id = m.class_id WHERE c.name = $1))
          AND EXISTS (SELECT 1 FROM school_class c JOIN structure s ON s.id = c.school_id WHERE c.name = $1 AND s.name = $2)`,
      [teacher.scope, teacher.school],
    );
    expect([...identifiers].sort()).toEqual(expected.map((row) => row.identifier).sort());
    expect(await accessibilityViolations(page)).toEqual([]);

    // The director's export page: the same filters, the count, the CSV link.
    await page.context().clearCookies();
    await signIn(page, demoAccount('SCHOOL_ADMIN'));
    await page.goto('/admin/exporter-des-comptes');
    await page.getByRole('button', { name: /^Filtrer la liste à exporter/ }).click();
    await page.getByRole('region', { name: 'Filtres' }).getByRole('group', { name: 'Activation' }).getByLabel('Utilisateurs non activés').check();
    await page.getByRole('button', { name: 'Fermer les filtres' }).click();
    const notActivated = await selectedAccounts(page, { activated: false });
    await expectSelected(page, notActivated.size);
    const csvLink = page.getByRole('link', { name: 'Télécharger le fichier CSV' });
    const href = (await csvLink.getAttribute('href'))!;
    expect(JSON.parse(new URL(href, 'http://x').searchParams.get('filtre')!)).toEqual({ activated: false, predeleted: false });
    const csvDownload = page.waitForEvent('download');
    await csvLink.click();
    const csv = await (await csvDownload).path();
    const content = readFileSync(csv!, 'utf8');
    expect(content.charCodeAt(0)).toBe(0xfeff);
    const lines = content.trim().split(/\r?\n/);
    expect(lines).toHaveLength(notActivated.size + 1);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
