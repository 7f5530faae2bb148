import { sql } from '../support/database';
import { accessibilityViolations, expect, signIn, test } from '../support/fixtures';
import { demoAccount, e2eState } from '../support/state';

const XSS = '<img src=x onerror="window.__xss = 1"><script>window.__xss = 2</script>';

test.describe('Espace utilisateur', () => {
  test('a teacher publishes to a class; its pupil sees it live, another class does not; the pupil reports it once', async ({ page, browser }) => {
    const teacher = demoAccount('TEACHER');
    const pupil = demoAccount('STUDENT');
    const [other] = await sql<{ login: string }>(
      `SELECT u.login FROM app_user u JOIN class_member m ON m.user_id = u.id JOIN school_class c ON c.id = m.class_id
         JOIN structure s ON s.id = c.school_id AND s.name = $1
        WHERE u.profile = 'STUDENT' AND u.password_hash IS NOT NULL AND u.blocked_at IS NULL AND c.name <> $2 ORDER BY u.login LIMIT 1`,
      [teacher.school, teacher.scope],
    );
    const open = async (login: string) => {
      const context = await browser.newContext({ baseURL: e2eState().url, locale: 'fr-FR' });
      const tab = await context.newPage();
      tab.on('dialog', () => {
        throw new Error('a script ran');
      });
      await signIn(tab, { login, password: pupil.password });
      await expect(tab.getByRole('heading', { name: 'Fil de nouveautés' })).toBeVisible();
      return { context, tab };
    };
    const pupilTab = await open(pupil.login);
    const otherTab = await open(other.login);

    await signIn(page, teacher);
    await expect(page).toHaveURL(/\/enseignant/);
    const title = `Sortie au musée ${Date.now()}`;
    // The first item is in view: « Publier une actualité » is a button until asked for.
    await expect(page.getByLabel('Publier auprès de')).toBeHidden();
    await page.getByRole('button', { name: 'Publier une actualité' }).click();
    await expect(page.getByLabel('Publier auprès de')).toBeFocused();
    await page.getByLabel('Publier auprès de').selectOption({ label: `Classe : ${teacher.scope}` });
    await page.getByLabel('Titre').fill(title);
    await page.getByLabel('Texte').fill(`Rendez-vous à 9 h.\n${XSS}`);
    await page.getByLabel('Lien (facultatif)').fill('https://musee.example.org/visite');
    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    await expect(page.getByText(/Actualité publiée auprès de \d+ personnes\./)).toBeVisible();

    // Live, without reload, for the pupil of the class — as text.
    const item = pupilTab.tab.getByRole('article').filter({ hasText: title });
    await expect(item).toBeVisible();
    await expect(item).toContainText(XSS);
    expect(await pupilTab.tab.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await accessibilityViolations(pupilTab.tab)).toEqual([]);
    // A pupil publishes to their class only: the école is not offered (the server refuses it too).
    await pupilTab.tab.getByRole('button', { name: 'Publier une actualité' }).click();
    const audiences = await pupilTab.tab.getByLabel('Publier auprès de').locator('option').allTextContents();
    expect(audiences.length).toBeGreaterThan(0);
    expect(audiences.every((label) => label.startsWith('Classe : '))).toBe(true);
    expect(await accessibilityViolations(pupilTab.tab)).toEqual([]);
    await pupilTab.tab.getByRole('button', { name: 'Fermer le formulaire' }).click();
    await expect(pupilTab.tab.getByRole('button', { name: 'Publier une actualité' })).toBeFocused();

    // « Signaler », confirmed, once.
    await item.getByRole('button', { name: `Signaler : ${title}` }).click();
    const dialog = pupilTab.tab.getByRole('dialog');
    await expect(dialog).toContainText("L'heure et l'origine du signalement sont enregistrées et transmises à un référent ENT.");
    await dialog.getByRole('button', { name: 'Signaler', exact: true }).click();
    await expect(item.getByRole('button', { name: /Signalé/ })).toHaveAttribute('aria-disabled', 'true');
    await pupilTab.tab.reload();
    await expect(pupilTab.tab.getByRole('article').filter({ hasText: title }).getByRole('button', { name: /Signalé/ })).toHaveAttribute('aria-disabled', 'true');
    // Not for a pupil of another class: the live event went to the pupil of the class long ago,
    // and it went to both sockets in the same pass.
    await expect(otherTab.tab.getByText(title)).toHaveCount(0);
    await pupilTab.context.close();
    await otherTab.context.close();
  });

  test("a parent writes to their child's teacher, whose unread count rises live; a blocked recipient is refused", async ({ page, browser }) => {
    const parent = demoAccount('RELATIVE');
    const teacher = demoAccount('TEACHER');
    const teacherContext = await browser.newContext({ baseURL: e2eState().url, locale: 'fr-FR' });
    const teacherTab = await teacherContext.newPage();
    teacherTab.on('dialog', () => {
      throw new Error('a script ran');
    });
    await signIn(teacherTab, teacher);
    await expect(teacherTab.getByRole('link', { name: /^Messagerie/ })).toBeVisible();
    const before = (await teacherTab.getByRole('link', { name: /^Messagerie/ }).textContent()) ?? '';
    const unreadBefore = Number(before.match(/\((\d+)/)?.[1] ?? 0);

    await signIn(page, parent);
    await page.getByRole('link', { name: /^Messagerie/ }).click();
    await expect(page.getByRole('heading', { name: 'Messagerie', level: 1 })).toBeVisible();
    const [lastName] = teacher.displayName.split(' ');
    await page.getByLabel('Destinataires', { exact: true }).fill(lastName.slice(0, 3).toLowerCase());
    await page.getByRole('button', { name: new RegExp(`Ajouter.*${teacher.displayName}`) }).click();
    await page.getByLabel('Message', { exact: true }).fill(`Bonjour, Aaron sera absent demain. ${XSS}`);
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await expect(page.getByText('Message envoyé.')).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);

    // The teacher's counter rises without reload; the message reads as text.
    await expect(teacherTab.getByRole('link', { name: /^Messagerie/ })).toContainText(`(${unreadBefore + 1} non lu`, { timeout: 3000 });
    await teacherTab.getByRole('link', { name: /^Messagerie/ }).click();
    await expect(teacherTab.getByText(`Bonjour, Aaron sera absent demain. ${XSS}`)).toBeVisible();
    expect(await teacherTab.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    // Someone chosen, then blocked before sending: nobody receives the message.
    const [staff] = await sql<{ id: string; first_name: string; last_name: string }>(
      `SELECT u.id, u.first_name, u.last_name FROM app_user u JOIN user_structure us ON us.user_id = u.id
         JOIN structure s ON s.id = us.structure_id AND s.name = $1
        WHERE u.profile = 'PERSONNEL' AND u.blocked_at IS NULL ORDER BY u.login LIMIT 1`,
      [parent.school],
    );
    const staffName = `${staff.last_name.toUpperCase()} ${staff.first_name}`;
    await page.getByLabel('Destinataires', { exact: true }).fill(staff.last_name.slice(0, 3).toLowerCase());
    await page.getByRole('button', { name: new RegExp(`Ajouter.*${staffName}`) }).click();
    await page.getByLabel('Destinataires', { exact: true }).fill(lastName.slice(0, 3).toLowerCase());
    await page.getByRole('button', { name: new RegExp(`Ajouter.*${teacher.displayName}`) }).click();
    await sql(`UPDATE app_user SET blocked_at = now() WHERE id = $1`, [staff.id]);
    const sentBefore = (await sql<{ n: number }>('SELECT count(*)::int AS n FROM message'))[0].n;
    await page.getByLabel('Message', { exact: true }).fill('Message aux deux');
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await expect(page.getByText("Un des destinataires a un compte bloqué : on ne peut pas lui écrire. Le message n'a été envoyé à personne.").first()).toBeVisible();
    expect((await sql<{ n: number }>('SELECT count(*)::int AS n FROM message'))[0].n).toBe(sentBefore);
    await sql(`UPDATE app_user SET blocked_at = NULL WHERE id = $1`, [staff.id]);
    await teacherContext.close();
  });
});
