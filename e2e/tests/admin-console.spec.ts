import type { Page } from '@playwright/test';
import { sql } from '../support/database';
import { accessibilityViolations, expect, signIn, test } from '../support/fixtures';
import { demoAccount, e2eState } from '../support/state';

/** The value of a « terme : valeur » line of the record. */
function field(page: Page, label: string) {
  return page.locator('dt').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) }).locator('xpath=following-sibling::dd[1]');
}

async function openRecordBySearch(page: Page, letters: string, name: string) {
  await page.goto('/admin');
  await page.getByRole('searchbox', { name: 'Rechercher un utilisateur' }).fill(letters);
  await page.getByRole('link', { name: new RegExp(name) }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
}

test.describe("Console d'administration", () => {
  test('tutorial 2: filter the teachers, open one, « Ajouter une classe »; the class page lists the teacher', async ({ page }) => {
    const director = demoAccount('SCHOOL_ADMIN');
    const teacher = demoAccount('TEACHER');
    await signIn(page, director);
    await page.getByRole('link', { name: 'Tous les utilisateurs' }).click();
    await page.getByRole('button', { name: /^Filtres/ }).click();
    await page.getByRole('group', { name: 'Profils' }).getByLabel('Enseignant').check();
    await page.getByRole('button', { name: 'Fermer les filtres' }).click();
    const table = page.getByRole('table');
    await expect(table.getByRole('cell', { name: 'Enseignant', exact: true }).first()).toBeVisible();
    await expect(table.getByRole('cell', { name: 'Élève', exact: true })).toHaveCount(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await table.getByRole('link', { name: teacher.displayName, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(teacher.displayName);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Ajouter une classe' }).click();
    const select = page.getByLabel('Classe', { exact: true });
    // The classes on offer are asked for when the form opens: read them once they are there.
    await expect(select.locator('option').first()).toBeAttached();
    const options = await select.locator('option').allTextContents();
    const className = options.map((o) => o.trim()).find((o) => o && o !== teacher.scope && !o.startsWith('—') && !o.startsWith('Choisir'))!;
    await select.selectOption({ label: className });
    await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await expect(page.getByText(`Rattachement à la classe ${className} enregistré.`)).toBeVisible();

    await page.goto('/admin');
    await page.getByRole('link', { name: className, exact: true }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(className);
    await expect(page.getByRole('link', { name: teacher.displayName })).toBeVisible();
  });

  test('« Ajouter des enseignants »: the école\'s teachers not in the class, ticked and attached at once', async ({ page }) => {
    await signIn(page, demoAccount('SCHOOL_ADMIN'));
    await page.locator('.school-classes__list li a').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.getByRole('button', { name: 'Ajouter des enseignants' }).click();
    const checklist = page.getByRole('group', { name: /^Enseignants de .* à rattacher à la classe / });
    const boxes = checklist.getByRole('checkbox');
    await expect(boxes.first()).toBeVisible();
    const offered = await boxes.count();
    const name = ((await checklist.locator('label').first().innerText()).split('\n')[0] ?? '').trim();
    await boxes.first().check();
    await page.getByRole('button', { name: 'Rattacher (1)' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^1 enseignant rattaché à la classe / })).toBeVisible();
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
    // Opened again, the list no longer offers the teacher just attached.
    await page.getByRole('button', { name: 'Ajouter des enseignants' }).click();
    if (offered > 1) {
      await expect(boxes).toHaveCount(offered - 1);
    } else {
      await expect(page.getByText("Tous les enseignants de l'école sont déjà rattachés à cette classe.")).toBeVisible();
    }
    await expect(checklist.getByText(name, { exact: true })).toHaveCount(0);
  });

  test('tutorial 5: a newly arrived pupil is found by the first letters of the name; the record shows every field and the parents', async ({ page }) => {
    const director = demoAccount('SCHOOL_ADMIN');
    const [pupil] = await sql<{ id: string; login: string; first_name: string; last_name: string; external_id: string }>(
      `SELECT u.id, u.login, u.first_name, u.last_name, u.external_id FROM app_user u
         JOIN user_structure us ON us.user_id = u.id JOIN structure s ON s.id = us.structure_id AND s.name = $1
        WHERE u.profile = 'STUDENT' AND u.password_hash IS NULL AND u.external_id IS NOT NULL
          AND EXISTS (SELECT 1 FROM relative_link r WHERE r.student_id = u.id)
        ORDER BY u.login LIMIT 1`,
      [director.school],
    );
    const parents = await sql<{ login: string; first_name: string; last_name: string }>(
      `SELECT p.login, p.first_name, p.last_name FROM relative_link r JOIN app_user p ON p.id = r.relative_id WHERE r.student_id = $1 ORDER BY p.login`,
      [pupil.id],
    );
    await signIn(page, director);
    const name = `${pupil.last_name.toUpperCase()} ${pupil.first_name}`;
    await openRecordBySearch(page, pupil.last_name.slice(0, 3), name);
    await expect(field(page, 'Login')).toHaveText(pupil.login);
    await expect(field(page, "Code d'activation")).toContainText(/[abcdefghjkmnprstvwxyz3456789]{8}/);
    await expect(field(page, 'Identifiant')).toHaveText(pupil.id);
    await expect(field(page, 'Identifiant externe')).toHaveText(pupil.external_id);
    await expect(field(page, 'Source')).not.toHaveText('Aucun');
    await expect(field(page, 'Date de création')).toContainText(/\d{4}/);
    await expect(field(page, 'Date de dernière modification')).toContainText(/\d{4}/);
    const relatives = page.getByRole('region', { name: 'Responsable(s)' });
    for (const parent of parents) await expect(relatives.getByRole('link', { name: new RegExp(parent.first_name) })).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
    // The parent's record links back to the child.
    await relatives.getByRole('link', { name: new RegExp(parents[0].first_name) }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(parents[0].first_name);
    await expect(page.getByRole('region', { name: 'Enfant(s)' }).getByRole('link', { name: new RegExp(pupil.first_name) })).toBeVisible();
  });

  test('alias: a bad pattern is refused in French, a good one is saved and signs in', async ({ page, browser }) => {
    const director = demoAccount('SCHOOL_ADMIN');
    const pupil = demoAccount('STUDENT');
    await signIn(page, director);
    await openRecordBySearch(page, pupil.displayName.split(' ')[1].slice(0, 3), pupil.displayName);
    const alias = page.getByLabel('Identifiant personnalisé (Alias)');
    await alias.fill('Élève_1');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText("L'identifiant personnalisé ne peut contenir que des lettres minuscules sans accent").first()).toBeVisible();
    await alias.fill('eleve.e2e.alias');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText('Identifiant personnalisé enregistré : eleve.e2e.alias.')).toBeVisible();
    const other = await browser.newContext({ baseURL: e2eState().url, locale: 'fr-FR' });
    const pupilPage = await other.newPage();
    await signIn(pupilPage, { login: 'eleve.e2e.alias', password: pupil.password! });
    await expect(pupilPage).toHaveURL(/\/accueil/);
    await other.close();
  });

  test('block from the record cuts the signed-in pupil off at once; unblock lets them in again', async ({ page, browser }) => {
    const director = demoAccount('SCHOOL_ADMIN');
    const [pupil] = await sql<{ login: string; first_name: string; last_name: string }>(
      `SELECT u.login, u.first_name, u.last_name FROM app_user u JOIN user_structure us ON us.user_id = u.id
         JOIN structure s ON s.id = us.structure_id AND s.name = $1
        WHERE u.profile = 'STUDENT' AND u.password_hash IS NOT NULL AND u.blocked_at IS NULL AND u.login <> $2 ORDER BY u.login LIMIT 1`,
      [director.school, demoAccount('STUDENT').login],
    );
    const name = `${pupil.last_name.toUpperCase()} ${pupil.first_name}`;
    // The pupil, signed in, with a live connection open.
    const pupilContext = await browser.newContext({ baseURL: e2eState().url, locale: 'fr-FR' });
    const pupilPage = await pupilContext.newPage();
    await signIn(pupilPage, { login: pupil.login, password: demoAccount('STUDENT').password! });
    await expect(pupilPage).toHaveURL(/\/accueil/);
    await pupilPage.evaluate(() => {
      const socket = new WebSocket(`${location.origin.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
      (window as unknown as { socketClosed: Promise<{ code: number; at: number }> }).socketClosed = new Promise((resolve) => {
        socket.onclose = (event) => resolve({ code: event.code, at: Date.now() });
      });
      return new Promise<void>((resolve) => {
        socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init' }));
        socket.onmessage = (event) => {
          if (JSON.parse(event.data).type === 'connection_ack') resolve();
        };
      });
    });

    await signIn(page, director);
    await openRecordBySearch(page, pupil.last_name.slice(0, 3), name);
    await page.getByRole('button', { name: 'Bloquer le compte' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Motif (facultatif)').fill('Propos insultants');
    await dialog.getByRole('button', { name: 'Bloquer le compte' }).click();
    await expect(page.getByText('Le compte est bloqué : ses sessions en cours ont été fermées.')).toBeVisible();
    await expect(page.getByText("Bloqué jusqu'à déblocage").first()).toBeVisible();

    // The open socket is closed with 4401 (how fast is bench/fanout's business, not this journey's).
    const closed = await pupilPage.evaluate(() => (window as unknown as { socketClosed: Promise<{ code: number; at: number }> }).socketClosed);
    expect(closed.code).toBe(4401);
    await pupilPage.reload();
    await expect(pupilPage).toHaveURL(/\/connexion/);
    await signIn(pupilPage, { login: pupil.login, password: demoAccount('STUDENT').password! });
    await expect(pupilPage.getByRole('alert')).toHaveText("L'identifiant ou le mot de passe est incorrect.");

    // Unblocking gives access back: nothing to confirm.
    await page.getByRole('button', { name: 'Débloquer' }).click();
    await expect(page.getByText("Le compte est débloqué : l'accès est rétabli.")).toBeVisible();
    await signIn(pupilPage, { login: pupil.login, password: demoAccount('STUDENT').password! });
    await expect(pupilPage).toHaveURL(/\/accueil/);
    await pupilContext.close();
  });

  test('« Créer un utilisateur » behind the warning, then pre-delete and restore', async ({ page }) => {
    await signIn(page, demoAccount('SCHOOL_ADMIN'));
    await page.goto('/admin/utilisateurs');
    await page.getByRole('link', { name: 'Créer un utilisateur' }).click();
    await expect(page.getByText(/48 à 72h/)).toBeVisible();
    await page.getByLabel("J'ai compris : ce compte ne peut pas attendre l'annuaire").check();
    await page.getByLabel('Profil').selectOption({ label: 'Élève' });
    await page.getByLabel('Prénom').fill('Anaïs');
    await page.getByLabel('Nom', { exact: true }).fill("D'Orléans-E2E");
    await page.getByRole('button', { name: 'Créer le compte' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText("D'ORLÉANS-E2E Anaïs");
    await expect(field(page, 'Login')).toHaveText(/^anais\.dorleanse2e\d*$/);

    await page.getByRole('button', { name: 'Pré-supprimer le compte' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Pré-supprimer le compte' }).click();
    await expect(page.getByText('Le compte est pré-supprimé : il ne peut plus se connecter.')).toBeVisible();
    await expect(page.getByText(/Pré-supprimé — suppression définitive le/).first()).toBeVisible();
    // Restoring loses nothing: nothing to confirm.
    await page.getByRole('button', { name: 'Restaurer' }).click();
    await expect(page.getByText('Le compte est restauré.')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Historique' }).getByText(/pré-supprimé/i).first()).toBeVisible();
  });
});
