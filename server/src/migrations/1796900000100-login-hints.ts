import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per login base, the next collision counter to try (`chooseLogins` in the directory): every
 * counter below it was taken when it was written, under the base's advisory lock. Choosing a login
 * then looks up a few candidates by key instead of reading every namesake of the département.
 * No row is made here: a base without one is read in full once, at its next account.
 * Read and written by key only, through raw SQL (no entity).
 */
export class LoginHints1796900000100 implements MigrationInterface {
  name = 'LoginHints1796900000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE login_hint (base text PRIMARY KEY, next_counter integer NOT NULL CHECK (next_counter >= 1))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_hint`);
  }
}
