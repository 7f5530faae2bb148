import type { PupilLine } from './parsed-file';
import { ClassOperation, type ClassPlan } from './import-report';
import type { ExistingClass } from './school-snapshot';
import type { ImportIssue } from './parsed-file';
import { nameKey } from './text-normalise';

const LEVEL_ORDER = ['TPS', 'PS', 'MS', 'GS', 'CP', 'CE1', 'CE2', 'CM1', 'CM2'];
const byLevel = (a: string, b: string) => (LEVEL_ORDER.indexOf(a) + 100) % 100 - (LEVEL_ORDER.indexOf(b) + 100) % 100 || a.localeCompare(b);

/** The key a pupil's class is found by: ONDE's « Identifiant classe », else (Préau template) its label. */
export function classKey(pupil: Pick<PupilLine, 'classId' | 'classLabel'>): string {
  return pupil.classId ? `id:${pupil.classId}` : `label:${nameKey(pupil.classLabel)}`;
}

export interface PlannedClasses {
  plans: ClassPlan[];
  /** classKey → the plan, for the pupils' class changes. */
  byKey: Map<string, ClassPlan>;
  issues: ImportIssue[];
}

/**
 * Classes keyed on (école, « Identifiant classe »): the pupils of a multi-level class share one id
 * and make one class spanning their levels; a known id with a new label is a rename. Without an id
 * (Préau template), the label is the key, and an existing class of that name is taken over.
 */
export function planClasses(pupils: PupilLine[], existing: ExistingClass[]): PlannedClasses {
  const groups = new Map<string, { pupils: PupilLine[]; labels: Map<string, number> }>();
  for (const pupil of pupils) {
    const key = classKey(pupil);
    const group = groups.get(key) ?? { pupils: [] as PupilLine[], labels: new Map<string, number>() };
    group.pupils.push(pupil);
    if (pupil.classLabel) group.labels.set(pupil.classLabel, (group.labels.get(pupil.classLabel) ?? 0) + 1);
    groups.set(key, group);
  }
  const byOndeId = new Map(existing.filter((c) => c.ondeClassId).map((c) => [c.ondeClassId!, c]));
  const byName = new Map(existing.map((c) => [nameKey(c.name), c]));
  const plans: ClassPlan[] = [];
  const byKey = new Map<string, ClassPlan>();
  const issues: ImportIssue[] = [];
  for (const [key, group] of groups) {
    // One label per class; a class written two ways keeps the most frequent, and says so.
    const labels = [...group.labels.entries()].sort((a, b) => b[1] - a[1]);
    const name = labels[0]?.[0] ?? group.pupils[0].classId!;
    if (labels.length > 1) issues.push({ code: 'CLASS_TWO_LABELS', params: { id: group.pupils[0].classId ?? '', labels: labels.map(([label]) => label).join(' / ') } });
    const levels = [...new Set(group.pupils.map((p) => p.level).filter(Boolean))].sort(byLevel);
    const ondeClassId = group.pupils[0].classId;
    const known = ondeClassId ? byOndeId.get(ondeClassId) : undefined;
    const sameName = byName.get(nameKey(name));
    let plan: ClassPlan;
    if (known) {
      const renamed = known.name !== name;
      plan = { operation: renamed ? ClassOperation.RENAME : ClassOperation.UNCHANGED, ondeClassId, classId: known.id, oldName: renamed ? known.name : null, name, levels, pupils: group.pupils.length };
    } else if (sameName && !(sameName.ondeClassId && ondeClassId)) {
      plan = { operation: ClassOperation.ADOPT, ondeClassId, classId: sameName.id, oldName: null, name: sameName.name, levels, pupils: group.pupils.length };
    } else {
      plan = { operation: ClassOperation.CREATE, ondeClassId, classId: null, oldName: null, name, levels, pupils: group.pupils.length };
    }
    if (!ondeClassId) issues.push({ code: 'CLASS_WITHOUT_ID', params: { name } });
    plans.push(plan);
    byKey.set(key, plan);
  }
  plans.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  return { plans, byKey, issues };
}
