import { LineOperation, type ClassPlan, type LeaverPlan, type ReportLine } from './import-report';
import type { ImportIssue } from './parsed-file';
import type { ExistingClass, ExistingPupil, ExistingRelative } from './school-snapshot';

/** Above this share of the école's pupils, or this many accounts, the admin types the number. */
export const LEAVERS_SHARE = 0.1;
export const LEAVERS_ACCOUNTS = 30;

export interface LeaverInput {
  /** Rows of the pupils' file that name a pupil (errors left out); null without a pupils' file. */
  fileRows: number | null;
  classPlans: ClassPlan[];
  classes: ExistingClass[];
  pupils: ExistingPupil[];
  /** Pupils of the école the file lists (matched). */
  matchedPupils: Set<string>;
  relatives: ExistingRelative[];
  /** Guardians the guardians' file lists; null without that file. */
  matchedRelatives: Set<string> | null;
}

export interface Leavers {
  plan: LeaverPlan;
  pupilIds: string[];
  relativeIds: string[];
}

/**
 * Leavers come only from a full-école file: one holding less than half the école's pupils, or
 * leaving out a class that has pupils, proposes none and says why. An absent pupil still in another
 * école is not a leaver; a guardian leaves only when none of their children remains.
 */
export function planLeavers(input: LeaverInput, lines: ReportLine[]): Leavers {
  const none = (withheld: ImportIssue | null): Leavers => ({ plan: { pupils: 0, relatives: 0, withheld, confirmationRequired: null }, pupilIds: [], relativeIds: [] });
  if (input.fileRows === null) return none(input.pupils.length ? { code: 'LEAVERS_NO_PUPIL_FILE' } : null);
  const total = input.pupils.length;
  if (input.fileRows * 2 < total) return none({ code: 'LEAVERS_FEW_ROWS', params: { rows: input.fileRows, pupils: total } });
  const listed = new Set(input.classPlans.map((plan) => plan.classId).filter(Boolean));
  const populated = new Set(input.pupils.flatMap((pupil) => pupil.classIds));
  const missing = input.classes.filter((c) => populated.has(c.id) && !listed.has(c.id)).map((c) => c.name).sort((a, b) => a.localeCompare(b, 'fr'));
  if (missing.length) return none({ code: 'LEAVERS_CLASSES_MISSING', params: { classes: missing.join(', '), count: missing.length } });

  // Candidates of an undecided « À arbitrer » line are not leavers yet: the admin's choice tells.
  const pending = new Set(lines.filter((l) => l.operation === LineOperation.ARBITRATE).flatMap((l) => l.candidates.map((c) => c.userId)));
  const leaving = new Set<string>();
  for (const pupil of input.pupils) {
    if (input.matchedPupils.has(pupil.id) || pending.has(pupil.id)) continue;
    const line = lines.find((l) => l.userId === pupil.id && l.profile === 'STUDENT');
    if (pupil.elsewhere) line?.issues.push({ code: 'LEAVER_ELSEWHERE' });
    else {
      leaving.add(pupil.id);
      if (!pupil.absent) line?.issues.push({ code: 'LEAVER' });
    }
  }
  const relativesLeaving: ExistingRelative[] = [];
  for (const relative of input.relatives) {
    if (input.matchedRelatives?.has(relative.id) || pending.has(relative.id)) continue;
    // Without a guardians' file, only a guardian whose children all leave goes with them.
    if (!input.matchedRelatives && relative.childIds.length === 0) continue;
    const line = lines.find((l) => l.userId === relative.id && l.profile === 'RELATIVE');
    if (relative.childIds.every((child) => leaving.has(child))) {
      relativesLeaving.push(relative);
      if (!relative.absent) line?.issues.push({ code: 'LEAVER' });
    } else line?.issues.push({ code: 'LEAVER_CHILD_REMAINS' });
  }
  // Already « Absent du fichier » since an earlier import: counted once, when first marked.
  const newPupils = input.pupils.filter((p) => leaving.has(p.id) && !p.absent).length;
  const newRelatives = relativesLeaving.filter((r) => !r.absent).length;
  const accounts = newPupils + newRelatives;
  const confirm = accounts > 0 && (newPupils > total * LEAVERS_SHARE || accounts > LEAVERS_ACCOUNTS);
  return {
    plan: { pupils: newPupils, relatives: newRelatives, withheld: null, confirmationRequired: confirm ? accounts : null },
    pupilIds: [...leaving],
    relativeIds: relativesLeaving.map((r) => r.id),
  };
}
