import type { Page } from '@playwright/test';
import { accessibilityViolations, expect, signIn, test } from '../support/fixtures';
import { demoAccount, e2eState } from '../support/state';

interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A call as the integrator's software makes it: no cookie, `Authorization: Bearer <token>`. */
async function withToken(token: string, query: string): Promise<Answer> {
  const response = await fetch(`${e2eState().url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
}
/** One point of the client's bucket: enough to know whether the token is honoured. */
const PROBE = '{ rateLimit { remaining } }';
const refused = (answer: Answer) => answer.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED';

/** The token shown once in the panel, after checking that « Copier le jeton » puts that very text in the clipboard. */
async function copiedToken(page: Page): Promise<string> {
  const panel = page.locator('.api-token');
  await expect(panel).toBeFocused();
  const token = await panel.getByLabel('Jeton', { exact: true }).inputValue();
  expect(token).toMatch(/^preau_[0-9A-Za-z]{49}$/);
  await panel.getByRole('button', { name: 'Copier le jeton' }).click();
  await expect(panel.getByRole('status')).toHaveText('Jeton copié dans le presse-papiers.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  return token;
}

test.describe('« Applications connectées »', () => {
  test('a département admin creates a client, its token answers /graphql, is rotated (the old one kept 24 h), then revoked and refused', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await signIn(page, demoAccount('DEPARTEMENT_ADMIN'));
    await expect(page).toHaveURL(/\/admin/);
    await page.getByRole('link', { name: 'Gérer les applications connectées' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Applications connectées' })).toBeVisible();

    // The form opens with the focus in its first field; a submit with nothing filled names every field.
    await page.getByRole('button', { name: 'Créer un client API' }).click();
    await expect(page.getByLabel("Nom de l'application")).toBeFocused();
    await page.getByRole('button', { name: 'Créer le client et son jeton' }).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Choisissez au moins une portée.');

    const name = `Vie scolaire ${Date.now().toString(36)}`;
    await page.getByLabel("Nom de l'application").fill(name);
    await page.getByLabel('Usage des données').fill("Appel et absences, synchronisés chaque nuit avec le logiciel de vie scolaire.");
    const structure = page.getByLabel('Structure atteinte');
    const firstSchool = structure.locator('optgroup[label="Écoles"] option').first();
    await structure.selectOption((await firstSchool.getAttribute('value'))!);
    await page.getByRole('checkbox', { name: /^structures:read/ }).check();
    // contacts:read is the operator's to grant: a département admin is not offered it.
    await expect(page.getByRole('checkbox', { name: /^contacts:read/ })).toHaveCount(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Créer le client et son jeton' }).click();

    const token = await copiedToken(page);
    await expect(page.getByRole('heading', { level: 2, name: `Jeton de « ${name} »` })).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
    const card = page.locator('article.api-client', { has: page.getByRole('heading', { level: 3, name }) });
    await expect(card.getByText('Actif', { exact: true })).toBeVisible();

    // The software uses it: the école's structures, through the token's subtree and scope.
    const structures = await withToken(token, '{ structures(first: 10) { id name } }');
    expect(structures.errors).toBeUndefined();
    expect((structures.data!.structures as { name: string }[]).length).toBeGreaterThan(0);
    await page.getByRole('button', { name: "J'ai copié le jeton" }).click();
    await expect(page.getByRole('status').filter({ hasText: "Le jeton n'est plus affiché." })).toBeFocused();
    await expect(page.locator('.api-token')).toHaveCount(0);

    // Rotate: the dialog says the old token stays 24 hours; both work afterwards.
    await card.getByRole('button', { name: `Renouveler le jeton — ${name}` }).click();
    const rotateDialog = page.getByRole('dialog', { name: `Renouveler le jeton de « ${name} » ?` });
    await expect(rotateDialog).toContainText("L'ancien reste valable 24 heures");
    await expect(rotateDialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
    await rotateDialog.getByRole('button', { name: 'Renouveler le jeton' }).click();
    const rotated = await copiedToken(page);
    expect(rotated).not.toBe(token);
    await expect(page.locator('.api-token')).toContainText("L'ancien jeton reste valable jusqu'au");
    await expect(card).toContainText('encore valable jusqu');
    expect((await withToken(rotated, PROBE)).errors).toBeUndefined();
    expect((await withToken(token, PROBE)).errors).toBeUndefined();

    // Revoke, behind a confirmation: Échap first leaves everything as it was.
    await card.getByRole('button', { name: `Révoquer — ${name}` }).click();
    const revokeDialog = page.getByRole('dialog', { name: `Révoquer « ${name} » ?` });
    await expect(revokeDialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(revokeDialog).toHaveCount(0);
    expect((await withToken(rotated, PROBE)).errors).toBeUndefined();
    await card.getByRole('button', { name: `Révoquer — ${name}` }).click();
    await revokeDialog.getByRole('button', { name: 'Révoquer' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Le client API « ${name} » est révoqué` })).toBeFocused();
    await expect(card.getByText('Révoqué', { exact: true })).toBeVisible();
    await expect(card.getByRole('button', { name: /Révoquer/ })).toHaveCount(0);

    // Refused at once, the new token and the one still in its grace alike.
    expect(refused(await withToken(rotated, PROBE))).toBe(true);
    expect(refused(await withToken(token, PROBE))).toBe(true);
  });

  test("a director has no « Applications connectées »: no link, the address leads back to the console, the API answers FORBIDDEN", async ({ page }) => {
    await signIn(page, demoAccount('SCHOOL_ADMIN'));
    await expect(page).toHaveURL(/\/admin/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Gérer les applications connectées' })).toHaveCount(0);
    await page.goto('/admin/applications-connectees');
    await expect(page).toHaveURL(/\/admin$/);
    const answer = await page.evaluate(async () => {
      const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ apiClients { id name } }' }) });
      return (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    });
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

test.describe('« Développeurs »', () => {
  test('documents tokens, scopes, limits, events and errors, and links to the published schema', async ({ page }) => {
    await signIn(page, demoAccount('DEPARTEMENT_ADMIN'));
    await expect(page).toHaveURL(/\/admin/);
    await page.getByRole('link', { name: 'Documentation pour les développeurs' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Développeurs' })).toBeVisible();
    for (const title of ['Obtenir et envoyer un jeton', 'Portées et données personnelles', 'Limites et coût', 'Suivre les changements', 'Erreurs', 'Exemples', 'Le schéma']) {
      await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
    }
    // Every scope a client may be given has its line.
    await expect(page.getByRole('table', { name: "Portées d'un jeton et ce qu'elles donnent" }).locator('tbody tr')).toHaveCount(13);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Ouvrir le schéma (schema.graphql)' }).click();
    await expect(page).toHaveURL(/\/schema\.graphql$/);
    await expect(page.locator('body')).toContainText('rotateApiClientToken(');
  });
});
