import { AppError } from '../../platform/errors/app-error';
import type { Lang } from '../../platform/errors/messages';
import { singularFor } from '../../platform/text/french';

/** A line named as the admin saw it: who is on it, its number, its file when the report has it. */
function lineOf(profile: string, line: number, file: string | null): Record<Lang, string> {
  const inFile = { fr: file ? ` du fichier « ${file} »` : '', en: file ? ` of « ${file} »` : '' };
  const who: Record<Lang, string> =
    profile === 'STUDENT' ? { fr: "l'élève de la ", en: 'the pupil on ' } : profile === 'RELATIVE' ? { fr: 'le responsable de la ', en: 'the guardian on ' } : { fr: 'la ', en: '' };
  return { fr: `${who.fr}ligne ${line}${inFile.fr}`, en: `${who.en}line ${line}${inFile.en}` };
}

/** « Appliquer » refused, in both languages; nothing was written. */
export const applyRefusal = {
  stale: () =>
    new AppError('IMPORT_STALE', {
      fr: "Le rapport n'est plus à jour : des comptes, classes ou liens de l'école ont changé depuis la simulation. Relancez la simulation avec les mêmes fichiers.",
      en: "The report is out of date: accounts, classes or links of the école changed since the dry run. Run the dry run again with the same files.",
    }),
  unresolved: (lines: string) =>
    new AppError('IMPORT_UNRESOLVED', {
      fr: `Des lignes sont « À arbitrer » : choisissez pour chacune le compte existant ou « créer un nouveau compte » (${lines}).`,
      en: `Some lines are « À arbitrer »: choose for each the existing account or « create a new account » (${lines}).`,
    }),
  badResolution: (profile: string, line: number, file: string | null) => {
    const where = lineOf(profile, line, file);
    return new AppError('IMPORT_RESOLUTION_INVALID', {
      fr: `Le choix pour ${where.fr} ne correspond à aucun des comptes proposés par le rapport.`,
      en: `The choice for ${where.en} is none of the accounts the report proposes.`,
    });
  },
  confirmLeavers: (count: number) =>
    new AppError('IMPORT_CONFIRM_LEAVERS', {
      fr:
        singularFor(count)
          ? `${count} compte sera marqué « Absent du fichier » : saisissez ce nombre (${count}) pour confirmer.`
          : `${count} comptes seront marqués « Absent du fichier » : saisissez ce nombre (${count}) pour confirmer.`,
      en:
        count === 1
          ? `${count} account will be marked « Absent du fichier »: type that number (${count}) to confirm.`
          : `${count} accounts will be marked « Absent du fichier »: type that number (${count}) to confirm.`,
    }),
};
