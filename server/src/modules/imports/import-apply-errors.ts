import { AppError } from '../../platform/errors/app-error';

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
  badResolution: (line: string) =>
    new AppError('IMPORT_RESOLUTION_INVALID', {
      fr: `Le choix pour ${line} ne correspond à aucun des comptes proposés par le rapport.`,
      en: `The choice for ${line} is none of the accounts the report proposes.`,
    }),
  confirmLeavers: (count: number) =>
    new AppError('IMPORT_CONFIRM_LEAVERS', {
      fr: `${count} comptes seront marqués « Absent du fichier » : saisissez ce nombre (${count}) pour confirmer.`,
      en: `${count} accounts will be marked « Absent du fichier »: type that number (${count}) to confirm.`,
    }),
};
