import { LineOperation, MatchRule, type Candidate, type FieldChange, type ReportLine } from './import-report';
import type { ChildRef, GuardianLine, ImportIssue } from './parsed-file';
import type { PlannedPupil, Resolutions } from './pupil-planner';
import type { ExistingRelative } from './school-snapshot';
import { nameKey } from './text-normalise';

const labelOf = (p: { lastName: string; firstName: string }) => `${p.lastName.toUpperCase()} ${p.firstName}`;

/** Which pupil a child block names: names, then the birth date when the row has one, else the class. */
function resolveChild(child: ChildRef, pupilsByFirst: Map<string, PlannedPupil[]>): PlannedPupil[] {
  const first = nameKey(child.firstName);
  const lasts = [nameKey(child.lastName), nameKey(child.usageName)].filter(Boolean);
  const named = (pupilsByFirst.get(first) ?? []).filter((p) => p.lastKeys.some((key) => lasts.includes(key)));
  if (named.length <= 1) return named;
  if (child.birthDate) return named.filter((p) => p.birthDate === child.birthDate);
  const inClass = named.filter((p) => p.classLabelKey === nameKey(child.classLabel));
  return inClass.length ? inClass : named;
}

/** `items` by their key, in their order. */
function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(keyOf(item));
    if (list) list.push(item);
    else map.set(keyOf(item), [item]);
  }
  return map;
}

export interface PlannedGuardian {
  key: string;
  childKeys: Set<string>;
  email: string | null;
}

/** What « Appliquer » does with one guardian (one or several rows of the file). */
export interface GuardianAction {
  line: number;
  operation: LineOperation;
  userId: string | null;
  row: GuardianLine;
  email: string | null;
  mobile: string | null;
  addressKey: string;
  /** Planned pupils' keys: an account id, or `line:<n>` of a pupil the same import creates. */
  childKeys: string[];
  changes: FieldChange[];
  returning: boolean;
}

interface Group {
  rows: GuardianLine[];
  childKeys: Set<string>;
}

/**
 * Guardians are never merged on their name alone: a row is an existing guardian only with the same
 * name and a shared child (rule 1), or the same name and the same e-mail or mobile, anywhere in the
 * département (rule 2). The same name and postal address only is a proposal the admin confirms.
 * Rows of the file merge on the same rules. What the guardian set at activation (e-mail, mobile)
 * is theirs: the file does not change it.
 */
export function planGuardians(
  fileName: string,
  rows: GuardianLine[],
  pupils: PlannedPupil[],
  existing: ExistingRelative[],
  byContact: ExistingRelative[],
  resolutions: Resolutions = new Map(),
): { lines: ReportLine[]; planned: PlannedGuardian[]; matchedIds: Set<string>; actions: GuardianAction[] } {
  const lines: ReportLine[] = [];
  const actions: GuardianAction[] = [];
  const matchedIds = new Set<string>();
  const nameOf = (r: { firstName: string; lastName: string }) => `${nameKey(r.firstName)}|${nameKey(r.lastName)}`;
  const rowChildren = new Map<GuardianLine, Set<string>>();
  const rowIssues = new Map<GuardianLine, ImportIssue[]>();
  // Looked up by name, in their order: a line compares with its namesakes, not with every account.
  const pupilsByFirst = groupBy(pupils, (p) => p.firstKey);
  const existingByName = groupBy(existing, (r) => `${r.firstKey}|${r.lastKey}`);
  const contactByName = groupBy(byContact, (r) => `${r.firstKey}|${r.lastKey}`);
  const order = new Map([...existing, ...byContact].map((r, index) => [r, index]));
  for (const row of rows) {
    const keys = new Set<string>();
    const issues: ImportIssue[] = [];
    for (const child of row.children) {
      const found = resolveChild(child, pupilsByFirst);
      if (found.length === 1) keys.add(found[0].key);
      else issues.push({ code: found.length ? 'CHILD_AMBIGUOUS' : 'CHILD_NOT_FOUND', line: row.line, params: { child: labelOf(child) } });
    }
    rowChildren.set(row, keys);
    rowIssues.set(row, issues);
  }
  // Rows naming the same person: same name and a shared child, e-mail or mobile. A group's rows all
  // bear its name, so only the groups of the row's name are looked at (each name normalised once).
  const groups: Group[] = [];
  const groupsByName = new Map<string, Group[]>();
  for (const row of rows) {
    const children = rowChildren.get(row)!;
    const name = nameOf(row);
    const named = groupsByName.get(name) ?? [];
    const same = named.find((group) =>
      group.rows.some(
        (other) => [...children].some((key) => group.childKeys.has(key)) || (row.email && other.email === row.email) || (row.mobile && other.mobile === row.mobile),
      ),
    );
    if (same) {
      same.rows.push(row);
      children.forEach((key) => same.childKeys.add(key));
    } else {
      const group = { rows: [row], childKeys: new Set(children) };
      groups.push(group);
      groupsByName.set(name, [...named, group]);
    }
  }
  const planned: PlannedGuardian[] = [];
  const seenAddress = new Map<string, GuardianLine>();
  for (const group of groups) {
    const [row] = group.rows;
    const name = nameOf(row);
    const issues = rowIssues.get(row)!;
    let match: ExistingRelative | undefined;
    let rule = MatchRule.NEW;
    let operation = LineOperation.CREATE;
    let candidates: Candidate[] = [];
    const free = (r: ExistingRelative) => !matchedIds.has(r.id);
    const lastKeys = [...new Set([nameKey(row.lastName), nameKey(row.usageName)].filter(Boolean))];
    const firstKey = nameKey(row.firstName);
    const namesakes = (byName: Map<string, ExistingRelative[]>) => lastKeys.flatMap((last) => byName.get(`${firstKey}|${last}`) ?? []);
    const inOrder = (list: ExistingRelative[]) => (lastKeys.length > 1 ? list.sort((a, b) => order.get(a)! - order.get(b)!) : list);
    const existingNamesakes = inOrder(namesakes(existingByName));
    const allNamesakes = inOrder([...existingNamesakes, ...namesakes(contactByName)]);
    const linked = existingNamesakes.filter((r) => free(r) && r.childIds.some((id) => group.childKeys.has(id)));
    const emails = group.rows.map((r) => r.email).filter(Boolean);
    const mobiles = group.rows.map((r) => r.mobile).filter(Boolean);
    const byEmail = allNamesakes.filter((r) => free(r) && r.email && emails.includes(r.email.toLowerCase()));
    const byMobile = allNamesakes.filter((r) => free(r) && r.mobile && mobiles.includes(r.mobile.replace(/[^0-9]/g, '')));
    const unique = (list: ExistingRelative[]) => [...new Map(list.map((r) => [r.id, r])).values()];
    for (const [found, foundRule] of [
      [unique(linked), MatchRule.SHARED_CHILD],
      [unique(byEmail), MatchRule.NAME_EMAIL],
      [unique(byMobile), MatchRule.NAME_MOBILE],
    ] as const) {
      if (found.length === 1) {
        match = found[0];
        rule = foundRule;
        break;
      }
      if (found.length > 1) {
        operation = LineOperation.ARBITRATE;
        candidates = found.map((r) => ({ userId: r.id, label: labelOf(r) }));
        issues.push({ code: 'HOMONYM_ACCOUNTS', line: row.line });
        break;
      }
    }
    const addressKey = nameKey(row.address);
    if (!match && operation === LineOperation.CREATE && addressKey) {
      const sameAddress = existingNamesakes.filter((r) => free(r) && r.addressKey === addressKey);
      const earlierRow = seenAddress.get(`${name}|${addressKey}`);
      if (sameAddress.length) {
        candidates = sameAddress.map((r) => ({ userId: r.id, label: labelOf(r) }));
        issues.push({ code: 'SAME_ADDRESS_PROPOSAL', line: row.line });
      } else if (earlierRow) issues.push({ code: 'SAME_ADDRESS_ROW', line: row.line, params: { other: earlierRow.line } });
      seenAddress.set(`${name}|${addressKey}`, row);
    }
    const chosen = resolutions.get(`RELATIVE:${row.line}`);
    if (!match && candidates.length && chosen !== undefined) {
      const candidate = chosen === null ? undefined : [...existing, ...byContact].find((r) => r.id === chosen && free(r) && candidates.some((c) => c.userId === r.id));
      if (chosen === null || candidate) {
        operation = LineOperation.CREATE;
        match = candidate;
        candidates = [];
      }
    }
    const email = emails[0] ?? null;
    const mobile = mobiles[0] ?? null;
    const changes: FieldChange[] = [];
    if (match) {
      matchedIds.add(match.id);
      const display = row.usageName || row.lastName;
      const differs = (a: string, b: string) => a.toLocaleLowerCase('fr') !== b.toLocaleLowerCase('fr');
      if (differs(display, match.lastName)) changes.push({ field: 'lastName', old: match.lastName, new: display });
      if (differs(row.firstName, match.firstName)) changes.push({ field: 'firstName', old: match.firstName, new: row.firstName });
      for (const [field, stored, value] of [['email', match.email, email], ['mobile', match.mobile, mobile]] as const) {
        const same = field === 'email' ? stored?.toLowerCase() === value : stored?.replace(/[^0-9]/g, '') === value;
        if (!value || same) continue; // an empty cell never erases
        if (match.activated && stored) issues.push({ code: 'KEPT_USER_VALUE', line: row.line, params: { field } });
        else changes.push({ field, old: stored, new: value });
      }
      for (const key of group.childKeys) {
        if (!match.childIds.includes(key)) changes.push({ field: 'child', old: null, new: pupils.find((p) => p.key === key)?.label ?? null });
      }
      if (match.absent) changes.push({ field: 'absent', old: 'Absent du fichier', new: null });
      operation = changes.length ? LineOperation.UPDATE : LineOperation.UNCHANGED;
    } else if (operation === LineOperation.CREATE) {
      for (const key of group.childKeys) changes.push({ field: 'child', old: null, new: pupils.find((p) => p.key === key)?.label ?? null });
    }
    if (!email && !(match?.email)) issues.push({ code: 'GUARDIAN_WITHOUT_EMAIL', line: row.line });
    group.rows.forEach((each, index) => {
      lines.push({
        file: fileName,
        line: each.line,
        profile: 'RELATIVE',
        operation,
        rule: operation === LineOperation.ARBITRATE ? null : index === 0 ? rule : MatchRule.SAME_FILE,
        lastName: each.usageName || each.lastName,
        firstName: each.firstName,
        className: null,
        userId: match?.id ?? null,
        classChange: false,
        candidates,
        changes: index === 0 ? changes : [],
        issues: index === 0 ? issues : rowIssues.get(each)!,
      });
    });
    planned.push({ key: match?.id ?? `line:${row.line}`, childKeys: group.childKeys, email: email ?? match?.email ?? null });
    actions.push({ line: row.line, operation, userId: match?.id ?? null, row, email, mobile, addressKey, childKeys: [...group.childKeys], changes, returning: !!match?.absent });
  }
  return { lines, planned, matchedIds, actions };
}
