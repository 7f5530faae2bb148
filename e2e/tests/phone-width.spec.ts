import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { accessibilityViolations, expect, signIn, test } from '../support/fixtures';
import { demoAccount, e2eState } from '../support/state';

const PHONE = { width: 390, height: 844 };
const CLIENT_APP = join(__dirname, '../../client/src/app');

/** The paths a routes file declares (its `path: '…'` entries), so that a new admin page is not forgotten here. */
function declaredPaths(file: string): string[] {
  return [...readFileSync(join(CLIENT_APP, file), 'utf8').matchAll(/path:\s*'([^']*)'/g)].map((match) => match[1]);
}

/** Who opens each page, and how its parameters are found: every declared path must be listed. */
const ADMIN_PAGES: Record<string, { as: 'SCHOOL_ADMIN' | 'OPERATOR'; url: (ids: Ids) => string }> = {
  '': { as: 'SCHOOL_ADMIN', url: () => '/admin' },
  utilisateurs: { as: 'SCHOOL_ADMIN', url: () => '/admin/utilisateurs' },
  'utilisateurs/nouveau': { as: 'SCHOOL_ADMIN', url: () => '/admin/utilisateurs/nouveau' },
  'utilisateurs/:id': { as: 'SCHOOL_ADMIN', url: (ids) => `/admin/utilisateurs/${ids.user}` },
  signalements: { as: 'SCHOOL_ADMIN', url: () => '/admin/signalements' },
  'importer-des-utilisateurs': { as: 'SCHOOL_ADMIN', url: () => '/admin/importer-des-utilisateurs' },
  'exporter-des-comptes': { as: 'SCHOOL_ADMIN', url: () => '/admin/exporter-des-comptes' },
  'publipostage-des-comptes': { as: 'SCHOOL_ADMIN', url: () => '/admin/publipostage-des-comptes' },
  courriels: { as: 'OPERATOR', url: () => '/admin/courriels' },
  'tableau-de-bord': { as: 'SCHOOL_ADMIN', url: () => '/admin/tableau-de-bord' },
  'applications-connectees': { as: 'OPERATOR', url: () => '/admin/applications-connectees' },
  developpeurs: { as: 'SCHOOL_ADMIN', url: () => '/admin/developpeurs' },
};
/** « Paramétrage de la classe », reached from the admin home. */
const CLASS_PAGES: Record<string, { as: 'SCHOOL_ADMIN'; url: (ids: Ids) => string }> = {
  ':id': { as: 'SCHOOL_ADMIN', url: (ids) => `/classes/${ids.schoolClass}` },
};

interface Ids {
  user: string;
  schoolClass: string;
}

/** What is wider than the window, for a readable failure: the outermost elements that stick out. */
async function sidewaysScroll(page: Page): Promise<{ scrollWidth: number; clientWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const culprits: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      const box = element.getBoundingClientRect();
      if (box.right <= width + 0.5 || box.width === 0) continue;
      const parent = element.parentElement;
      if (parent && parent !== document.body && parent.getBoundingClientRect().right > width + 0.5) continue;
      const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''}`;
      culprits.push(`${name} (right ${Math.round(box.right)})`);
    }
    return { scrollWidth: root.scrollWidth, clientWidth: width, culprits: culprits.slice(0, 8) };
  });
}

test.describe('Administration on a phone (390 × 844)', () => {
  test('every admin route of the client is visited here', () => {
    expect(declaredPaths('admin/admin.routes.ts').sort()).toEqual(Object.keys(ADMIN_PAGES).sort());
    expect(declaredPaths('classes/classes.routes.ts').sort()).toEqual(Object.keys(CLASS_PAGES).sort());
  });

  /** The ids of a real record and class of the director's école, read once. */
  let ids: Ids;
  test.beforeAll(async ({ browser }) => {
    const context = await browser.newContext({ baseURL: e2eState().url });
    const director = await context.newPage();
    await signIn(director, demoAccount('SCHOOL_ADMIN'));
    await director.goto('/admin/utilisateurs');
    const userHref = await director.locator('a.user-table__link').first().getAttribute('href');
    await director.goto('/admin');
    const classHref = await director.locator('a[href^="/classes/"]').first().getAttribute('href');
    ids = { user: userHref!.split('/').pop()!, schoolClass: classHref!.split('/').pop()! };
    await context.close();
  });

  // One test a page: a failure names it, and none has a dozen pages' scans to fit in its time.
  for (const [path, page] of [...Object.entries(ADMIN_PAGES).map(([path, page]) => [`admin/${path}`, page] as const), ...Object.entries(CLASS_PAGES).map(([path, page]) => [`classes/${path}`, page] as const)]) {
    test(`${path} does not scroll sideways and passes the accessibility rules at that width`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({ baseURL, viewport: PHONE, isMobile: true, hasTouch: true });
      const tab = await context.newPage();
      await signIn(tab, demoAccount(page.as));
      await expect(tab).toHaveURL(/\/admin/);
      await tab.goto(page.url(ids));
      await expect(tab.locator('main h1')).toBeVisible();
      // Pages fill in after their data: wait for the loading texts to go.
      await expect(tab.getByText(/Chargement/).filter({ visible: true })).toHaveCount(0);
      const scroll = await sidewaysScroll(tab);
      expect(scroll.scrollWidth, JSON.stringify(scroll)).toBeLessThanOrEqual(scroll.clientWidth);
      expect(await accessibilityViolations(tab)).toEqual([]);
      await context.close();
    });
  }
});
