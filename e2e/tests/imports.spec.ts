import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { sql } from '../support/database';
import { accessibilityViolations, expect, signIn, test, untilDownload, waitsForPrinting } from '../support/fixtures';
import { pdfPageCount, pdfText, sheetCredentials } from '../support/pdf';
import { demoAccount } from '../support/state';

const PAGE_PATH = '/admin/importer-des-utilisateurs';

/** ONDE « Élèves »: its 22 columns, `" Cycle"` with its leading space; invented names and INE. */
const PUPILS_HEADER =
  "Nom élève;Nom d'usage élève;Prénom élève;Date naissance;Sexe;INE;Adresse1;Cp1;Commune1;Pays1;Adresse2;Cp2;Commune2;Pays2; Cycle;Niveau;Libellé classe;Identifiant classe;Attestation fournie;Autorisation associations;Autorisation photo;Décision de passage";
const pupil = (last: string, first: string, birth: string, ine: string, level: string, className: string, classId: string) =>
  `${last};;${first};${birth};F;${ine};1 rue du Test;26000;Valence;FRANCE;;;;;CYCLE II;${level};${className};${classId};Non;Oui;Oui;`;

/** ONDE « Responsables » (2021 columns): one row per guardian, then the child block. */
const GUARDIANS_HEADER =
  "Civilité Responsable;Nom usage responsable;Nom responsable;Prénom responsable;Adresse responsable;CP responsable;Commune responsable;Pays;Courriel;Téléphone domicile;Téléphone travail;Téléphone portable;Communication adresses;PCS;Nom d'usage élève;Nom de famille élève;Prénom élève;Classes élèves;Date de naissance élève";

/** ONDE writes Windows-1252 with CRLF; these accents are all in Latin-1, whose bytes are the same. */
const ondeFile = (name: string, lines: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1') });

/** A GraphQL call with the page's session. */
async function graphql<T>(page: Page, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await page.request.post('/graphql', { data: { query, variables }, headers: { 'Accept-Language': 'fr' } });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((error) => error.message).join('; ')}`);
  return body.data!;
}

test.describe('Importer des utilisateurs', () => {
  test('an ERUN chooses an école, uploads both ONDE files, decides an « À arbitrer », applies, finds the new accounts and prints their sheets from the one-click publipostage', async ({ page }) => {
    waitsForPrinting();
    const erun = demoAccount('CIRCONSCRIPTION_ADMIN');
    const director = demoAccount('SCHOOL_ADMIN');
    // An école of the ERUN's circonscription that the other journeys (the director's) do not use.
    const [school] = await sql<{ id: string; name: string }>(
      `SELECT s.id, s.name FROM structure s
        WHERE s.kind = 'ECOLE' AND s.name <> $2
          AND s.parent_id IN (SELECT f.structure_id FROM admin_function f JOIN app_user u ON u.id = f.user_id WHERE u.login = $1 AND f.function = 'CIRCONSCRIPTION_ADMIN')
        ORDER BY s.code DESC LIMIT 1`,
      [erun.login, director.school],
    );
    expect(school, "a second école in the ERUN's circonscription").toBeTruthy();

    await signIn(page, erun);
    // Two accounts the file's « HOMONYME Jade » could be: the import asks which.
    for (let i = 0; i < 2; i++) {
      await graphql(page, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
        input: { profile: 'STUDENT', firstName: 'Jade', lastName: 'Homonyme', birthDate: '2018-02-03', schoolId: school.id },
      });
    }

    await page.goto('/admin');
    await page.getByRole('link', { name: 'Importer des utilisateurs' }).click();
    await expect(page).toHaveURL(new RegExp(`${PAGE_PATH}$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Importer des utilisateurs' })).toBeVisible();
    await page.getByLabel('École').selectOption({ label: school.name });
    // For an école outside ONDE, the Préau template is one click away and is served as a CSV.
    const template = page.getByRole('link', { name: 'Télécharger le modèle Préau (CSV)' });
    const templateFile = await page.request.get((await template.getAttribute('href'))!);
    expect(templateFile.status()).toBe(200);
    expect((await templateFile.text()).replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('Nom;Prénom;Date de naissance;Sexe;INE;Niveau;Classe;Identifiant classe;Identifiant externe');
    const pupils = ondeFile('eleves.csv', [
      PUPILS_HEADER,
      pupil('VERCHÈRE', 'Zéphirine', '12/05/2017', '0000009001E', 'CE1', 'CE1 Mme Import', 'E2E-01'),
      pupil('HOMONYME', 'Jade', '03/02/2018', '', 'CP', 'CP M. Import', 'E2E-02'),
      pupil("L'HERMITTE", 'Noël', '2018-07-21', '0000009002E', 'CP', 'CP M. Import', 'E2E-02'),
    ]);
    const guardians = ondeFile('responsables.csv', [
      GUARDIANS_HEADER,
      'Mme;;VERCHÈRE;Anaïs;1 rue du Test;26000;Valence;FRANCE;anais.verchere@example.org;;;06 12 34 56 78;Oui;;;VERCHÈRE;Zéphirine;CE1 Mme Import;12/05/2017',
    ]);
    // Any order: the guardians first.
    await page.getByLabel('Fichiers ONDE « Élèves » et « Responsables »').setInputFiles([guardians, pupils]);
    await expect(page.getByRole('list', { name: 'Fichiers choisis' }).getByRole('listitem')).toHaveCount(2);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: "Simuler l'import" }).click();

    // The report: encoding with accented names, totals per profile, the line with its rule.
    await expect(page.getByRole('status').filter({ hasText: `Rapport de simulation prêt pour ${school.name}` })).toBeVisible();
    await expect(page.getByText('Windows-1252').first()).toBeVisible();
    await expect(page.getByText(/Zéphirine/).first()).toBeVisible();
    const totals = page.getByRole('table', { name: /Totaux par profil/ });
    // Columns: Élèves, Parents.
    await expect(totals.getByRole('row', { name: /^Créés/ }).getByRole('cell')).toHaveText(['2', '1']);
    await expect(totals.getByRole('row', { name: /^À arbitrer/ }).getByRole('cell')).toHaveText(['1', '0']);
    const lines = page.getByRole('table', { name: 'Détail ligne par ligne' });
    await expect(lines.getByRole('row', { name: /VERCHÈRE Zéphirine/ }).first()).toContainText('Nouveau compte');
    expect(await accessibilityViolations(page)).toEqual([]);
    // The same report for a spreadsheet: UTF-8 with BOM, `;`, French headers, the file's names.
    const csvDownload = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Télécharger le rapport (CSV)' }).click();
    const csv = readFileSync((await (await csvDownload).path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvRows = csv.toString('utf8').slice(1).split('\r\n');
    // What the screen shows above the lines (the école, the files, the totals…), then the lines.
    expect(csvRows[0]).toBe(`Rapport d'import;${school.name}`);
    expect(csvRows).toContain("Ce que ferait l'import;Élèves;Parents");
    expect(csvRows.some((row) => /^Fichier;Ligne;Profil;Résultat;Règle appliquée;Nom;Prénom;Classe;/.test(row))).toBe(true);
    expect(csvRows.some((row) => row.includes(';VERCHÈRE;Zéphirine;') && row.includes(';Créé;'))).toBe(true);
    expect(csvRows.some((row) => row.includes(';HOMONYME;Jade;') && row.includes(';À arbitrer;'))).toBe(true);
    // On a phone (390 px) the report does not scroll sideways: its tables scroll inside their own frame.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

    // « Appliquer » is refused while a line is « À arbitrer ».
    await page.getByRole('button', { name: 'Appliquer' }).click();
    await expect(page.getByRole('alert')).toContainText('Lignes encore à arbitrer : 1');
    const decision = page.getByRole('group', { name: /HOMONYME Jade, ligne 3 du fichier eleves\.csv/ });
    await decision.getByRole('radio', { name: /C'est le compte HOMONYME Jade/ }).first().check();

    await page.getByRole('button', { name: 'Appliquer' }).click();
    const dialog = page.getByRole('dialog', { name: "Appliquer l'import ?" });
    await expect(dialog).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Appliquer' }).click();
    const outcome = page.getByRole('region', { name: 'Import appliqué' });
    await expect(outcome).toContainText('Comptes créés : 3');
    await expect(page.getByRole('status').filter({ hasText: "L'import est appliqué." })).toBeVisible();
    // The apply's progress (importProgress) ends full: every step of the apply written.
    const bar = outcome.getByRole('progressbar', { name: "Progression de l'import" });
    const steps = await bar.getAttribute('aria-valuemax');
    expect(Number(steps)).toBeGreaterThan(0);
    await expect(bar).toHaveAttribute('aria-valuenow', steps!);
    await expect(outcome).toContainText(`Import appliqué : ${steps} / ${steps} étapes`);
    expect(await accessibilityViolations(page)).toEqual([]);
    const sessionUrl = page.url();

    // The new pupil and parent are found with « Rechercher un utilisateur ».
    await page.goto('/admin');
    const search = page.getByRole('searchbox', { name: 'Rechercher un utilisateur' });
    await search.fill('Verch');
    await expect(page.getByRole('link', { name: /VERCHÈRE Zéphirine/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /VERCHÈRE Anaïs/ })).toBeVisible();

    // One click from the outcome to « Publipostage des comptes », on exactly the accounts the import created.
    await page.goto(sessionUrl);
    await expect(outcome).toContainText('Marqués « Absent du fichier » : 0');
    await page.getByRole('link', { name: 'Imprimer les fiches des comptes créés' }).click();
    await expect(page).toHaveURL(new RegExp(`publipostage-des-comptes\\?.*ecole=${school.id}`));
    const importId = new URL(sessionUrl).searchParams.get('simulation');
    await expect(page).toHaveURL(new RegExp(`import=${importId}`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Publipostage des comptes');
    await expect(page.getByText("Seuls les comptes créés par l'import sont sélectionnés.")).toBeVisible();
    // The two « HOMONYME Jade » made before are the école's too, not the import's: 3, not 5.
    await expect(page.getByText('3 comptes sélectionnés au total')).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
    const created = await sql<{ login: string }>(
      `SELECT u.login FROM app_user u JOIN user_structure us ON us.user_id = u.id
        WHERE us.structure_id = $1 AND u.source = 'ONDE_CSV' ORDER BY u.search_last COLLATE "C", u.search_first COLLATE "C", u.id`,
      [school.id],
    );
    expect(created.map((account) => account.login).sort()).toEqual(['anais.verchere', 'noel.lhermitte', 'zephirine.verchere']);
    const downloaded = untilDownload(page);
    await page.getByRole('button', { name: 'Générer en PDF' }).click();
    const file = (await (await downloaded).path())!;
    expect(pdfPageCount(file)).toBe(3);
    // Alphabetical, as the publipostage sorts by default: the sheets of those three accounts and no other.
    expect(sheetCredentials(pdfText(file)).identifiers).toEqual(created.map((account) => account.login));
    expect(sheetCredentials(pdfText(file)).codes).toHaveLength(3);

    // « Voir tous les comptes » leaves the import's selection.
    await page.getByRole('button', { name: 'Voir tous les comptes' }).click();
    await expect(page).not.toHaveURL(/import=/);
    await expect(page.getByText("Seuls les comptes créés par l'import sont sélectionnés.")).toBeHidden();
  });
});
