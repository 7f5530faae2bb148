import type { FileDiagnostics, ImportIssue } from './parsed-file';

export type ReportProfile = 'STUDENT' | 'RELATIVE';

export enum LineOperation {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  UNCHANGED = 'UNCHANGED',
  /** A pupil whose INE belongs to another école's account: that account moves, login and password kept. */
  TRANSFER = 'TRANSFER',
  /** Two accounts (or two lines) could be this person: the admin decides before applying. */
  ARBITRATE = 'ARBITRATE',
  /** An account of the école that the file does not list. */
  ABSENT = 'ABSENT',
  ERROR = 'ERROR',
}

export enum MatchRule {
  INE = 'INE',
  EXTERNAL_ID = 'EXTERNAL_ID',
  NAME_BIRTH_DATE = 'NAME_BIRTH_DATE',
  /** A guardian already linked to one of the row's children, with the same name. */
  SHARED_CHILD = 'SHARED_CHILD',
  NAME_EMAIL = 'NAME_EMAIL',
  NAME_MOBILE = 'NAME_MOBILE',
  /** The same guardian on another row of the file (same name and a shared child, e-mail or mobile). */
  SAME_FILE = 'SAME_FILE',
  NEW = 'NEW',
}

export interface FieldChange {
  field: string;
  old: string | null;
  new: string | null;
}

export interface Candidate {
  userId: string;
  label: string;
}

export interface ReportLine {
  file: string | null;
  /** Line in its file; null for an absent account. */
  line: number | null;
  profile: ReportProfile;
  operation: LineOperation;
  rule: MatchRule | null;
  lastName: string;
  firstName: string;
  className: string | null;
  /** The account it applies to (null when one will be created). */
  userId: string | null;
  classChange: boolean;
  candidates: Candidate[];
  changes: FieldChange[];
  issues: ImportIssue[];
}

export enum ClassOperation {
  CREATE = 'CREATE',
  RENAME = 'RENAME',
  /** An existing class of that name, not yet known by its ONDE id: taken over, not duplicated. */
  ADOPT = 'ADOPT',
  UNCHANGED = 'UNCHANGED',
}

export interface ClassPlan {
  operation: ClassOperation;
  ondeClassId: string | null;
  classId: string | null;
  oldName: string | null;
  name: string;
  levels: string[];
  pupils: number;
}

export interface ProfileTotals {
  profile: ReportProfile;
  created: number;
  modified: number;
  unchanged: number;
  transfers: number;
  classChanges: number;
  absent: number;
  toArbitrate: number;
  errors: number;
  warnings: number;
}

export interface FamilyCounts {
  pupilsWithoutGuardian: number;
  pupilsWithOneGuardian: number;
  pupilsWithTwoOrMoreGuardians: number;
  guardiansWithoutEmail: number;
}

/**
 * « Absent du fichier »: who an applied import marks (pupils of no other école, guardians none of
 * whose children remains), or why it marks no one (a partial file), and the number to type when
 * they are many.
 */
export interface LeaverPlan {
  pupils: number;
  relatives: number;
  /** Why a partial file proposes no leavers (`LEAVERS_FEW_ROWS`, `LEAVERS_CLASSES_MISSING`, `LEAVERS_NO_PUPIL_FILE`). */
  withheld: ImportIssue | null;
  /** Above 10 % of the école's pupils or 30 accounts, « Appliquer » wants this number typed. */
  confirmationRequired: number | null;
}

/** A dry run's findings, stored as JSON in `import_session.report`. */
export interface ImportReport {
  schoolId: string;
  schoolName: string;
  files: FileDiagnostics[];
  totals: ProfileTotals[];
  classes: ClassPlan[];
  families: FamilyCounts;
  /** Absent from older stored reports. */
  leavers?: LeaverPlan;
  lines: ReportLine[];
}

/** A line « Appliquer » takes a resolution for: « À arbitrer », or a guardian's « même adresse » proposal. */
export const isDecidable = (line: ReportLine): boolean => line.line !== null && line.candidates.length > 0;
