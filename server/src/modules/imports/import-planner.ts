import { planClasses } from './class-planner';
import { planGuardians, type GuardianAction, type PlannedGuardian } from './guardian-planner';
import { planLeavers } from './leaver-planner';
import { LineOperation, type ClassPlan, type FamilyCounts, type ImportReport, type ProfileTotals, type ReportLine, type ReportProfile } from './import-report';
import { ImportFileKind, type ParsedFile } from './parsed-file';
import { planPupils, type PlannedPupil, type PupilAction, type Resolutions } from './pupil-planner';
import type { PlannedClasses } from './class-planner';
import type { ElsewherePupil, ExistingClass, ExistingPupil, ExistingRelative } from './school-snapshot';

export interface PlanInput {
  schoolId: string;
  schoolName: string;
  files: ParsedFile[];
  classes: ExistingClass[];
  pupils: ExistingPupil[];
  relatives: ExistingRelative[];
  pupilsByIne: Map<string, ElsewherePupil>;
  relativesByContact: ExistingRelative[];
}

/** What « Appliquer » writes, planned with the same rules as the report (stored with the dry run: `storedPlan`). */
export interface ImportActions {
  classes: PlannedClasses;
  pupils: PupilAction[];
  guardians: GuardianAction[];
  /** Accounts to mark « Absent du fichier » (those already marked included: the write skips them). */
  leavingPupils: string[];
  leavingRelatives: string[];
}

function totalsOf(profile: ReportProfile, lines: ReportLine[], fileWarnings: number): ProfileTotals {
  const mine = lines.filter((line) => line.profile === profile);
  const count = (operation: LineOperation) => mine.filter((line) => line.operation === operation).length;
  return {
    profile,
    created: count(LineOperation.CREATE),
    modified: count(LineOperation.UPDATE),
    unchanged: count(LineOperation.UNCHANGED),
    transfers: count(LineOperation.TRANSFER),
    classChanges: mine.filter((line) => line.classChange).length,
    absent: count(LineOperation.ABSENT),
    toArbitrate: count(LineOperation.ARBITRATE),
    errors: count(LineOperation.ERROR),
    warnings: fileWarnings + mine.filter((line) => line.operation !== LineOperation.ERROR && line.issues.length > 0).length,
  };
}

/** The dry run itself: pure, from the parsed files and what the école holds to the report. */
export function planImport(input: PlanInput, resolutions: Resolutions = new Map()): { report: ImportReport; actions: ImportActions } {
  const pupilFile = input.files.find((file) => file.diagnostics.kind !== ImportFileKind.ONDE_GUARDIANS);
  const guardianFile = input.files.find((file) => file.diagnostics.kind === ImportFileKind.ONDE_GUARDIANS);
  const classes = planClasses(pupilFile?.pupils ?? [], input.classes);
  const classNames = new Map(input.classes.map((c) => [c.id, c.name]));
  const lines: ReportLine[] = [];
  let plannedPupils: PlannedPupil[];
  let counted: PlannedPupil[];
  let pupilActions: PupilAction[] = [];
  let matchedPupils = new Set<string>();
  let matchedRelatives: Set<string> | null = null;
  if (pupilFile) {
    const result = planPupils(pupilFile.diagnostics.fileName, pupilFile.pupils, input.pupils, input.pupilsByIne, classes, classNames, resolutions);
    lines.push(...result.lines);
    pupilActions = result.actions;
    matchedPupils = result.matchedIds;
    // Guardians may name a child the file does not list (an older file): it is still the école's.
    counted = result.planned;
    plannedPupils = [...result.planned, ...input.pupils.filter((p) => !result.matchedIds.has(p.id)).map(existingPlanned)];
    for (const pupil of input.pupils.filter((p) => !result.matchedIds.has(p.id))) lines.push(absentLine('STUDENT', pupil));
  } else {
    plannedPupils = input.pupils.map(existingPlanned);
    counted = plannedPupils;
  }
  let plannedGuardians: PlannedGuardian[] = [];
  let guardianActions: GuardianAction[] = [];
  if (guardianFile) {
    const result = planGuardians(guardianFile.diagnostics.fileName, guardianFile.guardians, plannedPupils, input.relatives, input.relativesByContact, resolutions);
    lines.push(...result.lines);
    guardianActions = result.actions;
    matchedRelatives = result.matchedIds;
    plannedGuardians = result.planned;
    for (const relative of input.relatives.filter((r) => !result.matchedIds.has(r.id))) lines.push(absentLine('RELATIVE', relative));
  }
  for (const file of input.files) {
    for (const error of file.diagnostics.errors) {
      lines.push({
        file: file.diagnostics.fileName, line: error.line ?? null, profile: file.diagnostics.kind === ImportFileKind.ONDE_GUARDIANS ? 'RELATIVE' : 'STUDENT',
        operation: LineOperation.ERROR, rule: null, lastName: '', firstName: '', className: null, userId: null, classChange: false, candidates: [], changes: [], issues: [error],
      });
    }
    // Warnings found while reading a line belong to that line.
    for (const warning of file.diagnostics.warnings.filter((w) => w.line !== undefined)) {
      const line = lines.find((l) => l.file === file.diagnostics.fileName && l.line === warning.line);
      line?.issues.unshift(warning);
    }
  }
  const leavers = planLeavers(
    {
      fileRows: pupilFile ? pupilActions.length : null,
      classPlans: classes.plans,
      classes: input.classes,
      pupils: input.pupils,
      matchedPupils,
      relatives: input.relatives,
      matchedRelatives,
    },
    lines,
  );
  lines.sort((a, b) => (a.file ?? '\uffff').localeCompare(b.file ?? '\uffff') || (a.line ?? Infinity) - (b.line ?? Infinity));
  const fileWarnings = (kind: 'pupils' | 'guardians') =>
    input.files
      .filter((file) => (file.diagnostics.kind === ImportFileKind.ONDE_GUARDIANS) === (kind === 'guardians'))
      .reduce((sum, file) => sum + file.diagnostics.warnings.filter((w) => w.line === undefined).length, 0);
  const files = input.files.map((file) => file.diagnostics);
  const pupilFileDiagnostics = pupilFile?.diagnostics;
  if (pupilFileDiagnostics) pupilFileDiagnostics.warnings.push(...classes.issues);
  const report: ImportReport = {
    schoolId: input.schoolId,
    schoolName: input.schoolName,
    files,
    totals: [totalsOf('STUDENT', lines, fileWarnings('pupils')), totalsOf('RELATIVE', lines, fileWarnings('guardians'))],
    classes: classes.plans,
    families: families(counted, plannedGuardians, input.relatives),
    leavers: leavers.plan,
    lines,
  };
  return {
    report,
    actions: { classes, pupils: pupilActions, guardians: guardianActions, leavingPupils: leavers.pupilIds, leavingRelatives: leavers.relativeIds },
  };
}

function existingPlanned(pupil: ExistingPupil): PlannedPupil {
  return { key: pupil.id, userId: pupil.id, firstKey: pupil.firstKey, lastKeys: [pupil.lastKey], birthDate: pupil.birthDate, classLabelKey: '', label: `${pupil.lastName.toUpperCase()} ${pupil.firstName}` };
}

function absentLine(profile: ReportProfile, account: { id: string; lastName: string; firstName: string }): ReportLine {
  return { file: null, line: null, profile, operation: LineOperation.ABSENT, rule: null, lastName: account.lastName, firstName: account.firstName, className: null, userId: account.id, classChange: false, candidates: [], changes: [], issues: [] };
}

/** Pupils with 0, 1, 2+ guardians after the import (links kept plus links added), guardians without e-mail. */
function families(pupils: PlannedPupil[], guardians: PlannedGuardian[], relatives: ExistingRelative[]): FamilyCounts {
  const guardiansOf = new Map<string, Set<string>>();
  const add = (pupil: string, guardian: string) => guardiansOf.set(pupil, (guardiansOf.get(pupil) ?? new Set()).add(guardian));
  for (const relative of relatives) for (const child of relative.childIds) add(child, relative.id);
  for (const guardian of guardians) for (const child of guardian.childKeys) add(child, guardian.key);
  const counts = pupils.map((pupil) => guardiansOf.get(pupil.key)?.size ?? 0);
  return {
    pupilsWithoutGuardian: counts.filter((n) => n === 0).length,
    pupilsWithOneGuardian: counts.filter((n) => n === 1).length,
    pupilsWithTwoOrMoreGuardians: counts.filter((n) => n >= 2).length,
    guardiansWithoutEmail: guardians.filter((g) => !g.email).length,
  };
}

/**
 * `ImportActions` as JSON, kept on the dry run's session beside its files: its class map as
 * entries, and each line's row as its line number (the row is the files' own: `restoredPlan`
 * finds it there again; a copy doubled what a dry run stores and sends).
 */
export function storedPlan(actions: ImportActions): unknown {
  return {
    ...actions,
    classes: { ...actions.classes, byKey: [...actions.classes.byKey] },
    pupils: actions.pupils.map(({ pupil: _row, ...action }) => action),
    guardians: actions.guardians.map(({ row: _row, ...action }) => action),
  };
}

type StoredPlan = Omit<ImportActions, 'classes' | 'pupils' | 'guardians'> & {
  classes: Omit<PlannedClasses, 'byKey'> & { byKey: [string, ClassPlan][] };
  // Plans stored before the rows were left out still carry them.
  pupils: (Omit<PupilAction, 'pupil'> & { pupil?: PupilAction['pupil'] })[];
  guardians: (Omit<GuardianAction, 'row'> & { row?: GuardianAction['row'] })[];
};

/** The plan `storedPlan` kept, with its rows from the files it was planned from, as the writer takes it. */
export function restoredPlan(stored: unknown, files: ParsedFile[]): ImportActions {
  const plan = stored as StoredPlan;
  const pupilFile = files.find((file) => file.diagnostics.kind !== ImportFileKind.ONDE_GUARDIANS);
  const guardianFile = files.find((file) => file.diagnostics.kind === ImportFileKind.ONDE_GUARDIANS);
  const pupilRows = new Map(pupilFile?.pupils.map((row) => [row.line, row]));
  const guardianRows = new Map(guardianFile?.guardians.map((row) => [row.line, row]));
  return {
    ...plan,
    classes: { ...plan.classes, byKey: new Map(plan.classes.byKey) },
    pupils: plan.pupils.map((action) => ({ ...action, pupil: action.pupil ?? pupilRows.get(action.line)! })),
    guardians: plan.guardians.map((action) => ({ ...action, row: action.row ?? guardianRows.get(action.line)! })),
  };
}
