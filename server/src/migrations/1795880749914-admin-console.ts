import { MigrationInterface, QueryRunner } from 'typeorm';

/** User list sorts (profile, creation date), the pre-deletion purge, and "left the feed". */
export class AdminConsole1795880749914 implements MigrationInterface {
  name = 'AdminConsole1795880749914';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" ADD "left_feed_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`CREATE INDEX "app_user_delete_after_idx" ON "app_user" ("delete_after") WHERE delete_after IS NOT NULL`);
    await q.query(`CREATE INDEX "app_user_created_idx" ON "app_user" ("created_at", "id")`);
    // Hand-written (declared with synchronize: false): keyset paging of the list sorted by profile.
    await q.query(`CREATE INDEX "app_user_profile_name_idx" ON "app_user" ("profile", "search_last" COLLATE "C", "search_first" COLLATE "C", "id")`);
  }

  async down(): Promise<void> {
    throw new Error('AdminConsole1795880749914 is not reversible');
  }
}
