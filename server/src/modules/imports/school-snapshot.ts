import type { Scope } from '../../platform/auth/scope';
import { SqlParams } from '../../platform/database/sql-builder';
import { searchKey } from '../directory';
import { ImportFileKind, type ParsedFile } from './parsed-file';
import type { SchoolSnapshot } from './snapshot-fingerprint';
import type { Queryable } from '../../platform/database/queryable';

export interface ExistingClass {
  id: string;
  name: string;
  levels: string[];
  ondeClassId: string | null;
}

export interface ExistingPupil {
  id: string;
  firstName: string;
  lastName: string;
  /** search_first/search_last without spaces: `nameKey` of the stored names. */
  firstKey: string;
  lastKey: string;
  birthDate: string | null;
  externalId: string | null;
  /** Classes of this école the pupil is in. */
  classIds: string[];
  /** « Absent du fichier » since an earlier import (`import_absence`): back in the file, the mark goes. */
  absent: boolean;
  /** Also a member of another école: absent from this école's file, they are not a leaver. */
  elsewhere: boolean;
}

export interface ExistingRelative {
  id: string;
  firstName: string;
  lastName: string;
  firstKey: string;
  lastKey: string;
  email: string | null;
  mobile: string | null;
  activated: boolean;
  /** All their children, here or elsewhere (a pupil transferring in keeps their guardians). */
  childIds: string[];
  addressKey: string | null;
  absent: boolean;
}

export interface ElsewherePupil extends ExistingPupil {
  schoolId: string;
  /** Null when the other école is outside the caller's scope: the report does not name it. */
  schoolName: string | null;
}

/**
 * What a dry run compares the files with: the école's classes, pupils and guardians, the pupils of
 * the département holding the files' INE, and its guardians with the files' names and contacts,
 * read in one statement (each list a `json_agg`): one round trip and one plan instead of six, for a
 * read each école's dry run makes and its « Appliquer » makes again. Each list goes from the école's
 * memberships (or the contact indexes) to the accounts by their keys (`= ANY` of the ids gathered
 * first): a join the planner may turn into a scan of the whole `app_user` or `user_structure` costs
 * a département's size for every école.
 */
export class SchoolSnapshotReader {
  constructor(private readonly db: Queryable) {}

  /** All a dry run compares these files with (and « Appliquer » reads again to check nothing moved). */
  async read(schoolId: string, files: ParsedFile[], scope: Scope): Promise<SchoolSnapshot> {
    const pupilFiles = files.filter((file) => file.diagnostics.kind !== ImportFileKind.ONDE_GUARDIANS);
    const ines = [...new Set(pupilFiles.flatMap((file) => file.pupils.map((p) => p.ine ?? p.externalId).filter((v): v is string => !!v)))];
    const guardians = files.flatMap((file) => file.guardians);
    const lastNames = [...new Set(guardians.flatMap((g) => [g.lastName, g.usageName].filter(Boolean)).map(searchKey))];
    const emails = guardians.map((g) => g.email).filter((v): v is string => !!v);
    const mobiles = guardians.map((g) => g.mobile).filter((v): v is string => !!v);

    const params = new SqlParams();
    const school = params.add(schoolId, 'uuid');
    const list = (sql: string) => `(SELECT COALESCE(json_agg(l), '[]') FROM (${sql}) l)`;
    const [row] = (await this.db.query(
      `WITH departement AS MATERIALIZED (SELECT ancestor_id AS id FROM structure_ancestor WHERE structure_id = ${school} ORDER BY depth DESC LIMIT 1),
            members AS MATERIALIZED (SELECT array_agg(us.user_id) AS ids FROM user_structure us WHERE us.structure_id = ${school})
       SELECT ${list(classesSql(school))} AS classes,
              ${list(pupilsSql(school))} AS pupils,
              ${list(relativesSql())} AS relatives,
              ${list(pupilsByIneSql(school, params.add(ines, 'text[]'), scope.contains('s.id', params)))} AS elsewhere,
              ${list(relativesByContactSql(params.add(lastNames, 'text[]'), params.add(emails, 'text[]'), params.add(mobiles, 'text[]')))} AS "byContact"`,
      params.values,
    )) as SchoolSnapshot[];
    return row;
  }
}

function classesSql(school: string): string {
  return `SELECT c.id, c.name, c.levels, ic.onde_class_id AS "ondeClassId"
            FROM school_class c LEFT JOIN import_class ic ON ic.class_id = c.id
           WHERE c.school_id = ${school}`;
}

function pupilsSql(school: string): string {
  return `SELECT u.id, u.first_name AS "firstName", u.last_name AS "lastName",
                 replace(u.search_first, ' ', '') AS "firstKey", replace(u.search_last, ' ', '') AS "lastKey",
                 to_char(u.birth_date, 'YYYY-MM-DD') AS "birthDate", u.external_id AS "externalId",
                 COALESCE((SELECT array_agg(cm.class_id) FROM class_member cm JOIN school_class c ON c.id = cm.class_id
                            WHERE cm.user_id = u.id AND c.school_id = ${school}), '{}') AS "classIds",
                 EXISTS (SELECT 1 FROM import_absence ia WHERE ia.user_id = u.id) AS absent,
                 other.id IS NOT NULL AS elsewhere
            FROM members m JOIN app_user u ON u.id = ANY(m.ids)
            LEFT JOIN LATERAL (SELECT o.structure_id AS id FROM user_structure o JOIN structure os ON os.id = o.structure_id
                                WHERE o.user_id = u.id AND o.structure_id <> ${school} AND os.kind = 'ECOLE' LIMIT 1) other ON true
           WHERE u.profile = 'STUDENT' AND u.predeleted_at IS NULL`;
}

/** Guardians of the école's pupils, and guardians attached to the école itself. */
function relativesSql(): string {
  return `WITH accounts AS MATERIALIZED (
            SELECT array_agg(u.id) FILTER (WHERE u.profile = 'STUDENT') AS pupils, array_agg(u.id) FILTER (WHERE u.profile = 'RELATIVE') AS relatives
              FROM members m JOIN app_user u ON u.id = ANY(m.ids)
          ), relatives AS MATERIALIZED (
            SELECT array_agg(DISTINCT r.id) AS ids FROM (
              SELECT rl.relative_id AS id FROM accounts a JOIN relative_link rl ON rl.student_id = ANY(a.pupils)
              UNION ALL
              SELECT unnest(a.relatives) FROM accounts a) r
          )
          SELECT u.id, u.first_name AS "firstName", u.last_name AS "lastName",
                 replace(u.search_first, ' ', '') AS "firstKey", replace(u.search_last, ' ', '') AS "lastKey",
                 u.email, u.mobile, u.activated_at IS NOT NULL AS activated, ia.address_key AS "addressKey",
                 COALESCE((SELECT array_agg(rl.student_id) FROM relative_link rl WHERE rl.relative_id = u.id), '{}') AS "childIds",
                 EXISTS (SELECT 1 FROM import_absence ab WHERE ab.user_id = u.id) AS absent
            FROM relatives r JOIN app_user u ON u.id = ANY(r.ids) LEFT JOIN import_address ia ON ia.user_id = u.id
           WHERE u.predeleted_at IS NULL`;
}

/**
 * Pupils of the département holding these INE (or external ids), in any école; the other école
 * named only inside the caller's scope. `source = ANY(every source)` lets the
 * `(source, external_id)` index answer (the external id alone has no index). `OFFSET 0` keeps the
 * département check a probe per pupil found: joined, it read every structure of the département.
 */
function pupilsByIneSql(school: string, ines: string, inScope: string): string {
  return `SELECT u.id, u.first_name AS "firstName", u.last_name AS "lastName",
                 replace(u.search_first, ' ', '') AS "firstKey", replace(u.search_last, ' ', '') AS "lastKey",
                 to_char(u.birth_date, 'YYYY-MM-DD') AS "birthDate", u.external_id AS "externalId",
                 '{}'::uuid[] AS "classIds", EXISTS (SELECT 1 FROM import_absence ab WHERE ab.user_id = u.id) AS absent, true AS elsewhere,
                 s.id AS "schoolId", CASE WHEN ${inScope} THEN s.name END AS "schoolName"
            FROM app_user u
            JOIN LATERAL (SELECT us.structure_id FROM user_structure us WHERE us.user_id = u.id
                           ORDER BY us.structure_id = ${school} DESC LIMIT 1) home ON true
            JOIN structure s ON s.id = home.structure_id
           WHERE u.profile = 'STUDENT' AND u.source = ANY(enum_range(NULL::account_source)) AND u.external_id = ANY(${ines}) AND u.predeleted_at IS NULL
             AND EXISTS (SELECT 1 FROM structure_ancestor sa WHERE sa.structure_id = home.structure_id AND sa.ancestor_id = (SELECT id FROM departement) OFFSET 0)`;
}

/**
 * Guardians of the département with one of these family names and one of these e-mails or mobiles
 * (found by the guardians' contact indexes first, the names then checked on those few: a common
 * name through its own index would read a département's worth): the only way a guardian is
 * recognised outside the école's families.
 */
function relativesByContactSql(lastNames: string, emails: string, mobiles: string): string {
  return `WITH contact AS MATERIALIZED (
            SELECT array_agg(c.id) AS ids FROM app_user c
             WHERE c.profile = 'RELATIVE'
               AND ((c.email <> '' AND lower(c.email) = ANY(${emails}))
                    OR (c.mobile <> '' AND regexp_replace(COALESCE(c.mobile, ''), '[^0-9]', '', 'g') = ANY(${mobiles})))
          )
          SELECT u.id, u.first_name AS "firstName", u.last_name AS "lastName",
                 replace(u.search_first, ' ', '') AS "firstKey", replace(u.search_last, ' ', '') AS "lastKey",
                 u.email, u.mobile, u.activated_at IS NOT NULL AS activated, NULL AS "addressKey", '{}'::uuid[] AS "childIds",
                 EXISTS (SELECT 1 FROM import_absence ab WHERE ab.user_id = u.id) AS absent
            FROM contact JOIN app_user u ON u.id = ANY(contact.ids)
            JOIN LATERAL (SELECT 1 FROM user_structure us JOIN structure_ancestor sa ON sa.structure_id = us.structure_id
                           WHERE us.user_id = u.id AND sa.ancestor_id = (SELECT id FROM departement) LIMIT 1) here ON true
           WHERE u.search_last COLLATE "C" = ANY(${lastNames}) AND u.predeleted_at IS NULL`;
}
