import { sql } from '../support/database';
import { accessibilityViolations, expect, signIn, test, untilDownload, waitsForPrinting } from '../support/fixtures';
import { pdfText } from '../support/pdf';
import { demoAccount } from '../support/state';

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const plain = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

test.describe('Ce que les familles lisent', () => {
  test('a first and a last name typed together find the pupil; the parent’s sheet names the child with elision and accented capitals', async ({ page }) => {
    waitsForPrinting();
    const director = demoAccount('SCHOOL_ADMIN');
    // A parent of one child of the director's école whose first name starts with a vowel (« d'… »)
    // and whose last name carries an accent (« É », « Ç »…), from the demo data.
    const [family] = await sql<{ parent_id: string; child_first: string; child_last: string }>(
      `SELECT r.id AS parent_id, c.first_name AS child_first, c.last_name AS child_last
         FROM app_user r
         JOIN relative_link rl ON rl.relative_id = r.id
         JOIN app_user c ON c.id = rl.student_id AND c.predeleted_at IS NULL
         JOIN user_structure us ON us.user_id = c.id JOIN structure s ON s.id = us.structure_id AND s.name = $1
        WHERE r.profile = 'RELATIVE' AND r.predeleted_at IS NULL AND r.blocked_at IS NULL
          AND c.first_name ~ '^[AEIOUYÉÈÊÎÔaeiou]' AND c.last_name ~ '[ÉÈÊËÀÂÎÏÔÇéèêëàâîïôç]'
          AND (SELECT count(*) FROM relative_link x WHERE x.relative_id = r.id) = 1
        ORDER BY r.login LIMIT 1`,
      [director.school],
    );
    expect(family, 'a demo family with an accented last name and a child whose first name starts with a vowel').toBeDefined();
    const childLast = family!.child_last.toLocaleUpperCase('fr-FR');
    await signIn(page, director);

    // « Rechercher un utilisateur »: first name then last name, shortened, without accents or capitals.
    const typed = `${plain(family!.child_first).slice(0, 3)} ${plain(family!.child_last).slice(0, 3)}`;
    await page.getByRole('searchbox', { name: 'Rechercher un utilisateur' }).fill(typed);
    const hit = page.getByRole('link', { name: new RegExp(`${escaped(childLast)} ${escaped(family!.child_first)}`) }).first();
    await expect(hit).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);

    // The parent's « Fiche de connexion individuelle PDF »: « Responsable d'Antoine MÉNARD (classe de …) ».
    await page.goto(`/admin/utilisateurs/${family!.parent_id}`);
    const downloaded = untilDownload(page);
    await page.getByRole('button', { name: 'Fiche de connexion individuelle PDF' }).click();
    const text = pdfText((await (await downloaded).path())!).replace(/\s+/g, ' ');
    expect(text).toMatch(new RegExp(`Responsable d['’]${escaped(family!.child_first)} ${escaped(childLast)} \\(classe de [^)]+\\)`));
    // No lower-case accented letter inside a name written in capitals (« MéNARD »).
    expect(text).not.toMatch(/\b[A-Z]+[éèêëàâîïôç][A-Z]+\b/);
    expect(text).not.toMatch(/L['’]école École/);
  });
});
