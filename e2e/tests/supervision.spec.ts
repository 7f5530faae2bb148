import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { accessibilityViolations, expect, signIn, test, untilDownload, waitsForPrinting } from '../support/fixtures';
import { sql } from '../support/database';
import { demoAccount, e2eState } from '../support/state';

const PHONE = { width: 390, height: 844 };

/** « 3 comptes » as the user list writes its total. */
const accounts = (n: number) => (n === 0 ? 'Aucun compte' : n === 1 ? '1 compte' : `${fr(n)} comptes`);

/** The number a linked figure shows (its link also holds a hidden label after « — »). */
const figureOf = (text: string) => Number(text.split('—')[0].replace(/\D/g, ''));

/** « 1 234 » as the pages write counts in French (narrow no-break space). */
const fr = (n: number) => n.toLocaleString('fr-FR');

/** The école rows (a circonscription's row is its sum, not a row of the list). */
function ecoleRows(page: Page): Locator {
  return page.locator('#supervision-table tbody tr:not(.supervision-table__group)');
}

/** « Familles couvertes » of each école row, in the table's order (null: no pupils, shown « — »). */
async function coveredColumn(page: Page): Promise<(number | null)[]> {
  // The 11th data cell: five profiles of two cells each, then « Familles couvertes ».
  const cells = await ecoleRows(page).locator('td:nth-of-type(11) .supervision-table__rate').allTextContents();
  return cells.map((text) => (/\d/.test(text) ? Number(text.replace(/\D/g, '')) : null));
}

function sorted(values: (number | null)[], direction: 'ascending' | 'descending'): (number | null)[] {
  const known = values.filter((value): value is number => value !== null).sort((a, b) => (direction === 'ascending' ? a - b : b - a));
  return [...known, ...values.filter((value) => value === null)];
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

test.describe('« Tableau de bord »', () => {
  test("the ERUN sorts by « Familles couvertes », drills into an école's non-activated parents and launches their publipostage", async ({ page }) => {
    waitsForPrinting();
    await signIn(page, demoAccount('CIRCONSCRIPTION_ADMIN'));
    await expect(page).toHaveURL(/\/admin/);
    await page.getByRole('link', { name: 'Ouvrir le tableau de bord' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /Mis à jour à \d\d:\d\d \(heure de Paris\)/ })).toBeVisible();
    const table = page.getByRole('table');
    await expect(table.getByRole('row', { name: /\(total\)/ })).toHaveCount(1);
    const ecoles = await ecoleRows(page).count();
    expect(ecoles).toBeGreaterThan(1);
    // The circonscription's total, in the table's foot: each parent once, as counted in the database.
    const total = page.locator('#supervision-table tfoot tr');
    await expect(total.getByRole('rowheader')).toContainText('(total)');
    await expect(total.getByRole('rowheader')).toContainText('chaque personne comptée une fois');
    const [parents] = await sql<{ n: number }>(
      `SELECT count(DISTINCT u.id)::int AS n FROM admin_function f
         JOIN structure_ancestor sa ON sa.ancestor_id = f.structure_id JOIN structure e ON e.id = sa.structure_id AND e.kind = 'ECOLE'
         JOIN user_structure us ON us.structure_id = e.id JOIN app_user u ON u.id = us.user_id AND u.profile = 'RELATIVE' AND u.predeleted_at IS NULL
        WHERE f.user_id = (SELECT id FROM app_user WHERE login = $1)`,
      [demoAccount('CIRCONSCRIPTION_ADMIN').login],
    );
    // « Parents »: the 3rd data cell.
    expect(figureOf(await total.locator('td:nth-of-type(3)').innerText())).toBe(parents.n);
    await expect(page.getByRole('status').filter({ hasText: `${ecoles} écoles` })).toBeVisible();

    // « Familles couvertes »: ascending, then descending; the écoles without pupils stay last.
    const covered = table.getByRole('columnheader', { name: /Familles couvertes/ });
    await covered.getByRole('button').click();
    await expect(covered).toHaveAttribute('aria-sort', 'ascending');
    await expect(page).toHaveURL(/tri=covered/);
    const ascending = await coveredColumn(page);
    expect(ascending).toEqual(sorted(ascending, 'ascending'));
    await covered.getByRole('button').click();
    await expect(covered).toHaveAttribute('aria-sort', 'descending');
    const descending = await coveredColumn(page);
    expect(descending).toEqual(sorted(ascending, 'descending'));
    await expect(table.locator('th[aria-sort]')).toHaveCount(1);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Back to the least covered first, and into the first école that has parents to activate.
    await covered.getByRole('button').click();
    const row = ecoleRows(page).filter({ has: page.getByRole('link', { name: /non activés — Parents,/ }) }).first();
    const link = row.getByRole('link', { name: /non activés — Parents,/ });
    const clicked = Number((await link.innerText()).split('non')[0].replace(/\D/g, ''));
    expect(clicked).toBeGreaterThan(0);
    await link.click();
    await expect(page).toHaveURL(/\/admin\/utilisateurs\?.*activation=non/);
    await expect(page).toHaveURL(/profils=relative/);
    await expect(page.locator('.user-list__total')).toHaveText(clicked === 1 ? '1 compte' : `${fr(clicked)} comptes`);

    // « Publipostage de ces comptes »: the same accounts, printed.
    await page.getByRole('link', { name: 'Publipostage de ces comptes' }).click();
    await expect(page).toHaveURL(/\/admin\/publipostage-des-comptes\?.*activation=non/);
    await expect(page.getByText(clicked === 1 ? '1 compte sélectionné au total' : `${fr(clicked)} comptes sélectionnés au total`)).toBeVisible();
    await page.getByLabel('Modèle de publipostage PDF :').selectOption({ label: '8 par page' });
    const downloaded = untilDownload(page);
    await page.getByRole('button', { name: 'Générer en PDF' }).click();
    await downloaded;
    await expect(page.getByText(`${clicked} / ${clicked} fiches`)).toBeVisible();
  });

  test("a pupil's report shows on the ERUN's open dashboard without reload", async ({ browser }) => {
    const erun = await browser.newContext({ baseURL: e2eState().url });
    const dashboard = await erun.newPage();
    await signIn(dashboard, demoAccount('CIRCONSCRIPTION_ADMIN'));
    await dashboard.goto('/admin/tableau-de-bord');
    const school = demoAccount('SCHOOL_ADMIN').school!;
    // The 16th data cell: five profiles of two cells, five figures, then « Signalements en attente ».
    const pending = ecoleRows(dashboard).filter({ has: dashboard.getByRole('rowheader', { name: school }) }).locator('td:nth-of-type(16)');
    await expect(pending).toHaveText(/^\s*\d+\s*$/);
    const before = Number((await pending.innerText()).trim());

    // The teacher publishes to their class; a pupil of it reports the post.
    const teacher = demoAccount('TEACHER');
    const title = `À signaler ${Date.now()}`;
    const author = await (await browser.newContext({ baseURL: e2eState().url })).newPage();
    await signIn(author, teacher);
    await author.goto('/enseignant');
    await author.getByRole('button', { name: 'Publier une actualité' }).click();
    await author.getByLabel('Publier auprès de').selectOption({ label: `Classe : ${teacher.scope}` });
    await author.getByLabel('Titre').fill(title);
    await author.getByLabel('Texte').fill('Un texte à modérer.');
    await author.getByRole('button', { name: 'Publier', exact: true }).click();
    await expect(author.getByText(/Actualité publiée auprès de/)).toBeVisible();
    const reporter = await (await browser.newContext({ baseURL: e2eState().url })).newPage();
    await signIn(reporter, demoAccount('STUDENT'));
    await reporter.goto('/accueil');
    const item = reporter.getByRole('article').filter({ hasText: title });
    await item.getByRole('button', { name: `Signaler : ${title}` }).click();
    await reporter.getByRole('dialog').getByRole('button', { name: 'Signaler', exact: true }).click();
    await expect(item.getByRole('button', { name: /Signalé/ })).toBeVisible();

    await expect(pending).toHaveText(String(before + 1));
    for (const page of [dashboard, author, reporter]) await page.context().close();
  });

  test('filters the écoles by name, downloads them as CSV, with the definitions at hand', async ({ page }) => {
    await signIn(page, demoAccount('CIRCONSCRIPTION_ADMIN'));
    await page.goto('/admin/tableau-de-bord');
    const first = ecoleRows(page).first();
    await expect(first).toBeVisible();
    const name = (await first.locator('th').innerText()).split('\n')[0].trim();
    await page.getByLabel('Filtrer les écoles').fill(name);
    await expect(ecoleRows(page)).toHaveCount(1);
    await expect(ecoleRows(page).locator('th')).toContainText(name);
    // The CSV: the rows shown (the école's), then the circonscription's total, figures as on screen.
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Télécharger le tableau (CSV)' }).click();
    const csv = readFileSync((await (await downloaded).path())!, 'utf8');
    expect(csv.startsWith('\uFEFFCirconscription;École;UAI;Élèves;Élèves activés;Élèves activés (%);')).toBe(true);
    const lines = csv.slice(1).split('\r\n').filter((line) => line !== '');
    expect(lines).toHaveLength(3);
    const pupils = (await ecoleRows(page).locator('td:nth-of-type(1)').innerText()).replace(/\D/g, '');
    expect(lines[1].split(';').slice(1, 2)).toEqual([name]);
    expect(lines[1].split(';')[3]).toBe(pupils);
    const totalPupils = (await page.locator('#supervision-table tfoot td:nth-of-type(1)').innerText()).replace(/\D/g, '');
    expect(lines[2].split(';')[0]).toMatch(/ \(total\)$/);
    expect(lines[2].split(';')[3]).toBe(totalPupils);
    await page.getByText('Définitions').click();
    await expect(page.getByText(/au moins un responsable activé et non pré-supprimé/)).toBeVisible();
    await expect(page.getByText("Une personne présente dans plusieurs écoles n'est comptée qu'une fois dans les totaux.", { exact: false })).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  test("« Familles couvertes » and « Élèves sans responsable » open the user list with the same totals", async ({ page }) => {
    await signIn(page, demoAccount('CIRCONSCRIPTION_ADMIN'));
    await page.goto('/admin/tableau-de-bord');
    await expect(ecoleRows(page).first()).toBeVisible();
    for (const [label, word] of [
      ['Familles couvertes', 'active'],
      ['Élèves sans responsable', 'aucun'],
    ] as const) {
      const link = page.getByRole('link', { name: new RegExp(`— ${label},`) }).first();
      const figure = figureOf(await link.innerText());
      await link.click();
      await expect(page).toHaveURL(new RegExp(`/admin/utilisateurs\\?.*responsables=${word}`));
      await expect(page.locator('.user-list__total')).toHaveText(accounts(figure));
      // The filter is shown, and can be changed, in the list's own panel.
      await page.getByRole('button', { name: /Filtres/ }).click();
      const group = page.getByRole('group', { name: 'Responsables (élèves)' });
      await expect(group.getByRole('radio', { name: word === 'active' ? 'Au moins un responsable activé' : 'Sans responsable' })).toBeChecked();
      await page.goBack();
      await expect(ecoleRows(page).first()).toBeVisible();
    }
  });

  test('« Actifs sur 7 / 30 jours » after the roll-up, masked under 3', async ({ page }) => {
    const school = demoAccount('SCHOOL_ADMIN').school!;
    // Arranged: 4 pupils of the école active today, 3 more ten days ago, the others not; then the
    // hourly roll-up, run now through the operator CLI (the job would write the same rows).
    const pupils = await sql<{ id: string }>(
      `SELECT u.id FROM app_user u JOIN user_structure us ON us.user_id = u.id JOIN structure s ON s.id = us.structure_id
        WHERE s.kind = 'ECOLE' AND s.name = $1 AND u.profile = 'STUDENT' AND u.predeleted_at IS NULL ORDER BY u.id`,
      [school],
    );
    expect(pupils.length).toBeGreaterThanOrEqual(10);
    const ids = pupils.map((pupil) => pupil.id);
    const today = `(now() AT TIME ZONE 'Europe/Paris')::date`;
    await sql('DELETE FROM account_activity WHERE user_id = ANY($1::uuid[])', [ids]);
    await sql(`INSERT INTO account_activity (user_id, days, last_day) SELECT unnest($1::uuid[]), 1, ${today}`, [ids.slice(0, 4)]);
    await sql(`INSERT INTO account_activity (user_id, days, last_day) SELECT unnest($1::uuid[]), 1024, ${today}`, [ids.slice(4, 7)]);
    const { databaseUrl, dataDir } = e2eState();
    execFileSync(process.execPath, [join(__dirname, '../../dist/server/cli/admin.js'), 'roll-up-activity'], {
      env: { ...process.env, DATABASE_URL: databaseUrl, PREAU_DATA_DIR: dataDir },
      encoding: 'utf8',
    });

    await signIn(page, demoAccount('CIRCONSCRIPTION_ADMIN'));
    await page.goto('/admin/tableau-de-bord');
    await expect(page.getByRole('status').filter({ hasText: /Actifs comptés jusqu'au \d{1,2} \S+ \d{4}/ })).toBeVisible();
    const row = ecoleRows(page).filter({ has: page.getByRole('rowheader', { name: school }) });
    // After the five profiles' ten cells, seven figures, the last import: « Actifs » over 7 then 30 days.
    const week = row.locator('td:nth-of-type(21)');
    const month = row.locator('td:nth-of-type(22)');
    await expect(week).toContainText(/Élèves :\s*4\b/);
    await expect(month).toContainText(/Élèves :\s*7\b/);
    // No parent of the école signed in: fewer than 3 active, so no figure.
    await expect(week).toContainText(/Parents :\s*— \(moins de 3 personnes\)/);
    // The total's « Actifs » count each person once, as its other figures (its header says so).
    await expect(page.locator('#supervision-table tfoot th')).toContainText('chaque personne comptée une fois');
    await expect(page.locator('#supervision-table tfoot td:nth-of-type(21)')).toContainText(/Élèves :\s*(\d|— \(moins de 3 personnes\))/);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  test('another figure (a parent without e-mail) changes on the open dashboard without reload', async ({ page }) => {
    const school = demoAccount('SCHOOL_ADMIN').school!;
    await signIn(page, demoAccount('CIRCONSCRIPTION_ADMIN'));
    await page.goto('/admin/tableau-de-bord');
    const row = ecoleRows(page).filter({ has: page.getByRole('rowheader', { name: school }) });
    // « Parents sans courriel »: the 13th data cell.
    const withoutEmail = row.locator('td:nth-of-type(13)');
    await expect(withoutEmail).toHaveText(/\d/);
    const before = figureOf(await withoutEmail.innerText());
    const [parent] = await sql<{ id: string }>(
      `SELECT u.id FROM app_user u JOIN user_structure us ON us.user_id = u.id JOIN structure s ON s.id = us.structure_id
        WHERE s.kind = 'ECOLE' AND s.name = $1 AND u.profile = 'RELATIVE' AND u.predeleted_at IS NULL AND COALESCE(u.email, '') <> '' LIMIT 1`,
      [school],
    );
    expect(parent).toBeDefined();
    await sql('UPDATE app_user SET email = NULL WHERE id = $1', [parent.id]);
    await expect(withoutEmail.getByRole('link')).toHaveText(new RegExp(`^\\s*${before + 1}\\s*—`));
  });

  for (const role of ['CIRCONSCRIPTION_ADMIN', 'DEPARTEMENT_ADMIN', 'SCHOOL_ADMIN'] as const) {
    test(`at 390 px nothing scrolls sideways, the table scrolls in its own frame (${role})`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({ baseURL, viewport: PHONE, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      await signIn(page, demoAccount(role));
      await page.goto('/admin/tableau-de-bord');
      await expect(ecoleRows(page).first()).toBeVisible();
      await noSidewaysScroll(page);
      const frame = page.getByRole('region', { name: 'Tableau de bord, une ligne par école' });
      expect(await frame.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
      expect(await accessibilityViolations(page)).toEqual([]);
      await context.close();
    });
  }
});
