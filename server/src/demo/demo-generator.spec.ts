import { beforeAll, describe, expect, it } from 'vitest';
import { looksLikeCode } from '../platform/crypto/codes';
import { AccountNameKind, ALIAS_MAX_LENGTH, ALIAS_PATTERN, baseLogin, firstFreeLogin, searchKey, StructureKind, AccountSource } from '../modules/directory';
import { AdminFunction } from '../platform/model/admin-function';
import { Profile } from '../platform/model/profile';
import { DemoChunk, DEMO_USERS, generateDemoDirectory, LEVELS, LoginAllocator, planDemoDirectory, REFERENCE_DATE, uaiCode } from './demo-generator';

/** The whole demo département, chunks merged. */
function collect(options: Parameters<typeof generateDemoDirectory>[0] = {}): Omit<DemoChunk, 'index' | 'total' | 'circonscription'> {
  const all: Omit<DemoChunk, 'index' | 'total' | 'circonscription'> = {
    structures: [],
    schoolClasses: [],
    users: [],
    accountNames: [],
    userStructures: [],
    classMembers: [],
    relativeLinks: [],
    adminFunctions: [],
  };
  for (const chunk of generateDemoDirectory(options)) {
    for (const key of Object.keys(all) as (keyof typeof all)[]) (all[key] as unknown[]).push(...(chunk[key] as unknown[]));
  }
  return all;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

describe('generateDemoDirectory: determinism', () => {
  const firstRows = (seed: number) => generateDemoDirectory({ seed }).next().value as DemoChunk;

  it('should give identical rows, logins and activation codes for the same seed', () => {
    const a = firstRows(42);
    const b = firstRows(42);
    expect(a.users.slice(0, 200)).toEqual(b.users.slice(0, 200));
    expect(a).toEqual(b);
    expect(collect({ seed: 42 }).users.map((u) => [u.login, u.activationCode])).toEqual(
      collect({ seed: 42 }).users.map((u) => [u.login, u.activationCode]),
    );
  });

  it('should give different data for another seed', () => {
    const a = firstRows(42);
    const b = firstRows(43);
    expect(a.users[0].id).not.toBe(b.users[0].id);
    expect(a.users.map((u) => u.login)).not.toEqual(b.users.map((u) => u.login));
    expect(a.structures.map((s) => s.name)).not.toEqual(b.structures.map((s) => s.name));
  });

  it('should not depend on the clock', async () => {
    const before = firstRows(7);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(firstRows(7)).toEqual(before);
  });

  it('should refuse bad options with French messages', () => {
    expect(() => planDemoDirectory({ users: 10 })).toThrow(/nombre de comptes/);
    expect(() => planDemoDirectory({ users: 1.5 })).toThrow(/entier/);
    expect(() => planDemoDirectory({ seed: -1 })).toThrow(/graine/);
  });
});

describe('generateDemoDirectory: the demo département', () => {
  let data: ReturnType<typeof collect>;
  let usersById: Map<string, (typeof data.users)[number]>;
  const byProfile = (profile: Profile) => data.users.filter((u) => u.profile === profile);

  beforeAll(() => {
    data = collect();
    usersById = new Map(data.users.map((u) => [u.id, u]));
  });

  it('should have the demo size: 2+ circonscriptions, 6–8 écoles, 2,000–3,000 accounts', () => {
    const kinds = groupBy(data.structures, (s) => s.kind);
    expect(kinds.get(StructureKind.DEPARTEMENT)).toHaveLength(1);
    expect(kinds.get(StructureKind.DEPARTEMENT)![0]).toMatchObject({ name: 'Drôme', code: '26', parentId: null });
    expect(kinds.get(StructureKind.CIRCONSCRIPTION)!.length).toBeGreaterThanOrEqual(2);
    expect(kinds.get(StructureKind.ECOLE)!.length).toBeGreaterThanOrEqual(6);
    expect(kinds.get(StructureKind.ECOLE)!.length).toBeLessThanOrEqual(8);
    expect(data.users.length).toBeGreaterThan(2000);
    expect(data.users.length).toBeLessThan(3000);
    expect(Math.abs(data.users.length - DEMO_USERS) / DEMO_USERS).toBeLessThan(0.05);
    for (const profile of Object.values(Profile)) expect(byProfile(profile).length, profile).toBeGreaterThan(0);
  });

  it('should build the tree département → circonscriptions → écoles with unique valid UAI codes', () => {
    const ids = new Map(data.structures.map((s) => [s.id, s]));
    for (const s of data.structures) {
      if (s.kind === StructureKind.CIRCONSCRIPTION) expect(ids.get(s.parentId!)?.kind).toBe(StructureKind.DEPARTEMENT);
      if (s.kind === StructureKind.ECOLE) {
        expect(ids.get(s.parentId!)?.kind).toBe(StructureKind.CIRCONSCRIPTION);
        expect(s.name).toMatch(/^École élémentaire /);
      }
      if (s.kind !== StructureKind.DEPARTEMENT) {
        expect(s.code).toMatch(/^026\d{4}[A-Z]$/);
        expect(uaiCode('26', Number(s.code!.slice(3, 7)))).toBe(s.code);
      }
    }
    expect(new Set(data.structures.map((s) => s.code)).size).toBe(data.structures.length);
    expect(uaiCode('26', 123)).toBe('0260123' + 'ABCDEFGHJKLMNPRSTUVWXYZ'[260123 % 23]);
    expect(data.structures.find((s) => s.kind === StructureKind.CIRCONSCRIPTION)!.name).toBe('Circonscription de Valence Nord');
  });

  it('should give every école classes from CP to CM2, some double-level, each with pupils and a teacher', () => {
    const classesBySchool = groupBy(data.schoolClasses, (c) => c.schoolId);
    const ecoles = data.structures.filter((s) => s.kind === StructureKind.ECOLE);
    for (const ecole of ecoles) {
      const classes = classesBySchool.get(ecole.id) ?? [];
      expect(classes.length, ecole.name).toBeGreaterThanOrEqual(2);
      expect(new Set(classes.map((c) => c.name)).size).toBe(classes.length);
      expect(new Set(classes.flatMap((c) => c.levels))).toEqual(new Set(LEVELS));
    }
    for (const cls of data.schoolClasses) {
      expect(cls.levels.length).toBeGreaterThan(0);
      for (const level of cls.levels) expect(LEVELS as readonly string[]).toContain(level);
      if (cls.levels.length > 1) expect(cls.name).toBe(cls.levels.join('-'));
      else expect(cls.name).toMatch(new RegExp(`^${cls.levels[0]}( [A-Z])?$`));
    }
    expect(data.schoolClasses.some((c) => c.levels.length === 2)).toBe(true);
    const members = groupBy(data.classMembers, (m) => m.classId);
    for (const cls of data.schoolClasses) {
      const profiles = (members.get(cls.id) ?? []).map((m) => usersById.get(m.userId)!.profile);
      expect(profiles.filter((p) => p === Profile.STUDENT).length, cls.name).toBeGreaterThanOrEqual(12);
      expect(profiles).toContain(Profile.TEACHER);
    }
  });

  it('should put every pupil in exactly one class of their école, aged for its level', () => {
    const classById = new Map(data.schoolClasses.map((c) => [c.id, c]));
    const memberships = groupBy(data.classMembers, (m) => m.userId);
    const structures = groupBy(data.userStructures, (s) => s.userId);
    const schoolYear = new Date(REFERENCE_DATE).getUTCFullYear();
    for (const pupil of byProfile(Profile.STUDENT)) {
      const classes = memberships.get(pupil.id) ?? [];
      expect(classes).toHaveLength(1);
      const cls = classById.get(classes[0].classId)!;
      expect(structures.get(pupil.id)!.map((s) => s.structureId)).toEqual([cls.schoolId]);
      const age = schoolYear - Number(pupil.birthDate!.slice(0, 4));
      const levelIndex = (level: string) => (LEVELS as readonly string[]).indexOf(level);
      const youngest = 6 + levelIndex(cls.levels[0]) - 1;
      const oldest = 6 + levelIndex(cls.levels[cls.levels.length - 1]) + 1;
      expect(age).toBeGreaterThanOrEqual(youngest);
      expect(age).toBeLessThanOrEqual(oldest);
    }
  });

  it('should give every pupil one or two parents, siblings sharing the same parents', () => {
    const parentsOf = groupBy(data.relativeLinks, (l) => l.studentId);
    const childrenOf = groupBy(data.relativeLinks, (l) => l.relativeId);
    const parentKey = (studentId: string) => (parentsOf.get(studentId) ?? []).map((l) => l.relativeId).sort().join(',');
    let withTwo = 0;
    for (const pupil of byProfile(Profile.STUDENT)) {
      const parents = parentsOf.get(pupil.id) ?? [];
      expect(parents.length).toBeGreaterThanOrEqual(1);
      expect(parents.length).toBeLessThanOrEqual(2);
      if (parents.length === 2) withTwo++;
      for (const link of parents) expect(usersById.get(link.relativeId)!.profile).toBe(Profile.RELATIVE);
    }
    expect(withTwo / byProfile(Profile.STUDENT).length).toBeGreaterThan(0.6);
    let siblings = 0;
    for (const relative of byProfile(Profile.RELATIVE)) {
      const children = childrenOf.get(relative.id) ?? [];
      expect(children.length).toBeGreaterThanOrEqual(1);
      if (children.length > 1) siblings++;
      const keys = new Set(children.map((l) => parentKey(l.studentId)));
      expect(keys.size).toBe(1);
    }
    expect(siblings).toBeGreaterThan(50);
  });

  it("should attach parents to their children's écoles and staff to their école", () => {
    const structures = groupBy(data.userStructures, (s) => s.userId);
    const schoolsOf = (userId: string) => new Set((structures.get(userId) ?? []).map((s) => s.structureId));
    const childrenOf = groupBy(data.relativeLinks, (l) => l.relativeId);
    for (const relative of byProfile(Profile.RELATIVE)) {
      const expected = new Set((childrenOf.get(relative.id) ?? []).flatMap((l) => [...schoolsOf(l.studentId)]));
      expect(schoolsOf(relative.id)).toEqual(expected);
    }
    const classById = new Map(data.schoolClasses.map((c) => [c.id, c]));
    for (const member of data.classMembers) {
      const user = usersById.get(member.userId)!;
      if (user.profile === Profile.TEACHER) expect(schoolsOf(user.id).has(classById.get(member.classId)!.schoolId)).toBe(true);
    }
    const withoutSchool = data.users.filter((u) => schoolsOf(u.id).size === 0);
    const functions = groupBy(data.adminFunctions, (f) => f.userId);
    for (const user of withoutSchool) {
      expect(functions.get(user.id)?.map((f) => f.function)).toEqual([
        expect.stringMatching(/^(OPERATOR|DEPARTEMENT_ADMIN|CIRCONSCRIPTION_ADMIN)$/),
      ]);
    }
    expect(new Set(data.userStructures.map((s) => `${s.userId}/${s.structureId}`)).size).toBe(data.userStructures.length);
  });

  it('should grant the functions: a director per école, an ERUN per circonscription, one CPD, one operator', () => {
    const byFunction = groupBy(data.adminFunctions, (f) => f.function);
    const structures = new Map(data.structures.map((s) => [s.id, s]));
    const ecoles = data.structures.filter((s) => s.kind === StructureKind.ECOLE);
    const circos = data.structures.filter((s) => s.kind === StructureKind.CIRCONSCRIPTION);
    const directors = byFunction.get(AdminFunction.SCHOOL_ADMIN)!;
    for (const ecole of ecoles) expect(directors.some((f) => f.structureId === ecole.id), ecole.name).toBe(true);
    for (const director of directors) {
      const user = usersById.get(director.userId)!;
      expect([Profile.TEACHER, Profile.PERSONNEL]).toContain(user.profile);
      expect(user.activated).toBe(true);
      expect(structures.get(director.structureId!)!.kind).toBe(StructureKind.ECOLE);
    }
    const eruns = byFunction.get(AdminFunction.CIRCONSCRIPTION_ADMIN)!;
    expect(eruns.map((f) => f.structureId).sort()).toEqual(circos.map((c) => c.id).sort());
    for (const erun of eruns) expect(usersById.get(erun.userId)!.profile).toBe(Profile.PERSONNEL);
    expect(byFunction.get(AdminFunction.DEPARTEMENT_ADMIN)).toHaveLength(1);
    expect(structures.get(byFunction.get(AdminFunction.DEPARTEMENT_ADMIN)![0].structureId!)!.kind).toBe(StructureKind.DEPARTEMENT);
    expect(byFunction.get(AdminFunction.OPERATOR)).toEqual([expect.objectContaining({ structureId: null })]);
    expect(new Set(data.adminFunctions.map((f) => f.id)).size).toBe(data.adminFunctions.length);
  });

  it('should make logins unique and follow the SPEC rule, each one in account_name', () => {
    const logins = data.users.map((u) => u.login);
    expect(new Set(logins).size).toBe(logins.length);
    const byBase = new Map<string, string[]>();
    for (const user of data.users) {
      expect(user.login).toMatch(/^[a-z0-9]{1,30}\.[a-z0-9]{1,30}([2-9]|[1-9][0-9]+)?$/);
      const base = baseLogin(user.firstName, user.lastName);
      expect(user.login.startsWith(base)).toBe(true);
      expect(user.login.slice(base.length)).toMatch(/^([2-9]|[1-9][0-9]+)?$/);
      byBase.set(base, [...(byBase.get(base) ?? []), user.login]);
    }
    // Counters in creation order: base, base2, base3, …, with no gap.
    for (const [base, names] of byBase) expect(names).toEqual(names.map((_, i) => (i ? `${base}${i + 1}` : base)));
    expect([...byBase.values()].some((names) => names.length > 1)).toBe(true);

    const names = data.accountNames.map((n) => n.name);
    expect(new Set(names).size).toBe(names.length);
    const loginRows = data.accountNames.filter((n) => n.kind === AccountNameKind.LOGIN);
    expect(loginRows.map((n) => [n.name, n.userId])).toEqual(data.users.map((u) => [u.login, u.id]));
    const aliasRows = data.accountNames.filter((n) => n.kind === AccountNameKind.ALIAS);
    expect(aliasRows.length).toBeGreaterThan(5);
    expect(aliasRows.map((n) => [n.name, n.userId]).sort()).toEqual(
      data.users.filter((u) => u.alias).map((u) => [u.alias, u.id]).sort(),
    );
    for (const alias of aliasRows) {
      expect(alias.name).toMatch(ALIAS_PATTERN);
      expect(alias.name.length).toBeLessThanOrEqual(ALIAS_MAX_LENGTH);
    }
  });

  it('should use French names with accents, hyphens, apostrophes and particles, with their search keys', () => {
    const names = data.users.flatMap((u) => [u.firstName, u.lastName]);
    expect(names.some((n) => /[éèêëàâîïôöûüç]/i.test(n))).toBe(true);
    expect(names.some((n) => /^[ÉÈ]/.test(n))).toBe(true);
    expect(names.some((n) => /\w-\w/.test(n))).toBe(true);
    expect(names.some((n) => /'/.test(n))).toBe(true);
    expect(names.some((n) => / /.test(n))).toBe(true);
    for (const user of data.users) {
      expect(user.searchFirst).toBe(searchKey(user.firstName));
      expect(user.searchLast).toBe(searchKey(user.lastName));
      // No letter lost on the way (a letter without an ASCII form would vanish from logins).
      expect(user.searchLast.replace(/ /g, '').length).toBe(user.lastName.replace(/[^\p{L}\p{N}]/gu, '').length + (user.lastName.match(/[œæß]/gi)?.length ?? 0));
    }
  });

  it('should mix activated and not-activated accounts consistently', () => {
    const reference = Date.parse(REFERENCE_DATE);
    let activated = 0;
    for (const user of data.users) {
      if (user.activated) {
        activated++;
        expect(user.activationCode).toBeNull();
        expect(user.activatedAt).not.toBeNull();
        expect(Date.parse(user.activatedAt!)).toBeGreaterThanOrEqual(Date.parse(user.createdAt));
        if (user.lastLoginAt) expect(Date.parse(user.lastLoginAt)).toBeGreaterThanOrEqual(Date.parse(user.activatedAt!));
      } else {
        expect(looksLikeCode(user.activationCode!)).toBe(true);
        expect(user.activatedAt).toBeNull();
        expect(user.lastLoginAt).toBeNull();
        expect(user.alias).toBeNull();
      }
      for (const date of [user.createdAt, user.updatedAt, user.activatedAt, user.lastLoginAt, user.blockedAt]) {
        if (date) expect(Date.parse(date)).toBeLessThanOrEqual(reference);
      }
      expect(Date.parse(user.createdAt)).toBeGreaterThanOrEqual(Date.UTC(2019, 7, 1));
    }
    expect(activated / data.users.length).toBeGreaterThan(0.3);
    expect(activated / data.users.length).toBeLessThan(0.8);
    expect(data.users.some((u) => u.activated && u.lastLoginAt === null)).toBe(true);
    expect(new Set(data.users.map((u) => u.createdAt.slice(0, 4))).size).toBeGreaterThanOrEqual(5);
  });

  it('should give e-mails to activated parents, to a few not-activated ones, on reserved domains only', () => {
    const parents = byProfile(Profile.RELATIVE);
    for (const parent of parents.filter((p) => p.activated)) expect(parent.email).toMatch(/^[a-z0-9.\-_]+@[a-z0-9.-]+$/);
    const inactive = parents.filter((p) => !p.activated);
    const withMail = inactive.filter((p) => p.email).length;
    expect(withMail).toBeGreaterThan(0);
    expect(withMail / inactive.length).toBeLessThan(0.3);
    for (const user of data.users) if (user.email) expect(user.email).toMatch(/\.example\.(com|net|org)$/);
    expect(data.users.some((u) => u.mobile)).toBe(true);
    for (const pupil of byProfile(Profile.STUDENT)) expect(pupil.email).toBeNull();
  });

  it('should give feed accounts unique external ids (INE-like for pupils) and manual ones none', () => {
    const manual = data.users.filter((u) => u.source === AccountSource.MANUAL);
    expect(manual.length).toBeGreaterThan(0);
    expect(manual.length / data.users.length).toBeLessThan(0.05);
    for (const user of manual) expect(user.externalId).toBeNull();
    const feed = data.users.filter((u) => u.source === AccountSource.AAF1D);
    for (const user of feed) expect(user.externalId).toBeTruthy();
    expect(new Set(feed.map((u) => u.externalId)).size).toBe(feed.length);
    for (const pupil of byProfile(Profile.STUDENT).filter((u) => u.source === AccountSource.AAF1D)) {
      expect(pupil.externalId).toMatch(/^\d{10}[A-Z]$/);
    }
  });

  it('should prepare the role accounts in the first école of the first circonscription', () => {
    const circos = data.structures.filter((s) => s.kind === StructureKind.CIRCONSCRIPTION).sort((a, b) => a.code!.localeCompare(b.code!));
    const firstSchool = (circoId: string) =>
      data.structures.filter((s) => s.parentId === circoId).sort((a, b) => a.code!.localeCompare(b.code!))[0];
    const school = firstSchool(circos[0].id);
    const director = data.adminFunctions.find((f) => f.function === AdminFunction.SCHOOL_ADMIN && f.structureId === school.id)!;
    expect(usersById.get(director.userId)!.activated).toBe(true);
    const admins = new Set(data.adminFunctions.map((f) => f.userId));
    const classes = data.schoolClasses.filter((c) => c.schoolId === school.id);
    const members = groupBy(data.classMembers, (m) => m.classId);
    const teachable = classes.filter((c) => {
      const users = (members.get(c.id) ?? []).map((m) => usersById.get(m.userId)!);
      return users.some((u) => u.profile === Profile.TEACHER && u.activated && !admins.has(u.id)) && users.some((u) => u.profile === Profile.STUDENT && u.activated);
    });
    expect(teachable.length).toBeGreaterThan(0);
    const parents = data.userStructures.filter((s) => s.structureId === school.id).map((s) => usersById.get(s.userId)!).filter((u) => u.profile === Profile.RELATIVE);
    expect(parents.some((p) => p.activated)).toBe(true);
    expect(parents.some((p) => !p.activated)).toBe(true);
    const other = firstSchool(circos[1].id);
    expect(data.adminFunctions.some((f) => f.function === AdminFunction.SCHOOL_ADMIN && f.structureId === other.id)).toBe(true);
  });
});

describe('planDemoDirectory at scale', () => {
  it('should size a million accounts as ~250–400 accounts per école and 8–15 écoles per circonscription', () => {
    const plan = planDemoDirectory({ users: 1_000_000, seed: 42 });
    expect(Math.abs(plan.estimatedUsers - 1_000_000) / 1_000_000).toBeLessThan(0.03);
    const perSchool = plan.estimatedUsers / plan.schools;
    expect(perSchool).toBeGreaterThan(250);
    expect(perSchool).toBeLessThan(400);
    for (const circo of plan.circonscriptions) {
      expect(circo.schools.length).toBeGreaterThanOrEqual(8);
      expect(circo.schools.length).toBeLessThanOrEqual(15);
    }
    const codes = plan.circonscriptions.flatMap((c) => [c.code, ...c.schools.map((s) => s.code)]);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(plan.circonscriptions.map((c) => c.name)).size).toBe(plan.circonscriptions.length);
  });

  it('should stream: the first chunk of a million-account département comes quickly and alone', () => {
    const chunks = generateDemoDirectory({ users: 1_000_000 });
    const first = chunks.next().value as DemoChunk;
    expect(first.total).toBeGreaterThan(200);
    // Quick because alone: a bounded piece, not the million (no clock here, the machine may be slow).
    expect(first.users.length).toBeLessThan(8000);
  });
});

describe('LoginAllocator', () => {
  it('should allocate like firstFreeLogin over the names already taken', () => {
    const allocator = new LoginAllocator();
    const taken: string[] = [];
    for (let i = 0; i < 60; i++) {
      const [first, last] = i % 3 === 0 ? ['Jean-Noël', "N'Diaye"] : ['Éloïse', 'Le Goff'];
      const expected = firstFreeLogin(baseLogin(first, last), taken);
      const login = allocator.login(first, last);
      expect(login).toBe(expected);
      taken.push(login);
    }
    expect(taken.slice(0, 4)).toEqual(['jeannoel.ndiaye', 'eloise.legoff', 'eloise.legoff2', 'jeannoel.ndiaye2']);
  });

  it('should keep aliases unique and apart from logins', () => {
    const allocator = new LoginAllocator();
    expect(allocator.alias('jdupont')).toBe('jdupont');
    expect(allocator.alias('jdupont')).toBe('jdupont2');
    expect(allocator.alias('maman.de.lea')).toBe('maman.de.lea');
    expect(allocator.alias('maman.de.lea')).toBe('maman.de.lea.2');
    // One dot would look like a login (prenom.nom): refused.
    expect(allocator.alias('jean.dupont')).toBeNull();
  });
});
