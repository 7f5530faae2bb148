import AxeBuilder from '@axe-core/playwright';
import { expect, Page, test as base } from '@playwright/test';
import { DemoAccount, e2eState } from './state';

/** Signs in through the login page, as a person would. */
export async function signIn(page: Page, account: Pick<DemoAccount, 'login' | 'password'>): Promise<void> {
  await page.goto('/connexion');
  await page.getByLabel('Identifiant').fill(account.login);
  await page.getByLabel('Mot de passe').fill(account.password ?? '');
  // Wait for the server's answer, so that a test navigating right after does not race the cookie.
  const answered = page.waitForResponse((response) => response.url().endsWith('/graphql') && !!response.request().postData()?.includes('login('));
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await answered;
}

/** WCAG 2.1 A and AA rules on the current page; returns the violations (expect them to be []). */
export async function accessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((violation) => ({ id: violation.id, nodes: violation.nodes.map((node) => node.target.join(' ')) }));
}

/**
 * For a journey that prints sheets: no time budget of its own. It waits for the download event
 * (`untilDownload`), however long Chromium takes to print on a loaded machine; a run that hangs is
 * stopped by the configuration's `globalTimeout`.
 */
export function waitsForPrinting(): void {
  test.setTimeout(0);
}

/** The next download of the page, waited for as an event, without a time limit of its own. */
export function untilDownload(page: Page) {
  return page.waitForEvent('download', { timeout: 0 });
}

export const test = base.extend({
  baseURL: async ({}, use) => {
    await use(e2eState().url);
  },
});

export { expect };
