import { Profile } from '../platform/model/profile';

/** « Modèle de publipostage PDF »: how many connection sheets share one A4 page. */
export enum SheetLayout {
  /** « 1 par page »: the guide's letter. */
  ONE_PER_PAGE = 'ONE_PER_PAGE',
  /** « 2 par page »: two half-page letters. */
  TWO_PER_PAGE = 'TWO_PER_PAGE',
  /** « 8 par page »: cards to cut out. */
  EIGHT_PER_PAGE = 'EIGHT_PER_PAGE',
}

export const SHEETS_PER_PAGE: Record<SheetLayout, number> = {
  [SheetLayout.ONE_PER_PAGE]: 1,
  [SheetLayout.TWO_PER_PAGE]: 2,
  [SheetLayout.EIGHT_PER_PAGE]: 8,
};

/** A parent's child as their sheet names them: « Responsable d'Imrân L'HÔTE (classe de CE2 B) ». */
export interface SheetChild {
  firstName: string;
  /** As typed: the sheet puts it in capitals (never SQL's upper(), which follows the database's locale). */
  lastName: string;
  /** The child's classes within the mailing's reach. */
  classes: string[];
}

/** What one account's connection sheet (letter or card) prints. Plain text: templates escape it. */
export interface ConnectionSheet {
  firstName: string;
  lastName: string;
  profile: Profile;
  /** The alias (« Identifiant personnalisé ») when set, else the login. */
  login: string;
  /** Null once the account is activated: the sheet then says to sign in with one's own password. */
  activationCode: string | null;
  /** Pupils: their class; parents: their children's classes; teachers: the classes they teach. */
  classes: string[];
  /** Parents only: « Responsable de » these children, each with their class. */
  children: SheetChild[];
  /** The first école of the account, for the letterhead. */
  school: string | null;
}
