import { AppError } from '../../platform/errors/app-error';
import { kindLabel, type ImportFileKind } from './parsed-file';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_FILE_ROWS = 20_000;
const MEGABYTES = MAX_FILE_BYTES / (1024 * 1024);

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
    refusal('IMPORT_FILE_TOO_LARGE', `Le fichier « ${file} » dépasse ${MEGABYTES} Mo.`, `The file "${file}" is over ${MEGABYTES} MB.`),
  /** The whole upload, before its files are told apart: two files at their limit and no more. */
  uploadTooLarge: () =>
    refusal(
      'IMPORT_FILE_TOO_LARGE',
      `L'envoi dépasse ${2 * MEGABYTES} Mo : déposez deux fichiers de ${MEGABYTES} Mo au plus.`,
      `The upload is over ${2 * MEGABYTES} MB: drop two files of at most ${MEGABYTES} MB each.`,
    ),
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
  missingColumns: (file: string, kind: ImportFileKind, columns: string[]) =>
    refusal(
      'IMPORT_FILE_COLUMNS',
      columns.length === 1
        ? `Le fichier « ${file} » (${kindLabel[kind].fr}) n'a pas la colonne obligatoire : ${columns[0]}.`
        : `Le fichier « ${file} » (${kindLabel[kind].fr}) n'a pas les colonnes obligatoires : ${columns.join(', ')}.`,
      columns.length === 1
        ? `The file "${file}" (${kindLabel[kind].en}) lacks the required column: ${columns[0]}.`
        : `The file "${file}" (${kindLabel[kind].en}) lacks the required columns: ${columns.join(', ')}.`,
    ),
  /** csv-parse's own message is English and names its internals: only its line is kept. */
  unreadable: (file: string, line: number | null) =>
    refusal(
      'IMPORT_FILE_UNREADABLE',
      `Le fichier « ${file} » est illisible : le format CSV n'est pas respecté${line ? ` à la ligne ${line}` : ''}.`,
      `The file "${file}" cannot be read: it is not valid CSV${line ? ` at line ${line}` : ''}.`,
    ),
  /** csv-parse says where the file ended; the quote was opened after the last line read whole. */
  unclosedQuote: (file: string, afterLine: number) =>
    refusal(
      'IMPORT_FILE_UNREADABLE',
      `Le fichier « ${file} » est illisible : un guillemet (") ouvert après la ligne ${afterLine} n'est jamais refermé.`,
      `The file "${file}" cannot be read: a quote (") opened after line ${afterLine} is never closed.`,
    ),
  badUpload: () =>
    refusal(
      'IMPORT_FILE_UNREADABLE',
      "L'envoi est illisible : ce n'est pas un formulaire multipart/form-data valide.",
      'The upload cannot be read: it is not valid multipart/form-data.',
    ),
  noFile: () => refusal('IMPORT_NO_FILE', 'Aucun fichier reçu.', 'No file received.'),
  tooManyFiles: () =>
    refusal('IMPORT_TOO_MANY_FILES', "Déposez au plus deux fichiers : les élèves et les responsables d'une école.", 'Drop at most two files: the pupils and the guardians of one école.'),
  /** The kinds of the two files that fill one role (the pupils' or the guardians'), as read. */
  sameKindTwice: (kinds: ImportFileKind[]) => {
    const [first, second = first] = kinds;
    if (first === second) {
      const label = kindLabel[first];
      return refusal('IMPORT_SAME_KIND_TWICE', `Deux fichiers du même type (${label.fr}) : déposez-en un seul.`, `Two files of the same kind (${label.en}): drop only one.`);
    }
    return refusal(
      'IMPORT_SAME_KIND_TWICE',
      `Deux fichiers des élèves (${kindLabel[first].fr} et ${kindLabel[second].fr}) : déposez-en un seul.`,
      `Two pupils' files (${kindLabel[first].en} and ${kindLabel[second].en}): drop only one.`,
    );
  },
};
