import type { Page } from '@playwright/test';
import { accessibilityViolations, expect, signIn, test } from '../support/fixtures';
import { demoAccount } from '../support/state';

/** Opens `path` and waits until its live connection is acknowledged (the header's unread count holds one). */
async function openWithLiveConnection(page: Page, path: string): Promise<void> {
  const acknowledged = new Promise<void>((resolve) => {
    page.on('websocket', (socket) => {
      if (!socket.url().endsWith('/graphql')) return;
      socket.on('framereceived', (frame) => {
        if (String(frame.payload).includes('connection_ack')) resolve();
      });
    });
  });
  await page.goto(path);
  await acknowledged;
}

test.describe('Session fermée ailleurs', () => {
  test('the open page says so, goes to sign-in, and gives back what was being typed after signing in again', async ({ browser, baseURL }) => {
    const director = demoAccount('SCHOOL_ADMIN');
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await signIn(page, director);
    await openWithLiveConnection(page, '/messages');
    const draft = 'Bonjour à toutes et à tous,\nla sortie au musée est reportée au jeudi.';
    const body = page.getByRole('textbox', { name: 'Message', exact: true });
    await body.fill(draft);

    // The same session signed out from another window (same cookie): the server closes its sockets (4401).
    const elsewhere = await browser.newContext({ baseURL, storageState: await context.storageState() });
    const logout = await elsewhere.request.post('/graphql', { data: { query: 'mutation Logout { logout }' } });
    expect((await logout.json()).data).toEqual({ logout: true });
    await elsewhere.close();

    await expect(page).toHaveURL(/\/connexion\?retour=%2Fmessages/);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Votre session a été fermée');
    await expect(alert.getByRole('textbox', { name: 'Message', exact: true })).toHaveValue(draft);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Identifiant').fill(director.login);
    await page.getByLabel('Mot de passe', { exact: true }).fill(director.password!);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page).toHaveURL(/\/messages$/);
    await expect(page.getByRole('textbox', { name: 'Message', exact: true })).toHaveValue(draft);
    await context.close();
  });

  test('in English, the sign-in page says « Your session was closed »', async ({ browser, baseURL }) => {
    const director = demoAccount('SCHOOL_ADMIN');
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await signIn(page, director);
    await page.evaluate(() => localStorage.setItem('preau.language', 'en'));
    await openWithLiveConnection(page, '/admin');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const logout = await context.request.post('/graphql', { data: { query: 'mutation Logout { logout }' } });
    expect((await logout.json()).data).toEqual({ logout: true });
    await expect(page).toHaveURL(/\/connexion/);
    await expect(page.getByRole('alert')).toContainText('Your session was closed');
    await context.close();
  });
});
