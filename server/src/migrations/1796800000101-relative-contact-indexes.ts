import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * « Importer des utilisateurs » recognises a guardian of the département outside the école's
 * families by family name and e-mail or mobile (`SchoolSnapshotReader.relativesByContact`). Through
 * the name index alone, a common family name read every guardian bearing it in the département, for
 * every école imported; these two indexes find the few accounts with one of the file's e-mails or
 * mobiles, the name then checked on them. Guardians only, with a contact: the other accounts' writes
 * do not maintain them.
 */
export class RelativeContactIndexes1796800000101 implements MigrationInterface {
  name = 'RelativeContactIndexes1796800000101';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX app_user_relative_email_idx ON app_user (lower(email)) WHERE profile = 'RELATIVE' AND email IS NOT NULL AND email <> ''`);
    await q.query(
      `CREATE INDEX app_user_relative_mobile_idx ON app_user (regexp_replace(COALESCE(mobile, ''), '[^0-9]', '', 'g')) WHERE profile = 'RELATIVE' AND mobile IS NOT NULL AND mobile <> ''`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX app_user_relative_mobile_idx`);
    await q.query(`DROP INDEX app_user_relative_email_idx`);
  }
}
