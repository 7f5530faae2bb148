import { DataSource } from 'typeorm';
import { ConnectionSheet, SheetChild } from '../../documents/connection-sheet';
import { SecretBox } from '../../platform/crypto/secret-box';
import { Profile } from '../../platform/model/profile';
import { classInReach, MAILING_REACH as R, personInReach, structureInReach } from './sheet-reach-sql';

export interface RecipientSheet extends ConnectionSheet {
  userId: string;
  position: number;
  email: string | null;
}

/**
 * The connection sheets of a mailing, a slice of positions at a time (bounded memory however large
 * the mailing): one query per slice, classes, children and école aggregated in SQL within the reach
 * frozen on the mailing (never another école's name, classes or children), activation codes
 * decrypted here and nowhere else. Names come as typed: the documents put them in capitals (SQL's
 * upper() follows the database's LC_CTYPE, and under C leaves « é » small).
 */
export class SheetSource {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secretBox: SecretBox,
  ) {}

  /** Positions are 1-based; returns those in (offset, offset + limit], in order. */
  async slice(mailingId: string, offset: number, limit: number): Promise<RecipientSheet[]> {
    return this.load(`r.mailing_id = $1 AND r.position > $2 AND r.position <= $3`, [mailingId, offset, offset + limit]);
  }

  /** Some recipients of a mailing (the e-mail worker's claimed batch), in order. */
  async recipients(mailingId: string, userIds: readonly string[]): Promise<RecipientSheet[]> {
    return this.load(`r.mailing_id = $1 AND r.user_id = ANY($2::uuid[])`, [mailingId, userIds]);
  }

  private async load(where: string, params: unknown[]): Promise<RecipientSheet[]> {
    const rows: {
      user_id: string;
      position: number;
      email: string | null;
      first_name: string;
      last_name: string;
      profile: Profile;
      login: string;
      activation_code_secret: string | null;
      classes: string[] | null;
      children: SheetChild[] | null;
      school: string | null;
    }[] = await this.dataSource.query(
      `SELECT r.user_id, r.position, r.email, u.first_name, u.last_name, u.profile, COALESCE(u.alias, u.login) AS login,
              u.activation_code_secret,
              CASE WHEN u.profile = 'RELATIVE'
                THEN (SELECT array_agg(DISTINCT c.name) FROM relative_link rl JOIN class_member m ON m.user_id = rl.student_id
                        JOIN school_class c ON c.id = m.class_id WHERE rl.relative_id = u.id AND ${classInReach(R, 'c')})
                ELSE (SELECT array_agg(c.name ORDER BY c.name) FROM class_member m JOIN school_class c ON c.id = m.class_id
                       WHERE m.user_id = u.id AND ${classInReach(R, 'c')}) END AS classes,
              CASE WHEN u.profile = 'RELATIVE' THEN
                (SELECT json_agg(json_build_object('firstName', s.first_name, 'lastName', s.last_name, 'classes',
                          COALESCE((SELECT array_agg(c.name ORDER BY c.name) FROM class_member m JOIN school_class c ON c.id = m.class_id
                                     WHERE m.user_id = s.id AND ${classInReach(R, 'c')}), '{}')) ORDER BY s.first_name, s.id)
                   FROM relative_link rl JOIN app_user s ON s.id = rl.student_id
                  WHERE rl.relative_id = u.id AND ${personInReach(R, 's.id')}) END AS children,
              (SELECT min(st.name) FROM user_structure us JOIN structure st ON st.id = us.structure_id
                WHERE us.user_id = u.id AND st.kind = 'ECOLE' AND ${structureInReach(R, 'st')}) AS school
         FROM mailing_recipient r JOIN app_user u ON u.id = r.user_id JOIN mailing mg ON mg.id = r.mailing_id
        WHERE ${where}
        ORDER BY r.position`,
      params,
    );
    return rows.map((row) => ({
      userId: row.user_id,
      position: row.position,
      email: row.email,
      firstName: row.first_name,
      lastName: row.last_name,
      profile: row.profile,
      login: row.login,
      activationCode: row.activation_code_secret ? this.secretBox.open(row.activation_code_secret) : null,
      classes: row.classes ?? [],
      children: row.profile === Profile.RELATIVE ? (row.children ?? []) : [],
      school: row.school,
    }));
  }
}
