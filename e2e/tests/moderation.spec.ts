import type { Browser } from '@playwright/test';
import { sql } from '../support/database';
import { accessibilityViolations, expect, signIn, test } from '../support/fixtures';
import { DemoAccount, demoAccount, e2eState } from '../support/state';

async function openAs(browser: Browser, account: Pick<DemoAccount, 'login' | 'password'>, path: string) {
  const context = await browser.newContext({ baseURL: e2eState().url, locale: 'fr-FR' });
  const page = await context.newPage();
  await signIn(page, account);
  await page.goto(path);
  return { context, page };
}

test.describe('Modération des signalements', () => {
  test('a report reaches the director and the ERUN live, not another circonscription; « Supprimer » with « Bloquer l\'auteur » acts live', async ({ browser }) => {
    const teacher = demoAccount('TEACHER');
    const pupil = demoAccount('STUDENT');
    const title = `Propos déplacés ${Date.now()}`;
    const director = await openAs(browser, demoAccount('SCHOOL_ADMIN'), '/admin');
    const erun = await openAs(browser, demoAccount('CIRCONSCRIPTION_ADMIN'), '/admin');
    const other = await openAs(browser, demoAccount('OTHER_SCHOOL_ADMIN'), '/admin');
    for (const admin of [director, erun, other]) await expect(admin.page.getByRole('heading', { name: 'Signalements' })).toBeVisible();

    // The teacher publishes; the pupil, on the fil de nouveautés, reports it.
    const author = await openAs(browser, teacher, '/enseignant');
    // The form is folded behind its button, so the newest items stay in view.
    await expect(author.page.getByLabel('Publier auprès de')).toBeHidden();
    await author.page.getByRole('button', { name: 'Publier une actualité' }).click();
    await author.page.getByLabel('Publier auprès de').selectOption({ label: `Classe : ${teacher.scope}` });
    await author.page.getByLabel('Titre').fill(title);
    await author.page.getByLabel('Texte').fill('Un texte à modérer.');
    await author.page.getByRole('button', { name: 'Publier', exact: true }).click();
    await expect(author.page.getByText(/Actualité publiée auprès de/)).toBeVisible();
    await expect(author.page.getByLabel('Publier auprès de')).toBeHidden();
    const reporter = await openAs(browser, pupil, '/accueil');
    const item = reporter.page.getByRole('article').filter({ hasText: title });
    await item.getByRole('button', { name: `Signaler : ${title}` }).click();
    await reporter.page.getByRole('dialog').getByRole('button', { name: 'Signaler', exact: true }).click();
    await expect(item.getByRole('button', { name: /Signalé/ })).toBeVisible();

    // Live on the director's and the ERUN's open dashboards, without reload (delivery times are
    // measured by bench/fanout, not here).
    await expect(director.page.getByText(title).first()).toBeVisible();
    await expect(erun.page.getByText(title).first()).toBeVisible();

    // The admins concerned also read it in their own fil de nouveautés: the reported item's
    // audience, the reporter's name leading to their record, « cliquez ici » to the reports.
    const feed = await erun.context.newPage();
    await feed.goto('/accueil');
    const notice = feed.getByRole('article').filter({ hasText: `Une notification a été signalée par ${pupil.displayName}.` }).first();
    await expect(notice).toContainText(`Publié auprès de : ${teacher.scope}`);
    await expect(notice.getByRole('button', { name: /Signaler/ })).toHaveCount(0);
    await expect(notice.getByRole('link', { name: pupil.displayName })).toHaveAttribute('href', /\/admin\/utilisateurs\/[0-9a-f-]{36}$/);
    await expect(notice.getByText(/Traité par/)).toHaveCount(0);
    expect(await accessibilityViolations(feed)).toEqual([]);
    const reports = await erun.context.newPage();
    await reports.goto('/accueil');
    await reports.getByRole('article').filter({ hasText: `Une notification a été signalée par ${pupil.displayName}.` }).first().getByRole('link', { name: 'cliquez ici' }).click();
    await expect(reports).toHaveURL(/\/admin\/signalements$/);
    await expect(reports.getByText(title).first()).toBeVisible();
    await reports.close();

    // « Supprimer » + « Bloquer l'auteur »: gone from the pupil's open timeline, author blocked.
    await director.page.getByRole('link', { name: 'Traiter les signalements' }).click();
    const card = director.page.getByRole('article').filter({ hasText: title }).or(director.page.locator('li').filter({ hasText: title })).first();
    await card.getByRole('button', { name: /Supprimer/ }).click();
    const dialog = director.page.getByRole('dialog');
    await dialog.getByLabel("Bloquer l'auteur").check();
    expect(await accessibilityViolations(director.page)).toEqual([]);
    await dialog.getByRole('button', { name: /Supprimer/ }).click();
    await expect(director.page.getByText('Notification supprimée de tous les fils et auteur bloqué.')).toBeVisible();
    await expect(reporter.page.getByRole('article').filter({ hasText: title })).toHaveCount(0);
    await expect(erun.page.getByText(title)).toHaveCount(0);
    // The ERUN's open fil de nouveautés says who treated it, live.
    await expect(notice).toContainText(`Traité par ${demoAccount('SCHOOL_ADMIN').displayName} le `);
    await feed.close();
    // Every live event of this journey has reached the ERUN's sockets by now; the other
    // circonscription's director, subscribed just as long, never showed the report.
    await expect(other.page.getByText(title)).toHaveCount(0);
    const blockedTry = await browser.newContext({ baseURL: e2eState().url, locale: 'fr-FR' });
    const blockedPage = await blockedTry.newPage();
    await signIn(blockedPage, teacher);
    await expect(blockedPage.getByRole('alert')).toHaveText("L'identifiant ou le mot de passe est incorrect.");

    // The history keeps it, with the decision, who and when.
    await director.page.getByLabel('État').selectOption({ label: 'Supprimés' });
    const row = director.page.getByRole('row').filter({ hasText: title });
    await expect(row).toContainText('Supprimé');
    await expect(row).toContainText(demoAccount('SCHOOL_ADMIN').displayName);

    // Later journeys sign in as this teacher.
    await sql(`UPDATE app_user SET blocked_at = NULL, blocked_until = NULL, blocked_reason = NULL WHERE login = $1`, [teacher.login]);
    for (const context of [director.context, erun.context, other.context, author.context, reporter.context, blockedTry]) await context.close();
  });
});
