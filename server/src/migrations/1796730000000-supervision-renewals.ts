import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * « Codes de renouvellement expirés » (issue 19): the renewal codes neither used nor revoked are a
 * small part of `renewal_code` (a new code revokes the older ones, a use marks it), so the
 * dashboard's count and the user list's filter read them through this partial index instead of
 * every code ever issued.
 */
export class SupervisionRenewals1796730000000 implements MigrationInterface {
  name = 'SupervisionRenewals1796730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX renewal_code_unused_idx ON renewal_code (expires_at, user_id) WHERE used_at IS NULL AND revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX renewal_code_unused_idx`);
  }
}
