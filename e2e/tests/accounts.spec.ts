import { mailsTo } from '../support/mail-sink';
import { pdfText } from '../support/pdf';
import { sql } from '../support/database';
import { accessibilityViolations, expect, signIn, test } from '../support/fixtures';
import { demoAccount, e2eState } from '../support/state';

test.describe('Comptes', () => {
  test('a parent activates their account with the code, a password and an e-mail, and is signed in', async ({ page }) => {
    const parent = demoAccount('RELATIVE_NOT_ACTIVATED');
    await signIn(page, { login: parent.login, password: parent.activationCode! });
    await expect(page).toHaveURL(/\/activation/);
    await expect(page.getByRole('heading', { name: 'Première connexion : activez votre compte' })).toBeVisible();
    await expect(page.getByText('Au moins 8 caractères, dont une minuscule, une majuscule et un chiffre ou un caractère spécial.')).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);

    // Every error at once: weak password, different confirmation, no e-mail for a parent.
    await page.getByLabel('Nouveau mot de passe').fill('azerty');
    await page.getByLabel('Confirmez le mot de passe').fill('azerty2');
    await page.getByRole('button', { name: 'Activer mon compte' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Le formulaire contient des erreurs' });
    await expect(summary).toBeVisible();
    await expect(page.getByText('Les deux mots de passe ne sont pas identiques.').first()).toBeVisible();
    await expect(page.getByText('Indiquez une adresse électronique').first()).toBeVisible();

    await page.getByLabel('Nouveau mot de passe').fill('Goûter-Du-Matin-8');
    await page.getByLabel('Confirmez le mot de passe').fill('Goûter-Du-Matin-8');
    await page.getByLabel('Adresse électronique').fill('parent.e2e@example.org');
    await page.getByRole('button', { name: 'Activer mon compte' }).click();
    await expect(page).toHaveURL(/\/accueil/);
    await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();

    // The code is spent; the new password works.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await signIn(page, { login: parent.login, password: parent.activationCode! });
    await expect(page.getByRole('alert')).toHaveText("L'identifiant ou le mot de passe est incorrect.");
    await signIn(page, { login: parent.login, password: 'Goûter-Du-Matin-8' });
    await expect(page).toHaveURL(/\/accueil/);
  });

  test('a director generates a renewal code for a pupil; the pupil sets a new password with it, once', async ({ page, browser }) => {
    const director = demoAccount('SCHOOL_ADMIN');
    // Another activated pupil of the demo pupil's class: this test changes the password it uses.
    const [row] = await sql<{ login: string; alias: string | null; first_name: string; last_name: string }>(
      `SELECT u.login, u.alias, u.first_name, u.last_name FROM app_user u JOIN class_member m ON m.user_id = u.id
         JOIN class_member d ON d.class_id = m.class_id JOIN app_user du ON du.id = d.user_id AND du.login = $1
        WHERE u.profile = 'STUDENT' AND u.password_hash IS NOT NULL AND u.login <> $1 ORDER BY u.login LIMIT 1`,
      [demoAccount('STUDENT').login],
    );
    const pupil = { ...demoAccount('STUDENT'), login: row.login, displayName: `${row.last_name.toUpperCase()} ${row.first_name}` };
    await signIn(page, director);
    await expect(page).toHaveURL(/\/admin/);
    await page.getByRole('link', { name: pupil.scope!, exact: true }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Paramétrage de la classe');
    await page.getByRole('button', { name: `Générer un code de renouvellement de mot de passe pour ${pupil.displayName}` }).click();
    const shownCode = page.locator('code').filter({ hasText: /^[abcdefghjkmnprstvwxyz3456789]{8}$/ }).first();
    const firstCode = (await shownCode.textContent())!.trim();
    await expect(page.getByText(/Valable jusqu'au/)).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);

    // « Imprimer pour l'élève »: a slip with a new code (a code is stored hashed: the slip comes with
    // its generation), which the panel now shows in place of the first one.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: "Imprimer pour l'élève" }).click();
    const download = await downloading;
    const fileName = `code-renouvellement-${row.alias || pupil.login}.pdf`;
    expect(download.suggestedFilename()).toBe(fileName);
    await expect(page.getByText(`Fiche téléchargée (${fileName})`)).toBeVisible();
    await expect(shownCode).not.toHaveText(firstCode);
    const code = (await shownCode.textContent())!.trim();
    const slip = pdfText((await download.path())!);
    expect(slip).toContain(code);
    expect(slip).toContain(row.alias || pupil.login);
    expect(await accessibilityViolations(page)).toEqual([]);

    const pupilContext = await browser.newContext({ baseURL: e2eState().url, locale: 'fr-FR' });
    const pupilPage = await pupilContext.newPage();
    await signIn(pupilPage, { login: pupil.login, password: code });
    await expect(pupilPage).toHaveURL(/\/nouveau-mot-de-passe/);
    await pupilPage.getByLabel('Retapez votre identifiant').fill(pupil.login);
    await pupilPage.getByLabel('Nouveau mot de passe').fill('Trousse-Verte-2');
    await pupilPage.getByLabel('Confirmez le mot de passe').fill('Trousse-Verte-2');
    await pupilPage.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await expect(pupilPage.getByRole('status')).toHaveText('Votre mot de passe a été changé. Connectez-vous avec le nouveau mot de passe.');
    await pupilPage.getByLabel('Mot de passe', { exact: true }).fill('Trousse-Verte-2');
    await pupilPage.getByRole('button', { name: 'Se connecter' }).click();
    await expect(pupilPage).toHaveURL(/\/accueil/);
    await pupilPage.getByRole('button', { name: 'Se déconnecter' }).click();
    // The code is spent, and the first one was revoked by the printed one.
    for (const spent of [code, firstCode]) {
      await signIn(pupilPage, { login: pupil.login, password: spent });
      await expect(pupilPage.getByRole('alert')).toHaveText("L'identifiant ou le mot de passe est incorrect.");
    }
    await pupilContext.close();
  });

  test('« Mot de passe oublié »: the mail reaches the SMTP server and its link works once', async ({ page }) => {
    // An activated parent of the demo école other than the demo one: this test changes its password.
    const [parent] = await sql<{ login: string }>(
      `SELECT u.login FROM app_user u JOIN user_structure us ON us.user_id = u.id JOIN structure s ON s.id = us.structure_id AND s.name = $1
        WHERE u.profile = 'RELATIVE' AND u.password_hash IS NOT NULL AND u.login <> $2 ORDER BY u.login LIMIT 1`,
      [demoAccount('RELATIVE').school, demoAccount('RELATIVE').login],
    );
    await sql(`UPDATE app_user SET email = 'oubli.e2e@example.org' WHERE login = $1`, [parent.login]);
    await page.goto('/connexion');
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await expect(page.getByRole('heading', { name: 'Mot de passe oublié', level: 1 })).toBeVisible();
    await page.getByLabel('Identifiant').fill(parent.login);
    await page.getByRole('button', { name: 'Recevoir un lien par courriel' }).click();
    await expect(page.getByRole('status')).toContainText('Si ce compte existe et a une adresse électronique');

    await expect.poll(() => mailsTo('oubli.e2e@example.org').length, { timeout: 10_000 }).toBe(1);
    const link = mailsTo('oubli.e2e@example.org')[0].match(/http:\/\/localhost:\d+\/renouvellement\?login=[^&\s]+&code=[a-z0-9]{8}/)?.[0];
    expect(link).toBeTruthy();
    const path = new URL(link!).pathname + new URL(link!).search;

    await page.goto(path);
    await expect(page.getByRole('heading', { name: 'Choisissez un nouveau mot de passe' })).toBeVisible();
    expect(page.url()).not.toContain('code=');
    await page.getByLabel('Retapez votre identifiant').fill(parent.login);
    await page.getByLabel('Nouveau mot de passe').fill('Cahier-De-Texte-5');
    await page.getByLabel('Confirmez le mot de passe').fill('Cahier-De-Texte-5');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await expect(page).toHaveURL(/\/connexion/);
    await expect(page.getByRole('status')).toHaveText('Votre mot de passe a été changé. Connectez-vous avec le nouveau mot de passe.');
    await page.getByLabel('Mot de passe', { exact: true }).fill('Cahier-De-Texte-5');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page).toHaveURL(/\/accueil/);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();

    // The same link a second time: refused.
    await page.goto(path);
    await page.getByLabel('Retapez votre identifiant').fill(parent.login);
    await page.getByLabel('Nouveau mot de passe').fill('Cahier-De-Texte-6');
    await page.getByLabel('Confirmez le mot de passe').fill('Cahier-De-Texte-6');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await expect(page.getByRole('alert').first()).toContainText("L'identifiant ou le mot de passe est incorrect.");
  });
});
