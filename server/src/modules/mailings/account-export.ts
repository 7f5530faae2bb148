import { DataSource } from 'typeorm';
import { Actor, displayName } from '../../platform/auth/actor';
import { SecretBox } from '../../platform/crypto/secret-box';
import { SqlParams } from '../../platform/database/sql-builder';
import { AppError } from '../../platform/errors/app-error';
import { AuditService } from '../audit';
import { PROFILE_LABELS_FR } from '../../platform/model/profile-labels';
import { Profile } from '../../platform/model/profile';
import { assertIdsInScope, userFilterCondition, UserFilter } from '../users';
import { lastFirst } from '../../platform/text/french';
import { CSV_BOM, csvLine } from './csv';
import { adminReach, classInReach, personInReach, reachParams } from './sheet-reach-sql';

const C = 'COLLATE "C"';
const BATCH = 2000;

export const EXPORT_HEADER = ['Nom', 'Prénom', 'Profil', 'Login', 'Identifiant personnalisé', "Code d'activation", 'Classe', 'Enfants / Responsables'];

/**
 * « Exporter des comptes »: the filtered accounts of the actor's scope as CSV, their classes and
 * families within that scope (or the chosen école) only, written to `write` a batch at a time
 * (keyset on the name order: memory stays flat for a whole département).
 */
export class AccountExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secretBox: SecretBox,
    private readonly audit: AuditService,
  ) {}

  /** Checks the request before anything is written, so a refusal is a clean error page. */
  async check(actor: Actor, filter: UserFilter): Promise<void> {
    if (actor.scope.isEmpty) throw AppError.notFound();
    await assertIdsInScope(this.dataSource, actor, { structureId: filter.structureId, classIds: filter.classIds, importId: filter.importId });
  }

  async write(actor: Actor, filter: UserFilter, clientAddress: string | null, write: (chunk: string) => Promise<void>): Promise<number> {
    await this.check(actor, filter);
    await write(CSV_BOM + csvLine(EXPORT_HEADER));
    let after: [string, string, string] | null = null;
    let count = 0;
    for (;;) {
      const params = new SqlParams();
      const condition = userFilterCondition(actor, filter, params);
      const reach = reachParams(adminReach(actor, filter.structureId), params);
      const keyset = after
        ? `AND (u.search_last ${C}, u.search_first ${C}, u.id) > (${params.add(after[0])}::text ${C}, ${params.add(after[1])}::text ${C}, ${params.add(after[2], 'uuid')})`
        : '';
      const rows = (await this.dataSource.query(
        `SELECT u.id, u.search_last, u.search_first, u.last_name, u.first_name, u.profile, u.login, u.alias, u.activation_code_secret,
                (SELECT string_agg(c.name, ', ' ORDER BY c.name) FROM class_member m JOIN school_class c ON c.id = m.class_id
                  WHERE m.user_id = u.id AND ${classInReach(reach, 'c')}) AS classes,
                CASE u.profile
                  WHEN 'RELATIVE' THEN (SELECT json_agg(json_build_array(s.first_name, s.last_name) ORDER BY s.last_name, s.first_name)
                                          FROM relative_link rl JOIN app_user s ON s.id = rl.student_id WHERE rl.relative_id = u.id AND ${personInReach(reach, 's.id')})
                  WHEN 'STUDENT' THEN (SELECT json_agg(json_build_array(p.first_name, p.last_name) ORDER BY p.last_name, p.first_name)
                                         FROM relative_link rl JOIN app_user p ON p.id = rl.relative_id WHERE rl.student_id = u.id AND ${personInReach(reach, 'p.id')})
                END AS family
           FROM app_user u
          WHERE ${condition} ${keyset}
          ORDER BY u.search_last ${C}, u.search_first ${C}, u.id
          LIMIT ${BATCH}`,
        params.values,
      )) as {
        id: string;
        search_last: string;
        search_first: string;
        last_name: string;
        first_name: string;
        profile: Profile;
        login: string;
        alias: string | null;
        activation_code_secret: string | null;
        classes: string | null;
        /** [first name, last name] of each child or parent: capitals are put here (lastFirst), not by SQL's locale-bound upper(). */
        family: [string, string][] | null;
      }[];
      if (rows.length === 0) break;
      await write(
        rows
          .map((row) =>
            csvLine([
              row.last_name,
              row.first_name,
              PROFILE_LABELS_FR[row.profile],
              row.login,
              row.alias,
              row.activation_code_secret ? this.secretBox.open(row.activation_code_secret) : null,
              row.classes,
              row.family?.map(([first, last]) => lastFirst(first, last)).join(', '),
            ]),
          )
          .join(''),
      );
      count += rows.length;
      const last = rows[rows.length - 1];
      after = [last.search_last, last.search_first, last.id];
      if (rows.length < BATCH) break;
    }
    await this.audit.record({
      actorId: actor.userId,
      actorLabel: `${displayName(actor)} (${actor.login})`,
      action: 'ACCOUNTS_EXPORTED',
      clientAddress,
      details: { accounts: count, filter },
    });
    return count;
  }
}
