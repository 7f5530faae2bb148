import { classKey, type PlannedClasses } from './class-planner';
import { LineOperation, MatchRule, type FieldChange, type ReportLine } from './import-report';
import type { ImportIssue, PupilLine } from './parsed-file';
import type { ElsewherePupil, ExistingPupil } from './school-snapshot';
import { nameKey } from './text-normalise';

/** Who a pupil line turned out to be, for the guardians' child blocks and the family counts. */
export interface PlannedPupil {
  /** The account, or `line:<n>` for one to create. */
  key: string;
  userId: string | null;
  firstKey: string;
  lastKeys: string[];
  birthDate: string | null;
  classLabelKey: string;
  label: string;
}

/** What « Appliquer » does with one pupil line (the report line says it to the admin). */
export interface PupilAction {
  line: number;
  operation: LineOperation;
  /** The account, or `line:<n>` for one to create (guardians' child keys refer to it). */
  key: string;
  userId: string | null;
  pupil: PupilLine;
  classKey: string;
  changes: FieldChange[];
  classChange: boolean;
  /** Back in the file after « Absent du fichier ». */
  returning: boolean;
}

/** « À arbitrer » decided by the admin: `STUDENT:<line>` or `RELATIVE:<line>` → the account chosen, or null for a new one. */
export type Resolutions = Map<string, string | null>;

const labelOf = (p: { lastName: string; firstName: string }) => `${p.lastName.toUpperCase()} ${p.firstName}`;
const displayLast = (p: PupilLine) => p.usageName || p.lastName;

function nameBirthKey(first: string, last: string, birth: string | null): string {
  return `${first}|${last}|${birth ?? ''}`;
}

/**
 * Pupils, in this order: INE (or the template's external id) across the département, where another
 * école's account is a transfer; else normalised family name + first name + birth date inside the
 * école, exactly one candidate; two or more candidates, or two lines of the file for one person,
 * is « À arbitrer ». The diff never empties a stored value.
 */
export function planPupils(
  fileName: string,
  pupils: PupilLine[],
  existing: ExistingPupil[],
  byIne: Map<string, ElsewherePupil>,
  classes: PlannedClasses,
  classNames: Map<string, string>,
  resolutions: Resolutions = new Map(),
): { lines: ReportLine[]; planned: PlannedPupil[]; matchedIds: Set<string>; actions: PupilAction[] } {
  const lines: ReportLine[] = [];
  const actions: PupilAction[] = [];
  const planned: PlannedPupil[] = [];
  const matchedIds = new Set<string>();
  const bySchoolNameBirth = new Map<string, ExistingPupil[]>();
  for (const pupil of existing) {
    const key = nameBirthKey(pupil.firstKey, pupil.lastKey, pupil.birthDate);
    bySchoolNameBirth.set(key, [...(bySchoolNameBirth.get(key) ?? []), pupil]);
  }
  const fileKeys = (p: PupilLine) => [...new Set([nameKey(p.lastName), nameKey(p.usageName)].filter(Boolean))];
  // Lines without an identifier that name the same child twice cannot both be matched by name.
  const lineCount = new Map<string, number>();
  for (const p of pupils) {
    if (p.ine || p.externalId) continue;
    const key = nameBirthKey(nameKey(p.firstName), nameKey(p.lastName), p.birthDate);
    lineCount.set(key, (lineCount.get(key) ?? 0) + 1);
  }
  const seenIne = new Set<string>();
  for (const pupil of pupils) {
    const issues: ImportIssue[] = [];
    const plan = classes.byKey.get(classKey(pupil))!;
    const base = { file: fileName, line: pupil.line, profile: 'STUDENT' as const, lastName: displayLast(pupil), firstName: pupil.firstName, className: plan.name };
    const identifier = pupil.ine ?? pupil.externalId;
    if (identifier && seenIne.has(identifier)) {
      lines.push({ ...base, operation: LineOperation.ERROR, rule: null, userId: null, classChange: false, candidates: [], changes: [], issues: [{ code: 'INE_TWICE', line: pupil.line, params: { ine: identifier } }] });
      continue;
    }
    if (identifier) seenIne.add(identifier);
    let match: ExistingPupil | ElsewherePupil | undefined;
    let rule: MatchRule = MatchRule.NEW;
    let operation = LineOperation.CREATE;
    let candidates: ExistingPupil[] = [];
    const byId = identifier ? byIne.get(identifier) : undefined;
    if (byId && !matchedIds.has(byId.id)) {
      match = existing.find((p) => p.id === byId.id) ?? byId;
      rule = pupil.ine ? MatchRule.INE : MatchRule.EXTERNAL_ID;
      if (!existing.some((p) => p.id === byId.id)) {
        operation = LineOperation.TRANSFER;
        issues.push({ code: byId.schoolName ? 'TRANSFER_FROM' : 'TRANSFER_FROM_ELSEWHERE', line: pupil.line, params: { school: byId.schoolName ?? '' } });
      }
    } else {
      const first = nameKey(pupil.firstName);
      const seen = new Set<string>();
      for (const last of fileKeys(pupil)) {
        for (const candidate of bySchoolNameBirth.get(nameBirthKey(first, last, pupil.birthDate)) ?? []) {
          // An account holding another INE is another child; one already taken by a line too.
          if (seen.has(candidate.id) || matchedIds.has(candidate.id)) continue;
          if (candidate.externalId && identifier && candidate.externalId !== identifier) continue;
          seen.add(candidate.id);
          candidates.push(candidate);
        }
      }
      const homonymLines = identifier ? 1 : (lineCount.get(nameBirthKey(first, nameKey(pupil.lastName), pupil.birthDate)) ?? 1);
      if (candidates.length > 1 || (homonymLines > 1 && candidates.length > 0)) {
        operation = LineOperation.ARBITRATE;
        issues.push({ code: candidates.length > 1 ? 'HOMONYM_ACCOUNTS' : 'HOMONYM_LINES', line: pupil.line });
      } else if (candidates.length === 1) {
        match = candidates[0];
        rule = MatchRule.NAME_BIRTH_DATE;
      } else if (homonymLines > 1) {
        issues.push({ code: 'HOMONYM_LINES', line: pupil.line });
      }
      const chosen = resolutions.get(`STUDENT:${pupil.line}`);
      if (operation === LineOperation.ARBITRATE && chosen !== undefined) {
        const candidate = chosen === null ? undefined : candidates.find((c) => c.id === chosen && !matchedIds.has(c.id));
        if (chosen === null || candidate) {
          operation = LineOperation.CREATE;
          match = candidate;
          rule = candidate ? MatchRule.NAME_BIRTH_DATE : MatchRule.NEW;
          candidates = [];
        }
      }
    }
    const changes: FieldChange[] = [];
    let classChange = false;
    if (match) {
      matchedIds.add(match.id);
      const wanted: [string, string | null, string | null][] = [
        ['lastName', match.lastName, displayLast(pupil)],
        ['firstName', match.firstName, pupil.firstName],
        ['birthDate', match.birthDate, pupil.birthDate],
        ['ine', match.externalId, identifier],
      ];
      for (const [field, old, value] of wanted) {
        // An empty cell never erases; ONDE's capitals do not undo a name's stored case.
        if (value && value.toLocaleLowerCase('fr') !== old?.toLocaleLowerCase('fr')) changes.push({ field, old, new: value });
      }
      classChange = !plan.classId || !match.classIds.includes(plan.classId);
      if (classChange) {
        changes.push({ field: 'class', old: match.classIds.map((id) => classNames.get(id) ?? '').filter(Boolean).join(', ') || null, new: plan.name });
      }
      if (match.absent) changes.push({ field: 'absent', old: 'Absent du fichier', new: null });
      if (operation === LineOperation.CREATE) operation = changes.length ? LineOperation.UPDATE : LineOperation.UNCHANGED;
    }
    lines.push({
      ...base,
      operation,
      rule: operation === LineOperation.ARBITRATE ? null : rule,
      userId: match?.id ?? null,
      classChange,
      candidates: operation === LineOperation.ARBITRATE ? candidates.map((c) => ({ userId: c.id, label: `${labelOf(c)} (${c.birthDate ?? '?'})` })) : [],
      changes,
      issues,
    });
    planned.push({
      key: match ? match.id : `line:${pupil.line}`,
      userId: match?.id ?? null,
      firstKey: nameKey(pupil.firstName),
      lastKeys: fileKeys(pupil),
      birthDate: pupil.birthDate,
      classLabelKey: nameKey(pupil.classLabel),
      label: labelOf({ lastName: displayLast(pupil), firstName: pupil.firstName }),
    });
    actions.push({
      line: pupil.line,
      operation,
      key: match ? match.id : `line:${pupil.line}`,
      userId: match?.id ?? null,
      pupil,
      classKey: classKey(pupil),
      changes,
      classChange,
      returning: !!match?.absent,
    });
  }
  return { lines, planned, matchedIds, actions };
}
