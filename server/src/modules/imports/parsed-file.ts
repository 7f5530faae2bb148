import type { Lang } from '../../platform/errors/messages';
import type { FileEncoding } from './file-decoding';
import type { Separator } from './csv-records';

export enum ImportFileKind {
  ONDE_PUPILS = 'ONDE_PUPILS',
  ONDE_GUARDIANS = 'ONDE_GUARDIANS',
  PREAU_PUPILS = 'PREAU_PUPILS',
}

export const kindLabel: Record<ImportFileKind, Record<Lang, string>> = {
  ONDE_PUPILS: { fr: 'ONDE « Élèves »', en: 'ONDE « Élèves »' },
  ONDE_GUARDIANS: { fr: 'ONDE « Responsables »', en: 'ONDE « Responsables »' },
  PREAU_PUPILS: { fr: 'modèle Préau', en: 'Préau template' },
};

/** A message about a line or a file, translated when read (the report is stored, the language is the reader's). */
export interface ImportIssue {
  code: string;
  line?: number;
  params?: Record<string, string | number>;
}

export interface PupilLine {
  line: number;
  /** « Nom élève », the family name. */
  lastName: string;
  /** « Nom d'usage élève », usually empty; shown instead of the family name when present. */
  usageName: string;
  firstName: string;
  birthDate: string | null;
  sex: string;
  ine: string | null;
  externalId: string | null;
  level: string;
  classLabel: string;
  /** « Identifiant classe »: the class key; shared by the pupils of a multi-level class. */
  classId: string | null;
}

export interface ChildRef {
  usageName: string;
  lastName: string;
  firstName: string;
  /** « Classes élèves »: a label, as free text as the pupils' file's. */
  classLabel: string;
  /** Since 2021 (« Date de naissance élève »), the only thing that tells homonyms apart. */
  birthDate: string | null;
}

export interface GuardianLine {
  line: number;
  civility: string;
  lastName: string;
  usageName: string;
  firstName: string;
  email: string | null;
  mobile: string | null;
  /** Postal address on one line (address, postcode, town), for the « même adresse » proposal only. */
  address: string;
  children: ChildRef[];
}

export interface FileDiagnostics {
  fileName: string;
  kind: ImportFileKind;
  encoding: FileEncoding;
  separator: Separator;
  lineEnding: 'CRLF' | 'LF';
  /** Data rows read (the header and the organismes section not counted). */
  rows: number;
  /** Up to three names holding accents, as decoded: « Lefèvre Inès » shows the guess was right. */
  samples: string[];
  /** Columns read, as written in the file. */
  recognisedColumns: string[];
  /** Columns present but not used (listed so nothing is dropped unseen). */
  ignoredColumns: string[];
  /** The guardians' file ended with its « Intitulé;Adresse Organisme » section. */
  footerSkipped: boolean;
  warnings: ImportIssue[];
  errors: ImportIssue[];
}

export interface ParsedFile {
  diagnostics: FileDiagnostics;
  pupils: PupilLine[];
  guardians: GuardianLine[];
}
