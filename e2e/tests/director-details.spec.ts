import type { Page } from '@playwright/test';
import { accessibilityViolations, expect, signIn, test } from '../support/fixtures';
import { demoAccount } from '../support/state';

/** The « Rechercher » fields whose content box is narrower than their placeholder (what the director sees cut). */
async function cutSearchFields(page: Page): Promise<string[]> {
  return page.locator('input[type="search"][placeholder]').evaluateAll((inputs) => {
    const context = document.createElement('canvas').getContext('2d')!;
    return (inputs as HTMLInputElement[])
      .filter((input) => {
        const style = getComputedStyle(input);
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return context.measureText(input.placeholder).width > room;
      })
      .map((input) => `${input.id} (${input.clientWidth} px)`);
  });
}

test.describe('Details a director sees', () => {
  test('the French header holds on one line at 1366 px', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, demoAccount('SCHOOL_ADMIN'));
    await expect(page).toHaveURL(/\/admin/);
    await expect(page.locator('.site-header__user')).toBeVisible();
    const boxes = await page.locator('.site-header__brand, .site-header__nav a, .site-header__tools > *').evaluateAll((elements) =>
      elements.map((element) => {
        const box = element.getBoundingClientRect();
        return { text: element.textContent?.trim(), top: box.top, bottom: box.bottom };
      }),
    );
    // One row: every item overlaps every other vertically.
    const lowestTop = Math.max(...boxes.map((box) => box.top));
    const highestBottom = Math.min(...boxes.map((box) => box.bottom));
    expect(lowestTop, JSON.stringify(boxes)).toBeLessThan(highestBottom);
  });

  test('« Ajouter une classe » starts with no class chosen, and says so when « Ajouter » is pressed', async ({ page }) => {
    const teacher = demoAccount('TEACHER');
    await signIn(page, demoAccount('SCHOOL_ADMIN'));
    await page.goto('/admin/utilisateurs');
    await page.getByLabel('Rechercher par login').fill(teacher.login);
    await expect(page.locator('a.user-table__link')).toHaveCount(1);
    await page.locator('a.user-table__link').click();
    const classes = page.locator('section[aria-labelledby="record-classes-title"]');
    const add = page.getByRole('button', { name: 'Ajouter une classe' });
    await expect(add).toBeVisible();
    const before = await classes.locator('li').count();
    await add.click();
    const select = page.getByLabel('Classe', { exact: true });
    await expect(select.locator('option').nth(1)).toBeAttached();
    await expect(select).toHaveValue('');
    await expect(select.locator('option:checked')).toHaveText('Choisir une classe');
    await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText('Choisissez la classe à ajouter.');
    await expect(select).toBeFocused();
    await expect(classes.locator('li')).toHaveCount(before);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  for (const width of [1366, 390]) {
    test(`the publipostage column searches show their whole placeholder at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 844 });
      await signIn(page, demoAccount('SCHOOL_ADMIN'));
      await page.goto('/admin/publipostage-des-comptes');
      await expect(page.locator('#mailing-table tbody tr').first()).toBeVisible();
      await expect(page.locator('#mailing-table input[type="search"]')).toHaveCount(4);
      expect(await cutSearchFields(page)).toEqual([]);
    });
  }

  test('the class tiles of the admin home show their levels', async ({ page }) => {
    await signIn(page, demoAccount('SCHOOL_ADMIN'));
    const tiles = page.locator('.school-classes__list li');
    await expect(tiles.first()).toBeVisible();
    for (const tile of await tiles.all()) await expect(tile).toContainText(/Niveaux : (TPS|PS|MS|GS|CP|CE1|CE2|CM1|CM2)/);
  });
});
