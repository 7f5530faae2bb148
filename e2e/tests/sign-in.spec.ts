import { accessibilityViolations, expect, signIn, test } from '../support/fixtures';
import { demoAccount } from '../support/state';

test.describe('Connexion', () => {
  test('a director signs in and sees the two zones of the guide', async ({ page }) => {
    const director = demoAccount('SCHOOL_ADMIN');
    await signIn(page, director);
    await expect(page).toHaveURL(/\/admin/);
    await expect(page.getByRole('heading', { name: 'Rechercher un utilisateur' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Imports / Exports' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Publipostage des comptes' })).toBeVisible();
    await expect(page.getByText(director.displayName)).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  test('a wrong password shows the generic French message and stays on the login page', async ({ page }) => {
    await signIn(page, { login: demoAccount('SCHOOL_ADMIN').login, password: 'Pas-le-bon-1' });
    await expect(page.getByRole('alert')).toHaveText("L'identifiant ou le mot de passe est incorrect.");
    await expect(page).toHaveURL(/\/connexion/);
  });

  test('an unknown login gets exactly the same message', async ({ page }) => {
    await signIn(page, { login: 'personne.inconnue', password: 'Pas-le-bon-1' });
    await expect(page.getByRole('alert')).toHaveText("L'identifiant ou le mot de passe est incorrect.");
  });

  test('the login page passes the accessibility rules and works with the keyboard alone', async ({ page }) => {
    const teacher = demoAccount('TEACHER');
    await page.goto('/connexion');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Identifiant').focus();
    await page.keyboard.type(teacher.login);
    await page.keyboard.press('Tab');
    await page.keyboard.type(teacher.password!);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/enseignant/);
  });

  test("the QR code of an activated account's sheet opens the login page with the login filled in", async ({ page }) => {
    const teacher = demoAccount('TEACHER');
    await page.goto(`/connexion?login=${encodeURIComponent(teacher.login)}`);
    await expect(page.getByLabel('Identifiant')).toHaveValue(teacher.login);
    await page.getByLabel('Mot de passe', { exact: true }).fill(teacher.password!);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/enseignant/);
  });

  test('each role lands on its home, and signing out returns to the login page', async ({ page }) => {
    const homes: [Parameters<typeof demoAccount>[0], RegExp][] = [
      ['CIRCONSCRIPTION_ADMIN', /\/admin/],
      ['STUDENT', /\/accueil/],
    ];
    for (const [role, url] of homes) {
      await signIn(page, demoAccount(role));
      await expect(page).toHaveURL(url);
      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await expect(page).toHaveURL(/\/connexion/);
    }
  });

  test('the English switch translates the login page', async ({ page }) => {
    await page.goto('/connexion');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByLabel('Login')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('button', { name: 'Français' }).click();
    await expect(page.getByLabel('Identifiant')).toBeVisible();
  });
});
