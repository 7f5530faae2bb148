import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The search keys of each account copied onto its memberships, so that « Rechercher un
 * utilisateur » for a director or an ERUN walks one short index range per école of the scope
 * (`(structure_id, search_last)`) instead of reading every account of the scope. Kept by triggers:
 * filled on insert (COPY included) from the account, and followed when a name changes or the
 * account is pre-deleted or restored.
 */
export class MembershipSearchKeys1795900100000 implements MigrationInterface {
  name = 'MembershipSearchKeys1795900100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "user_structure" ADD "search_last" text, ADD "search_first" text, ADD "predeleted" boolean NOT NULL DEFAULT false`);
    // FOR SHARE: a membership inserted while its account is renamed or pre-deleted waits for that
    // change and copies the new keys; the rename, in turn, waits for the insert and then updates it.
    // An unknown account keeps empty keys, so that the foreign key (not NOT NULL) refuses the row.
    await q.query(`
      CREATE FUNCTION user_structure_fill_keys() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT u.search_last, u.search_first, u.predeleted_at IS NOT NULL INTO NEW.search_last, NEW.search_first, NEW.predeleted
          FROM app_user u WHERE u.id = NEW.user_id FOR SHARE;
        IF NOT FOUND THEN
          NEW.search_last := '';
          NEW.search_first := '';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER user_structure_fill_keys BEFORE INSERT OR UPDATE OF user_id ON user_structure FOR EACH ROW EXECUTE FUNCTION user_structure_fill_keys()`);
    await q.query(`
      CREATE FUNCTION user_structure_follow_keys() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE user_structure SET search_last = NEW.search_last, search_first = NEW.search_first, predeleted = NEW.predeleted_at IS NOT NULL
         WHERE user_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER user_structure_follow_keys AFTER UPDATE OF search_last, search_first, predeleted_at ON app_user FOR EACH ROW
      WHEN (OLD.search_last IS DISTINCT FROM NEW.search_last OR OLD.search_first IS DISTINCT FROM NEW.search_first
            OR (OLD.predeleted_at IS NULL) <> (NEW.predeleted_at IS NULL))
      EXECUTE FUNCTION user_structure_follow_keys()`);
    // Existing memberships, once the triggers are in place (a rename meanwhile is followed).
    await q.query(`
      UPDATE user_structure us SET search_last = u.search_last, search_first = u.search_first, predeleted = (u.predeleted_at IS NOT NULL)
        FROM app_user u WHERE u.id = us.user_id`);
    await q.query(`ALTER TABLE "user_structure" ALTER "search_last" SET NOT NULL, ALTER "search_first" SET NOT NULL`);
    await q.query(`CREATE INDEX "user_structure_search_last_idx" ON "user_structure" ("structure_id", "search_last" COLLATE "C", "search_first" COLLATE "C", "user_id") WHERE NOT predeleted`);
    await q.query(`CREATE INDEX "user_structure_search_first_idx" ON "user_structure" ("structure_id", "search_first" COLLATE "C", "search_last" COLLATE "C", "user_id") WHERE NOT predeleted`);
    await q.query(`ANALYZE user_structure`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "user_structure_search_first_idx"`);
    await q.query(`DROP INDEX "user_structure_search_last_idx"`);
    await q.query(`DROP TRIGGER user_structure_follow_keys ON app_user`);
    await q.query(`DROP TRIGGER user_structure_fill_keys ON user_structure`);
    await q.query(`DROP FUNCTION user_structure_follow_keys()`);
    await q.query(`DROP FUNCTION user_structure_fill_keys()`);
    await q.query(`ALTER TABLE "user_structure" DROP COLUMN "predeleted", DROP COLUMN "search_first", DROP COLUMN "search_last"`);
  }
}
