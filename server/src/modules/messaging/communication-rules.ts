import { DataSource } from 'typeorm';
import { Lang } from '../../platform/errors/messages';
import { Profile } from '../../platform/model/profile';
import { CommunicationRuleView, RuleDirection } from '../users';

/**
 * The default communication rules of SPEC, as SQL: within a school, pupils ↔ their teachers,
 * parents ↔ their children's teachers, staff ↔ everyone (teachers count as staff towards each
 * other). Blocked accounts can be messaged by nobody. Each group is a set of user ids for `$1`.
 */
const groups = {
  teachersOfMyClasses: `SELECT t.user_id FROM class_member me JOIN class_member t ON t.class_id = me.class_id
      JOIN app_user tu ON tu.id = t.user_id AND tu.profile = 'TEACHER' WHERE me.user_id = $1`,
  teachersOfMyChildren: `SELECT t.user_id FROM relative_link r JOIN class_member c ON c.user_id = r.student_id
      JOIN class_member t ON t.class_id = c.class_id JOIN app_user tu ON tu.id = t.user_id AND tu.profile = 'TEACHER'
      WHERE r.relative_id = $1`,
  pupilsOfMyClasses: `SELECT p.user_id FROM class_member me JOIN class_member p ON p.class_id = me.class_id
      JOIN app_user pu ON pu.id = p.user_id AND pu.profile = 'STUDENT' WHERE me.user_id = $1`,
  parentsOfMyPupils: `SELECT r.relative_id FROM class_member me JOIN class_member p ON p.class_id = me.class_id
      JOIN relative_link r ON r.student_id = p.user_id WHERE me.user_id = $1`,
  personnelOfMySchools: `SELECT o.user_id FROM user_structure me JOIN user_structure o ON o.structure_id = me.structure_id
      JOIN app_user ou ON ou.id = o.user_id AND ou.profile = 'PERSONNEL' WHERE me.user_id = $1 AND o.user_id <> $1`,
  colleaguesOfMySchools: `SELECT o.user_id FROM user_structure me JOIN user_structure o ON o.structure_id = me.structure_id
      JOIN app_user ou ON ou.id = o.user_id AND ou.profile IN ('PERSONNEL', 'TEACHER') WHERE me.user_id = $1 AND o.user_id <> $1`,
  staffOfMyChildrenSchools: `SELECT o.user_id FROM relative_link r JOIN user_structure s ON s.user_id = r.student_id
      JOIN user_structure o ON o.structure_id = s.structure_id JOIN app_user ou ON ou.id = o.user_id AND ou.profile = 'PERSONNEL'
      WHERE r.relative_id = $1`,
  everyoneInMySchools: `SELECT o.user_id FROM user_structure me JOIN user_structure o ON o.structure_id = me.structure_id
      WHERE me.user_id = $1 AND o.user_id <> $1`,
} as const;

type Group = keyof typeof groups;

const labels: Record<Group, Record<Lang, string>> = {
  teachersOfMyClasses: { fr: 'Les enseignants de ses classes', en: 'The teachers of their classes' },
  teachersOfMyChildren: { fr: 'Les enseignants des classes de ses enfants', en: "The teachers of their children's classes" },
  pupilsOfMyClasses: { fr: 'Les élèves de ses classes', en: 'The pupils of their classes' },
  parentsOfMyPupils: { fr: 'Les parents des élèves de ses classes', en: 'The parents of the pupils of their classes' },
  personnelOfMySchools: { fr: 'Les personnels de ses écoles', en: 'The staff of their schools' },
  colleaguesOfMySchools: { fr: 'Les enseignants et personnels de ses écoles', en: 'The teachers and staff of their schools' },
  staffOfMyChildrenSchools: { fr: 'Les personnels des écoles de ses enfants', en: "The staff of their children's schools" },
  everyoneInMySchools: { fr: 'Tous les comptes de ses écoles', en: 'Every account of their schools' },
};

/** Whom a profile may write to. The rules are symmetric, so the same groups may write to them. */
const rules: Record<Profile, Group[]> = {
  [Profile.STUDENT]: ['teachersOfMyClasses', 'personnelOfMySchools'],
  [Profile.RELATIVE]: ['teachersOfMyChildren', 'staffOfMyChildrenSchools'],
  [Profile.TEACHER]: ['pupilsOfMyClasses', 'parentsOfMyPupils', 'colleaguesOfMySchools'],
  [Profile.PERSONNEL]: ['everyoneInMySchools'],
  [Profile.GUEST]: ['personnelOfMySchools'],
};

function reachableSql(profile: Profile): string {
  return rules[profile].map((group) => groups[group]).join(' UNION ');
}

export class CommunicationRulesService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * SQL selecting the ids the sender (`$1`, of this profile) may message now: pre-deleted accounts
   * excluded, blocked ones too unless `includeBlocked` (to tell "blocked" from "outside the rules").
   */
  reachableQuery(profile: Profile, includeBlocked = false): string {
    const notBlocked = includeBlocked ? '' : 'AND (x.blocked_at IS NULL OR (x.blocked_until IS NOT NULL AND x.blocked_until <= now()))';
    return `SELECT DISTINCT x.id FROM app_user x WHERE x.id IN (${reachableSql(profile)}) AND x.predeleted_at IS NULL ${notBlocked}`;
  }

  async describe(userId: string, profile: Profile, blocked: boolean, lang: Lang): Promise<CommunicationRuleView[]> {
    const lines: CommunicationRuleView[] = [];
    for (const group of rules[profile]) {
      const [row] = (await this.dataSource.query(
        `SELECT count(DISTINCT x.id)::int AS n FROM app_user x WHERE x.id IN (${groups[group]})
           AND x.predeleted_at IS NULL AND (x.blocked_at IS NULL OR (x.blocked_until IS NOT NULL AND x.blocked_until <= now()))`,
        [userId],
      )) as { n: number }[];
      lines.push({ direction: RuleDirection.CAN_MESSAGE, group: labels[group][lang], count: row.n });
      lines.push({
        direction: RuleDirection.CAN_BE_MESSAGED_BY,
        group: labels[group][lang],
        count: blocked ? 0 : row.n,
      });
    }
    if (blocked) {
      lines.push({
        direction: RuleDirection.CAN_BE_MESSAGED_BY,
        group: lang === 'fr' ? 'Personne : le compte est bloqué' : 'Nobody: the account is blocked',
        count: 0,
      });
    }
    return lines;
  }
}
