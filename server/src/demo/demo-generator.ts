import { generateCode } from '../platform/crypto/codes';
import { de } from '../platform/text/french';
import { AccountNameKind, baseLogin, firstFreeLogin, searchKey, StructureKind, AccountSource } from '../modules/directory';
import { AdminFunction } from '../platform/model/admin-function';
import { Profile } from '../platform/model/profile';
import { ACADEMIC_MAIL_DOMAIN, CIRCONSCRIPTIONS, FRENCH_NAMES, NAME_POOLS, NamePool, PARENT_MAIL_DOMAINS, SCHOOL_PATRONS, SCHOOL_PLACES, STAFF_KINDS } from './french-names';
import { Random, sequentialUuid } from './prng';

/**
 * The demo département: a deterministic, streamed generator of the directory (structures, classes,
 * accounts, memberships, functions). Rows come out one circonscription at a time, so the same code
 * produces 2,500 accounts for the demo or a million for a load test without holding them all.
 *
 * Everything is a function of (seed, users, referenceDate): ids, names, logins, activation codes,
 * dates. Nothing reads the clock. Secrets are not produced here: rows carry the plain activation code
 * and an `activated` flag, and the loader seals the code and sets the shared demo password hash.
 */

export const DEMO_SEED = 26;
export const DEMO_USERS = 2500;
/** « Now » for the demo data: a Friday afternoon before the Toussaint holidays, school year 2026–2027. */
export const REFERENCE_DATE = '2026-10-16T15:30:00.000Z';
export const MIN_USERS = 200;
/** UAI codes of the département have 4 free digits; this many accounts still fits. */
export const MAX_USERS = 3_000_000;

export const LEVELS = ['CP', 'CE1', 'CE2', 'CM1', 'CM2'] as const;
export type Level = (typeof LEVELS)[number];

export interface DemoOptions {
  seed?: number;
  /** Approximate number of accounts; the département is sized for it (default 2,500). */
  users?: number;
  /** ISO date standing for « now » (default REFERENCE_DATE). */
  referenceDate?: string;
}

// ---------------------------------------------------------------------------------------------------
// Rows, one interface per table (columns in camelCase; timestamps as ISO strings, dates YYYY-MM-DD).

export interface StructureRow {
  id: string;
  kind: StructureKind;
  name: string;
  code: string | null;
  parentId: string | null;
  createdAt: string;
}

export interface SchoolClassRow {
  id: string;
  schoolId: string;
  name: string;
  levels: string[];
  createdAt: string;
}

export interface UserRow {
  id: string;
  profile: Profile;
  firstName: string;
  lastName: string;
  searchFirst: string;
  searchLast: string;
  login: string;
  alias: string | null;
  /** Activated accounts get the demo password hash from the loader. */
  activated: boolean;
  /** Plain activation code of a not-activated account (the loader stores it sealed). */
  activationCode: string | null;
  activatedAt: string | null;
  email: string | null;
  mobile: string | null;
  externalId: string | null;
  source: AccountSource;
  birthDate: string | null;
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
  blockedAt: string | null;
  blockedUntil: string | null;
  blockedReason: string | null;
}

export interface AccountNameRow {
  name: string;
  userId: string;
  kind: AccountNameKind;
}

export interface UserStructureRow {
  userId: string;
  structureId: string;
}

export interface ClassMemberRow {
  classId: string;
  userId: string;
  createdAt: string;
}

export interface RelativeLinkRow {
  relativeId: string;
  studentId: string;
  createdAt: string;
}

export interface AdminFunctionRow {
  id: string;
  userId: string;
  function: AdminFunction;
  structureId: string | null;
  grantedById: string | null;
  grantedAt: string;
}

/** The rows of one circonscription (the first chunk also holds the département and its staff). */
export interface DemoChunk {
  index: number;
  /** Number of chunks (circonscriptions) of the whole generation. */
  total: number;
  circonscription: string;
  structures: StructureRow[];
  schoolClasses: SchoolClassRow[];
  users: UserRow[];
  accountNames: AccountNameRow[];
  userStructures: UserStructureRow[];
  classMembers: ClassMemberRow[];
  relativeLinks: RelativeLinkRow[];
  adminFunctions: AdminFunctionRow[];
}

// ---------------------------------------------------------------------------------------------------
// Plan: the shape of the département (cheap, computed up front, O(écoles)).

export type DirectorKind = 'CLASS_TEACHER' | 'DISCHARGED_TEACHER' | 'PERSONNEL';

export interface PlannedClass {
  name: string;
  levels: Level[];
  size: number;
}

export interface PlannedSchool {
  name: string;
  code: string;
  commune: string;
  classes: PlannedClass[];
  personnel: number;
  guests: number;
  directorKind: DirectorKind;
  /** A part-time complement teacher sharing two classes. */
  extraTeacher: boolean;
  /** A second SCHOOL_ADMIN (an adjoint teacher). */
  secondAdmin: boolean;
  createdAt: string;
}

export interface PlannedCirconscription {
  name: string;
  code: string;
  schools: PlannedSchool[];
}

export interface DemoPlan {
  seed: number;
  targetUsers: number;
  referenceDate: string;
  departement: { name: string; code: string };
  circonscriptions: PlannedCirconscription[];
  schools: number;
  classes: number;
  pupils: number;
  /** Expected number of accounts (pupils × ~2.2 + staff); the real count varies by a few per mille. */
  estimatedUsers: number;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Parents per pupil that the family mix below produces, for sizing. */
const RELATIVES_PER_PUPIL = 1.18;
const UAI_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/** UAI (ex-RNE) code: 3-digit département, 4 digits, and the check letter (number mod 23). */
export function uaiCode(departement: string, serial: number): string {
  const digits = `${departement.padStart(3, '0')}${String(serial).padStart(4, '0')}`;
  return digits + UAI_LETTERS[Number(digits) % 23];
}

function checkedSeed(seed: number | undefined): number {
  const value = seed ?? DEMO_SEED;
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new Error(`La graine doit être un entier entre 0 et 4294967295 (reçu ${value}).`);
  }
  return value;
}

function checkedUsers(users: number | undefined): number {
  const value = users ?? DEMO_USERS;
  if (!Number.isInteger(value) || value < MIN_USERS || value > MAX_USERS) {
    throw new Error(`Le nombre de comptes doit être un entier entre ${MIN_USERS} et ${MAX_USERS} (reçu ${value}).`);
  }
  return value;
}

function classesFor(count: number, random: Random): { name: string; levels: Level[] }[] {
  const named = (levels: Level[]) => ({ name: levels.join('-'), levels });
  if (count <= 2) return [named(['CP', 'CE1', 'CE2']), named(['CM1', 'CM2'])];
  if (count === 3) {
    return random.chance(0.5)
      ? [named(['CP', 'CE1']), named(['CE2', 'CM1']), named(['CM2'])]
      : [named(['CP']), named(['CE1', 'CE2']), named(['CM1', 'CM2'])];
  }
  if (count === 4) {
    return random.chance(0.5)
      ? [named(['CP']), named(['CE1']), named(['CE2', 'CM1']), named(['CM1', 'CM2'])]
      : [named(['CP']), named(['CE1', 'CE2']), named(['CE2', 'CM1']), named(['CM2'])];
  }
  // Five or more: every level has its class, extra classes split a level (« CE1 A », « CE1 B »),
  // and often one double-level class takes the overflow of two neighbouring levels.
  const double = count >= 6 && random.chance(0.6);
  const singles = double ? count - 1 : count;
  const perLevel = [1, 1, 1, 1, 1];
  const start = random.int(5);
  for (let extra = 0; extra < singles - 5; extra++) perLevel[(start + extra) % 5]++;
  const result: { name: string; levels: Level[] }[] = [];
  LEVELS.forEach((level, i) => {
    if (perLevel[i] === 1) result.push(named([level]));
    else for (let k = 0; k < perLevel[i]; k++) result.push({ name: `${level} ${String.fromCharCode(65 + k)}`, levels: [level] });
  });
  if (double) {
    const first = random.int(4);
    const pair = named([LEVELS[first], LEVELS[first + 1]]);
    // Keep the school's classes in level order: after the last single class of the lower level.
    const at = result.findIndex((c) => LEVELS.indexOf(c.levels[0]) > first);
    result.splice(at < 0 ? result.length : at, 0, pair);
  }
  return result;
}

/** The département's shape for `users` accounts: circonscriptions, écoles, classes and their sizes. */
export function planDemoDirectory(options: DemoOptions = {}): DemoPlan {
  const seed = checkedSeed(options.seed);
  const targetUsers = checkedUsers(options.users);
  const referenceDate = options.referenceDate ?? REFERENCE_DATE;
  const random = new Random(seed, 'plan');
  const rollout = Date.UTC(2019, 7, 26, 7);

  const schoolCount = Math.max(3, Math.round(targetUsers / 340));
  const circoCount = Math.max(2, Math.round(schoolCount / 11.5));
  // École counts per circonscription: 8–15 at scale, an even split for the demo.
  const weights = Array.from({ length: circoCount }, () => 0.7 + 0.6 * random.next());
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const perCirco = weights.map((w) => Math.max(1, Math.floor((schoolCount * w) / weightSum)));
  for (let missing = schoolCount - perCirco.reduce((a, b) => a + b, 0), i = 0; missing > 0; missing--, i++) {
    perCirco[i % circoCount]++;
  }
  // The demo école (first of the first circonscription) sits in a circonscription with a neighbour.
  if (perCirco[0] < 2 && schoolCount > circoCount) {
    const donor = perCirco.findIndex((n) => n > 2);
    if (donor > 0) {
      perCirco[donor]--;
      perCirco[0]++;
    }
  }

  // Accounts outside écoles: operator, CPD, one ERUN and one titulaire remplaçant per circonscription.
  const budget = targetUsers - 2 - 2 * circoCount;
  const schoolWeights = Array.from({ length: schoolCount }, () => 0.55 + 0.9 * random.next());
  const schoolWeightSum = schoolWeights.reduce((a, b) => a + b, 0);

  // Codes: one increasing sequence in generation order (circonscription, then its écoles), with gaps.
  const structures = schoolCount + circoCount;
  const maxGap = Math.max(1, Math.min(3, Math.floor(9900 / structures)));
  let serial = 10;
  const nextCode = () => {
    serial += random.between(1, maxGap);
    return uaiCode('26', serial);
  };

  const usedNames = new Set<string>();
  const circonscriptions: PlannedCirconscription[] = [];
  let schoolIndex = 0;
  let classes = 0;
  let pupils = 0;
  let staff = 2 + 2 * circoCount;
  for (let c = 0; c < circoCount; c++) {
    const def = CIRCONSCRIPTIONS[c % CIRCONSCRIPTIONS.length];
    const round = Math.floor(c / CIRCONSCRIPTIONS.length);
    const circo: PlannedCirconscription = { name: round ? `${def.name} ${round + 1}` : def.name, code: nextCode(), schools: [] };
    for (let s = 0; s < perCirco[c]; s++, schoolIndex++) {
      const isDemoSchool = c === 0 && s === 0;
      const commune = s === 0 ? def.communes[0] : random.pick(def.communes);
      const patron = random.chance(0.7) ? random.pick(SCHOOL_PATRONS) : random.pick(SCHOOL_PLACES);
      let name = `École élémentaire ${patron}`;
      if (usedNames.has(name)) name = `${name} (${commune})`;
      for (let k = 2; usedNames.has(name); k++) name = `École élémentaire ${patron} (${commune} ${k})`;
      usedNames.add(name);

      const target = (budget * schoolWeights[schoolIndex]) / schoolWeightSum;
      const personnel = random.between(1, 3);
      const guests = random.chance(0.3) ? 1 : 0;
      const pupilTarget = Math.max(30, (target - personnel - guests) / (1 + RELATIVES_PER_PUPIL + 1 / 23));
      let classCount = Math.min(16, Math.max(2, Math.round(pupilTarget / 23)));
      if (isDemoSchool) classCount = Math.max(classCount, 5);
      const mean = Math.min(28, Math.max(14, pupilTarget / classCount));
      const planned: PlannedClass[] = classesFor(classCount, random).map((cls) => {
        const cap = cls.levels.length > 1 ? 25 : 29;
        const size = Math.min(cap, Math.max(12, Math.round(mean + (random.next() - 0.5) * 6 - (cls.levels.length > 1 ? 2 : 0))));
        return { ...cls, size };
      });
      const directorKind: DirectorKind = isDemoSchool
        ? 'CLASS_TEACHER'
        : classCount >= 13
          ? 'DISCHARGED_TEACHER'
          : random.weighted<DirectorKind>([
              ['CLASS_TEACHER', 88],
              ['PERSONNEL', 8],
              ['DISCHARGED_TEACHER', 4],
            ]);
      const school: PlannedSchool = {
        name,
        code: nextCode(),
        commune,
        classes: planned,
        personnel,
        guests,
        directorKind,
        extraTeacher: classCount >= 4 && random.chance(0.3),
        secondAdmin: !isDemoSchool && classCount >= 5 && random.chance(0.1),
        createdAt: new Date(rollout + random.int(300) * DAY + random.int(10 * HOUR)).toISOString(),
      };
      circo.schools.push(school);
      const schoolPupils = planned.reduce((sum, cls) => sum + cls.size, 0);
      pupils += schoolPupils;
      classes += planned.length;
      staff += planned.length + personnel + guests + (directorKind === 'DISCHARGED_TEACHER' ? 1 : 0) + (school.extraTeacher ? 1 : 0);
    }
    circonscriptions.push(circo);
  }
  return {
    seed,
    targetUsers,
    referenceDate,
    departement: { name: 'Drôme', code: '26' },
    circonscriptions,
    schools: schoolCount,
    classes,
    pupils,
    estimatedUsers: Math.round(pupils * (1 + RELATIVES_PER_PUPIL) + staff),
  };
}

// ---------------------------------------------------------------------------------------------------
// Logins and aliases.

function* contiguousLogins(base: string, count: number): Generator<string> {
  if (count >= 1) yield base;
  for (let i = 2; i <= count; i++) yield `${base}${i}`;
}

/**
 * Logins for an empty database, in memory: `baseLogin` + `firstFreeLogin`. Logins of one base are
 * always allocated in order (base, base2, base3, …), so a per-base counter stands for the set of
 * taken names; past sixteen the next free one is computed directly (same result, no O(n) scan).
 * Aliases have no dot or two dots, so they never collide with a `prenom.nom[n]` login.
 */
export class LoginAllocator {
  private readonly counts = new Map<string, number>();
  private readonly aliases = new Set<string>();

  login(firstName: string, lastName: string): string {
    const base = cachedBaseLogin(firstName, lastName);
    const taken = this.counts.get(base) ?? 0;
    const login = taken < 16 ? firstFreeLogin(base, contiguousLogins(base, taken)) : `${base}${taken + 1}`;
    this.counts.set(base, taken + 1);
    return login;
  }

  /** Reserves `wanted` (or `wanted` + a counter) as an alias; null when it cannot be made valid. */
  alias(wanted: string): string | null {
    const clean = wanted.replace(/[^0-9a-z.]/g, '').slice(0, 60);
    if (!clean || (clean.match(/\./g)?.length ?? 0) === 1) return null;
    let alias = clean;
    for (let i = 2; this.aliases.has(alias); i++) alias = `${clean}${clean.includes('.') ? '.' : ''}${i}`;
    this.aliases.add(alias);
    return alias;
  }

  get size(): number {
    let total = 0;
    for (const n of this.counts.values()) total += n;
    return total;
  }
}

// ---------------------------------------------------------------------------------------------------
// People.

const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
const dayPrefixes = new Map<number, string>();

/** `new Date(ms).toISOString()`, several times faster (a million accounts carry ~4 million dates). */
export function iso(ms: number): string {
  const day = Math.floor(ms / DAY);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  let rest = ms - day * DAY;
  const hours = Math.floor(rest / HOUR);
  rest -= hours * HOUR;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  return `${prefix}${PAD2[hours]}:${PAD2[minutes]}:${PAD2[seconds]}.${PAD3[rest - seconds * 1000]}Z`;
}

/** Names come from short lists: normalise each one once. */
const searchKeys = new Map<string, string>();
function cachedSearchKey(name: string): string {
  let value = searchKeys.get(name);
  if (value === undefined) {
    value = searchKey(name);
    searchKeys.set(name, value);
  }
  return value;
}
const baseLogins = new Map<string, Map<string, string>>();
function cachedBaseLogin(firstName: string, lastName: string): string {
  let byLast = baseLogins.get(firstName);
  if (byLast === undefined) {
    byLast = new Map();
    baseLogins.set(firstName, byLast);
  }
  let value = byLast.get(lastName);
  if (value === undefined) {
    value = baseLogin(firstName, lastName);
    byLast.set(lastName, value);
  }
  return value;
}
const key = (name: string) => cachedSearchKey(name).replace(/ /g, '');

/** Bijection of [0, 10^10): unique 10-digit identifiers from a counter. */
function scrambled10(counter: number, offset: number): string {
  return String((counter * 7919 + offset) % 1e10).padStart(10, '0');
}

interface PersonSpec {
  profile: Profile;
  firstName: string;
  lastName: string;
  source: AccountSource;
  externalId: string | null;
  createdAt: number;
  /** Probability of being activated, or a forced value. */
  activation: number | boolean;
  /** Probability of an e-mail when activated / when not activated. */
  emailIfActive: number;
  emailIfInactive: number;
  mailDomain: 'parent' | 'academic';
  mobile: number;
  aliasChance: number;
  birthDate?: string | null;
  mayBeBlocked: boolean;
}

interface Family {
  pool: NamePool;
  lastNames: { parents: string[]; child: string };
}

const BLOCK_REASONS = [
  'Messages inappropriés signalés par la classe.',
  'Compte partagé entre plusieurs élèves.',
  'Demande de la famille.',
  'Usurpation d’identité signalée.',
  null,
];

class DirectoryBuilder {
  private readonly random: Random;
  private readonly ids: Random;
  private sequence = 0;
  private readonly idEpoch: number;
  private readonly logins = new LoginAllocator();
  private readonly counters = { pupil: 0, relative: 0, staff: 0 };
  private readonly offsets: { pupil: number; relative: number; staff: number };
  private readonly now: number;
  private readonly schoolYear: number;
  private readonly rentree: number;
  private readonly rollout = Date.UTC(2019, 7, 26, 7);
  private chunk!: DemoChunk;

  constructor(private readonly plan: DemoPlan) {
    this.random = new Random(plan.seed, 'people');
    this.ids = new Random(plan.seed, 'ids');
    // Ids read as if made one per millisecond during a load a few days before the reference date.
    this.idEpoch = Date.parse(plan.referenceDate) - (30 + this.ids.int(30 * 24 * 60)) * 60_000 - 10 * DAY;
    const offsets = new Random(plan.seed, 'external-ids');
    this.offsets = { pupil: offsets.int(1e9) * 10, relative: offsets.int(1e9) * 10, staff: offsets.int(1e9) * 10 };
    this.now = Date.parse(plan.referenceDate);
    const ref = new Date(this.now);
    this.schoolYear = ref.getUTCMonth() >= 7 ? ref.getUTCFullYear() : ref.getUTCFullYear() - 1;
    this.rentree = Date.UTC(this.schoolYear, 8, 1, 6);
  }

  private uuid(): string {
    return sequentialUuid(this.ids, this.sequence++, this.idEpoch);
  }

  private newChunk(index: number, circonscription: string): DemoChunk {
    return {
      index,
      total: this.plan.circonscriptions.length,
      circonscription,
      structures: [],
      schoolClasses: [],
      users: [],
      accountNames: [],
      userStructures: [],
      classMembers: [],
      relativeLinks: [],
      adminFunctions: [],
    };
  }

  /** A time between `from` and `to`, skewed towards `to` when skew > 1. */
  private between(from: number, to: number, skew = 1): number {
    if (to <= from) return from;
    return Math.round(to - Math.pow(this.random.next(), skew) * (to - from));
  }

  private externalId(kind: 'pupil' | 'relative' | 'staff'): string {
    const n = this.counters[kind]++;
    const digits = scrambled10(n, this.offsets[kind]);
    if (kind === 'pupil') return digits + UAI_LETTERS[Number(digits) % 23]; // INE-like, 11 characters
    return (kind === 'relative' ? 'R' : 'P') + digits;
  }

  private mail(firstName: string, lastName: string, login: string, domain: 'parent' | 'academic'): string {
    if (domain === 'academic') return `${login}@${ACADEMIC_MAIL_DOMAIN}`;
    const suffix = login.slice(cachedBaseLogin(firstName, lastName).length);
    const first = key(firstName);
    const last = key(lastName);
    const local = this.random.weighted<string>([
      [`${first}.${last}${suffix}`, 5],
      [`${first}-${last}${suffix}`, 1],
      [`${first[0]}${last}${suffix}`, 2],
      [`${first}${last}${suffix}`, 1],
    ]);
    return `${local}@${this.random.pickSkewed(PARENT_MAIL_DOMAINS, 1.3)}`;
  }

  private person(spec: PersonSpec, structureIds: string[]): UserRow {
    const random = this.random;
    const id = this.uuid();
    const login = this.logins.login(spec.firstName, spec.lastName);
    const activated = typeof spec.activation === 'boolean' ? spec.activation : random.chance(spec.activation);
    const createdAt = Math.min(spec.createdAt, this.now - HOUR);
    let activatedAt: number | null = null;
    let lastLoginAt: number | null = null;
    let activationCode: string | null = null;
    if (activated) {
      activatedAt = Math.min(this.now - HOUR, createdAt + HOUR + Math.round(-Math.log(1 - random.next()) * 12 * DAY));
      if (random.chance(0.85)) {
        lastLoginAt = Math.max(activatedAt, this.now - Math.round(-Math.log(1 - random.next()) * 7 * DAY));
      }
    } else {
      activationCode = generateCode(random.below);
    }
    const email = random.chance(activated ? spec.emailIfActive : spec.emailIfInactive)
      ? this.mail(spec.firstName, spec.lastName, login, spec.mailDomain)
      : null;
    const mobile = activated && random.chance(spec.mobile) ? `06 39 98 ${String(random.int(100)).padStart(2, '0')} ${String(random.int(100)).padStart(2, '0')}` : null;
    let alias: string | null = null;
    if (activated && random.chance(spec.aliasChance)) {
      const first = key(spec.firstName);
      const last = key(spec.lastName);
      alias = this.logins.alias(
        random.weighted<string>([
          [`${first[0]}${last}`, 3],
          [`${first}.${last}.${String(random.between(1, 99)).padStart(2, '0')}`, 2],
          [`${first}${last[0]}`, 1],
        ]),
      );
    }
    let blockedAt: number | null = null;
    let blockedUntil: number | null = null;
    let blockedReason: string | null = null;
    if (spec.mayBeBlocked && random.chance(0.002)) {
      blockedAt = this.between(Math.max(createdAt, this.now - 60 * DAY), this.now - HOUR);
      blockedUntil = random.chance(0.4) ? this.now + random.between(30, 120) * DAY : null;
      blockedReason = random.pick(BLOCK_REASONS);
    }
    const updatedAt = Math.max(createdAt, activatedAt ?? 0, blockedAt ?? 0);
    const row: UserRow = {
      id,
      profile: spec.profile,
      firstName: spec.firstName,
      lastName: spec.lastName,
      searchFirst: cachedSearchKey(spec.firstName),
      searchLast: cachedSearchKey(spec.lastName),
      login,
      alias,
      activated,
      activationCode,
      activatedAt: activatedAt === null ? null : iso(activatedAt),
      email,
      mobile,
      externalId: spec.externalId,
      source: spec.source,
      birthDate: spec.birthDate ?? null,
      createdAt: iso(createdAt),
      updatedAt: iso(updatedAt),
      lastLoginAt: lastLoginAt === null ? null : iso(lastLoginAt),
      blockedAt: blockedAt === null ? null : iso(blockedAt),
      blockedUntil: blockedUntil === null ? null : iso(blockedUntil),
      blockedReason,
    };
    const chunk = this.chunk;
    chunk.users.push(row);
    chunk.accountNames.push({ name: login, userId: id, kind: AccountNameKind.LOGIN });
    if (alias) chunk.accountNames.push({ name: alias, userId: id, kind: AccountNameKind.ALIAS });
    for (const structureId of structureIds) chunk.userStructures.push({ userId: id, structureId });
    return row;
  }

  private adult(pool: NamePool, female: boolean): string {
    const names = this.random.chance(pool === FRENCH_NAMES ? 1 : 0.6) ? pool : FRENCH_NAMES;
    return this.random.pickSkewed(female ? names.women : names.men, 1.3);
  }

  private staff(profile: Profile, schoolIds: string[], extra: Partial<PersonSpec> = {}): UserRow {
    const random = this.random;
    const pool = random.weighted(NAME_POOLS);
    const female = random.chance(profile === Profile.TEACHER ? 0.82 : 0.75);
    const manual = extra.source === AccountSource.MANUAL;
    return this.person(
      {
        profile,
        firstName: this.adult(pool, female),
        lastName: random.pickSkewed(pool.last, 1.4),
        source: manual ? AccountSource.MANUAL : AccountSource.AAF1D,
        externalId: manual ? null : this.externalId('staff'),
        createdAt: random.chance(0.2) ? this.rentree - random.int(5) * DAY + random.int(8 * HOUR) : this.between(this.rollout, this.now - 40 * DAY),
        activation: profile === Profile.TEACHER ? 0.9 : 0.7,
        emailIfActive: profile === Profile.TEACHER ? 0.97 : 0.5,
        emailIfInactive: profile === Profile.TEACHER ? 0.6 : 0.1,
        mailDomain: profile === Profile.TEACHER ? 'academic' : 'parent',
        mobile: 0.15,
        aliasChance: 0.08,
        mayBeBlocked: false,
        ...extra,
      },
      schoolIds,
    );
  }

  private grant(userId: string, fn: AdminFunction, structureId: string | null, after: string): void {
    const from = Date.parse(after);
    this.chunk.adminFunctions.push({
      id: this.uuid(),
      userId,
      function: fn,
      structureId,
      grantedById: null,
      grantedAt: iso(this.between(from, Math.max(from, this.now - DAY), 0.5)),
    });
  }

  *chunks(): Generator<DemoChunk> {
    const plan = this.plan;
    const departementId = this.uuid();
    const rollout = iso(this.rollout);
    for (let c = 0; c < plan.circonscriptions.length; c++) {
      const circo = plan.circonscriptions[c];
      this.chunk = this.newChunk(c, circo.name);
      if (c === 0) {
        this.chunk.structures.push({ id: departementId, kind: StructureKind.DEPARTEMENT, name: plan.departement.name, code: plan.departement.code, parentId: null, createdAt: rollout });
        const operator = this.staff(Profile.PERSONNEL, [], {
          source: AccountSource.MANUAL,
          activation: true,
          emailIfActive: 1,
          mailDomain: 'academic',
          createdAt: this.rollout,
          aliasChance: 0,
        });
        this.grant(operator.id, AdminFunction.OPERATOR, null, operator.createdAt);
        // Attached to the département itself, so that the operator finds the CPD in the user list.
        const cpd = this.staff(Profile.PERSONNEL, [departementId], { activation: true, emailIfActive: 1, mailDomain: 'academic', aliasChance: 0 });
        this.grant(cpd.id, AdminFunction.DEPARTEMENT_ADMIN, departementId, cpd.createdAt);
      }
      this.circonscription(circo, departementId, c === 0);
      yield this.chunk;
    }
  }

  private circonscription(circo: PlannedCirconscription, departementId: string, isFirst: boolean): void {
    const random = this.random;
    const chunk = this.chunk;
    const circoId = this.uuid();
    chunk.structures.push({ id: circoId, kind: StructureKind.CIRCONSCRIPTION, name: `Circonscription ${de(circo.name)}`, code: circo.code, parentId: departementId, createdAt: iso(this.rollout) });
    // The ERUN: a PERSONNEL attached to the circonscription itself (no école), so that the
    // département admin finds them in the user list.
    const erun = this.staff(Profile.PERSONNEL, [circoId], { activation: true, emailIfActive: 1, mailDomain: 'academic', aliasChance: 0.2 });
    this.grant(erun.id, AdminFunction.CIRCONSCRIPTION_ADMIN, circoId, erun.createdAt);

    interface SchoolState {
      id: string;
      plan: PlannedSchool;
      classIds: string[];
      classCreatedAt: number;
      free: number[];
      open: number[];
      hasActivatedPupil: boolean[];
      demo: boolean;
    }
    const schools: SchoolState[] = circo.schools.map((school, s) => {
      const id = this.uuid();
      chunk.structures.push({ id, kind: StructureKind.ECOLE, name: school.name, code: school.code, parentId: circoId, createdAt: school.createdAt });
      const classCreatedAt = this.rentree - 7 * DAY + random.int(6 * DAY);
      const classIds = school.classes.map((cls) => {
        const classId = this.uuid();
        chunk.schoolClasses.push({ id: classId, schoolId: id, name: cls.name, levels: [...cls.levels], createdAt: iso(classCreatedAt) });
        return classId;
      });
      return {
        id,
        plan: school,
        classIds,
        classCreatedAt,
        free: school.classes.map((cls) => cls.size),
        open: school.classes.map((_, i) => i),
        hasActivatedPupil: school.classes.map(() => false),
        demo: isFirst && s === 0,
      };
    });

    // Staff of each école: one teacher per class, the director, ATSEM / animateurs / AESH, guests.
    for (const school of schools) {
      const p = school.plan;
      const teachers = p.classes.map((_, i) => {
        const teacher = this.staff(Profile.TEACHER, [school.id], school.demo ? { activation: true } : {});
        chunk.classMembers.push({ classId: school.classIds[i], userId: teacher.id, createdAt: iso(school.classCreatedAt) });
        return teacher;
      });
      if (p.extraTeacher) {
        // Complément de temps partiel / décharge: two classes (the last two: often the director's).
        const extra = this.staff(Profile.TEACHER, [school.id], school.demo ? { activation: true } : {});
        for (const i of [p.classes.length - 2, p.classes.length - 1]) {
          chunk.classMembers.push({ classId: school.classIds[i], userId: extra.id, createdAt: iso(school.classCreatedAt) });
        }
      }
      let director: UserRow;
      if (p.directorKind === 'CLASS_TEACHER') {
        // The CM2 (last) class teacher; directors administer, so they are activated.
        director = teachers[teachers.length - 1];
        if (!director.activated) this.activateLater(director);
      } else {
        director = this.staff(p.directorKind === 'PERSONNEL' ? Profile.PERSONNEL : Profile.TEACHER, [school.id], { activation: true, emailIfActive: 1, mailDomain: 'academic' });
      }
      this.grant(director.id, AdminFunction.SCHOOL_ADMIN, school.id, director.createdAt);
      if (p.secondAdmin) {
        const adjoint = teachers[0];
        if (!adjoint.activated) this.activateLater(adjoint);
        this.grant(adjoint.id, AdminFunction.SCHOOL_ADMIN, school.id, adjoint.createdAt);
      }
      for (let k = 0; k < p.personnel; k++) {
        const kind = random.pick(STAFF_KINDS);
        // Animateurs of the town's périscolaire are often created by hand.
        const manual = (kind === 'animateur' || kind === 'periscolaire') && random.chance(0.4);
        this.staff(Profile.PERSONNEL, [school.id], manual ? { source: AccountSource.MANUAL } : {});
      }
      for (let k = 0; k < p.guests; k++) {
        this.staff(Profile.GUEST, [school.id], { source: AccountSource.MANUAL, activation: 0.4, emailIfActive: 0.6, mailDomain: 'parent' });
      }
    }
    // A titulaire remplaçant attached to two écoles of the circonscription, without a class.
    const attached = schools.length > 1 ? [schools[0].id, schools[1 + random.int(schools.length - 1)].id] : [schools[0].id];
    this.staff(Profile.TEACHER, attached);

    this.families(schools);
  }

  /** Directors and second admins activated after the fact: same dates logic as `person`. */
  private activateLater(row: UserRow): void {
    const created = Date.parse(row.createdAt);
    const activatedAt = Math.min(this.now - HOUR, created + HOUR + this.random.int(10 * DAY));
    row.activated = true;
    row.activationCode = null;
    row.activatedAt = iso(activatedAt);
    row.lastLoginAt = iso(this.between(activatedAt, this.now - HOUR, 3));
    row.updatedAt = iso(Math.max(Date.parse(row.updatedAt), activatedAt));
  }

  private families(
    schools: { id: string; plan: PlannedSchool; classIds: string[]; classCreatedAt: number; free: number[]; open: number[]; hasActivatedPupil: boolean[]; demo: boolean }[],
  ): void {
    const random = this.random;
    const schoolFree = schools.map((s) => s.free.reduce((a, b) => a + b, 0));
    let totalFree = schoolFree.reduce((a, b) => a + b, 0);
    let demoFamilies = 0;

    const takeSeat = (s: number, avoid: Set<number>): number => {
      const school = schools[s];
      let slot = random.int(school.open.length);
      for (let tries = 0; tries < 4 && avoid.has(school.open[slot]); tries++) slot = random.int(school.open.length);
      const classIndex = school.open[slot];
      if (--school.free[classIndex] === 0) school.open.splice(slot, 1);
      schoolFree[s]--;
      totalFree--;
      return classIndex;
    };

    while (totalFree > 0) {
      // Home école: proportional to its free seats.
      let r = random.int(totalFree);
      let home = 0;
      while (r >= schoolFree[home]) r -= schoolFree[home++];
      const childCount = random.weighted<number>([
        [1, 55],
        [2, 35],
        [3, 9],
        [4, 1],
      ]);
      const seats: { school: number; classIndex: number }[] = [];
      const usedClasses = new Map<number, Set<number>>();
      for (let k = 0; k < childCount; k++) {
        let s = home;
        if (k > 0 && schools.length > 1 && random.chance(0.05)) {
          // A sibling in a neighbouring école of the circonscription.
          const other = random.int(schools.length);
          if (schoolFree[other] > 0) s = other;
        }
        if (schoolFree[s] === 0) break;
        const avoid = usedClasses.get(s) ?? new Set<number>();
        const classIndex = takeSeat(s, avoid);
        avoid.add(classIndex);
        usedClasses.set(s, avoid);
        seats.push({ school: s, classIndex });
      }
      const inDemo = seats.some((seat) => schools[seat.school].demo);
      const demoRank = inDemo ? demoFamilies++ : -1;
      this.family(schools, seats, demoRank);
    }
  }

  private familyNames(): Family & { parents: { female: boolean }[] } {
    const random = this.random;
    const pool = random.weighted(NAME_POOLS);
    const kind = random.weighted<string>([
      ['couple-same-name', 55],
      ['couple', 25],
      ['single', 17],
      ['same-sex', 3],
    ]);
    const last = () => random.pickSkewed(pool.last, 1.4);
    const otherLast = () => (random.chance(0.5) ? random.pickSkewed(pool.last, 1.4) : random.pickSkewed(FRENCH_NAMES.last, 1.4));
    const motherFirst = random.chance(0.6);
    switch (kind) {
      case 'couple-same-name': {
        const name = last();
        return { pool, lastNames: { parents: [name, name], child: name }, parents: motherFirst ? [{ female: true }, { female: false }] : [{ female: false }, { female: true }] };
      }
      case 'couple': {
        const father = last();
        let mother = otherLast();
        if (mother === father) mother = random.pickSkewed(FRENCH_NAMES.last);
        const child = random.weighted<string>([
          [father, 60],
          [`${father}-${mother}`, 25],
          [mother, 15],
        ]);
        return motherFirst
          ? { pool, lastNames: { parents: [mother, father], child }, parents: [{ female: true }, { female: false }] }
          : { pool, lastNames: { parents: [father, mother], child }, parents: [{ female: false }, { female: true }] };
      }
      case 'single': {
        const name = last();
        return { pool, lastNames: { parents: [name], child: name }, parents: [{ female: random.chance(0.8) }] };
      }
      default: {
        const a = last();
        const b = otherLast();
        const female = random.chance(0.7);
        return { pool, lastNames: { parents: [a, b], child: random.chance(0.5) ? a : b }, parents: [{ female }, { female }] };
      }
    }
  }

  private family(
    schools: { id: string; plan: PlannedSchool; classIds: string[]; classCreatedAt: number; hasActivatedPupil: boolean[]; demo: boolean }[],
    seats: { school: number; classIndex: number }[],
    demoRank: number,
  ): void {
    const random = this.random;
    const chunk = this.chunk;
    const names = this.familyNames();
    const manual = random.chance(0.003);
    const usedFirst = new Set<string>();
    const pupils: UserRow[] = [];
    const schoolIds: string[] = [];
    let familyCreated = Number.POSITIVE_INFINITY;
    const blockable = !seats.some((seat) => schools[seat.school].demo);

    for (const seat of seats) {
      const school = schools[seat.school];
      const planned = school.plan.classes[seat.classIndex];
      const level = random.pick(planned.levels);
      const levelIndex = LEVELS.indexOf(level);
      const female = random.chance(0.5);
      const firstPool = random.chance(names.pool === FRENCH_NAMES ? 1 : 0.5) ? names.pool : FRENCH_NAMES;
      let firstName = random.pickSkewed(female ? firstPool.girls : firstPool.boys, 1.3);
      if (usedFirst.has(firstName)) firstName = random.pick(female ? FRENCH_NAMES.girls : FRENCH_NAMES.boys);
      usedFirst.add(firstName);
      // Age for the level; a few pupils a year older (redoublement) or younger.
      const shift = random.weighted<number>([
        [0, 94],
        [1, 4],
        [-1, 2],
      ]);
      const birthYear = this.schoolYear - 6 - levelIndex - shift;
      const birthDate = iso(Date.UTC(birthYear, 0, 1) + random.int(365) * DAY).slice(0, 10);
      // Created when the pupil entered CP (not before the ENT existed), some arrived later.
      const entry = Math.max(this.rollout, Date.UTC(this.schoolYear - levelIndex, 8, 1, 6)) + random.int(12 * DAY) + random.int(10 * HOUR);
      const createdAt = random.chance(0.1) ? this.between(entry, this.now - DAY) : entry;
      familyCreated = Math.min(familyCreated, createdAt);
      const forceActive = school.demo && !school.hasActivatedPupil[seat.classIndex];
      const pupil = this.person(
        {
          profile: Profile.STUDENT,
          firstName,
          lastName: names.lastNames.child,
          source: manual ? AccountSource.MANUAL : AccountSource.AAF1D,
          externalId: manual ? null : this.externalId('pupil'),
          createdAt,
          activation: forceActive ? true : 0.3 + 0.08 * levelIndex,
          emailIfActive: 0,
          emailIfInactive: 0,
          mailDomain: 'parent',
          mobile: 0,
          aliasChance: 0.01,
          birthDate,
          mayBeBlocked: blockable,
        },
        [school.id],
      );
      if (pupil.activated) school.hasActivatedPupil[seat.classIndex] = true;
      chunk.classMembers.push({ classId: school.classIds[seat.classIndex], userId: pupil.id, createdAt: iso(Math.max(createdAt, school.classCreatedAt)) });
      pupils.push(pupil);
      if (!schoolIds.includes(school.id)) schoolIds.push(school.id);
    }

    names.parents.forEach((parent, p) => {
      // Demo école: its first family has an activated parent, its second one a parent to activate.
      let activation: number | boolean = 0.62;
      let emailIfInactive = 0.15;
      if (demoRank === 0 && p === 0) activation = true;
      if (demoRank === 1 && p === 0) {
        activation = false;
        emailIfInactive = 0;
      }
      const firstName = this.adult(names.pool, parent.female);
      const source = manual || random.chance(0.003) ? AccountSource.MANUAL : AccountSource.AAF1D;
      const row = this.person(
        {
          profile: Profile.RELATIVE,
          firstName,
          lastName: names.lastNames.parents[p],
          source,
          externalId: source === AccountSource.AAF1D ? this.externalId('relative') : null,
          createdAt: familyCreated + random.int(2 * HOUR),
          activation,
          emailIfActive: 1,
          emailIfInactive,
          mailDomain: 'parent',
          mobile: 0.45,
          aliasChance: 0.03,
          mayBeBlocked: blockable,
        },
        schoolIds,
      );
      if (row.alias === null && row.activated && random.chance(0.01)) {
        const alias = this.logins.alias(`${parent.female ? 'maman' : 'papa'}.de.${key(pupils[0].firstName)}`);
        if (alias) {
          row.alias = alias;
          chunk.accountNames.push({ name: alias, userId: row.id, kind: AccountNameKind.ALIAS });
        }
      }
      for (const pupil of pupils) {
        chunk.relativeLinks.push({ relativeId: row.id, studentId: pupil.id, createdAt: iso(Math.max(Date.parse(row.createdAt), Date.parse(pupil.createdAt))) });
      }
    });
  }
}

/**
 * The demo département as a stream of chunks, one per circonscription (the first one also carries
 * the département, the operator and the CPD). Rows within a chunk are in foreign-key order table by
 * table; chunks only reference structures of their own or earlier chunks.
 */
export function* generateDemoDirectory(options: DemoOptions = {}): Generator<DemoChunk> {
  const plan = planDemoDirectory(options);
  yield* new DirectoryBuilder(plan).chunks();
}
