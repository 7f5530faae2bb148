import { AppError } from '../../platform/errors/app-error';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_FILE_ROWS = 20_000;

/** A file the import will not read, said in both languages; the HTTP route answers 400 with it. */
function refusal(code: string, fr: string, en: string): AppError {
  return new AppError(code, { fr, en });
}

export const refuse = {
  empty: (file: string) => refusal('IMPORT_FILE_EMPTY', `Le fichier « ${file} » est vide.`, `The file "${file}" is empty.`),
  binary: (file: string) =>
    refusal(
      'IMPORT_FILE_BINARY',
      `Le fichier « ${file} » n'est pas un fichier texte CSV (tableur enregistré en .xlsx ou .ods ?). Dans ONDE, choisissez « Extraction format CSV ».`,
      `The file "${file}" is not a CSV text file (a spreadsheet saved as .xlsx or .ods?). In ONDE, choose « Extraction format CSV ».`,
    ),
  tooLarge: (file: string) =>
    refusal('IMPORT_FILE_TOO_LARGE', `Le fichier « ${file} » dépasse 5 Mo.`, `The file "${file}" is over 5 MB.`),
  tooManyRows: (file: string) =>
    refusal(
      'IMPORT_FILE_TOO_MANY_ROWS',
      `Le fichier « ${file} » compte plus de 20 000 lignes : importez une école à la fois.`,
      `The file "${file}" has more than 20,000 rows: import one école at a time.`,
    ),
  unknownKind: (file: string) =>
    refusal(
      'IMPORT_FILE_KIND',
      `Le fichier « ${file} » n'est ni une extraction ONDE « Élèves » ou « Responsables », ni le modèle Préau : sa première ligne doit porter les noms de colonnes.`,
      `The file "${file}" is neither an ONDE « Élèves » or « Responsables » extraction nor the Préau template: its first line must hold the column names.`,
    ),
  missingColumns: (file: string, kind: string, columns: string[]) =>
    refusal(
      'IMPORT_FILE_COLUMNS',
      `Le fichier « ${file} » (${kind}) n'a pas la ou les colonnes obligatoires : ${columns.join(', ')}.`,
      `The file "${file}" (${kind}) lacks the required column(s): ${columns.join(', ')}.`,
    ),
  unreadable: (file: string, detail: string) =>
    refusal('IMPORT_FILE_UNREADABLE', `Le fichier « ${file} » est illisible : ${detail}.`, `The file "${file}" cannot be read: ${detail}.`),
  noFile: () => refusal('IMPORT_NO_FILE', 'Aucun fichier reçu.', 'No file received.'),
  tooManyFiles: () =>
    refusal('IMPORT_TOO_MANY_FILES', "Déposez au plus deux fichiers : les élèves et les responsables d'une école.", 'Drop at most two files: the pupils and the guardians of one école.'),
  sameKindTwice: (kind: string) =>
    refusal('IMPORT_SAME_KIND_TWICE', `Deux fichiers du même type (${kind}) : déposez-en un seul.`, `Two files of the same kind (${kind}): drop only one.`),
};
