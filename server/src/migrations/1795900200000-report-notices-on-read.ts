import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The admins' « Une notification a été signalée… » notices are read, not copied: one notification
 * row pointing at its report, shown in the fil de nouveautés of every admin whose scope holds the
 * report (timeline.service.ts), instead of one timeline row per admin concerned — 2,000 rows per
 * report for a département, written while the live feed was being delivered. Notices written
 * before this migration keep their timeline rows and no report.
 */
export class ReportNoticesOnRead1795900200000 implements MigrationInterface {
  name = 'ReportNoticesOnRead1795900200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "notification" ADD "report_id" uuid`);
    await q.query(`ALTER TABLE "notification" ADD CONSTRAINT "notification_report_fk" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE CASCADE`);
    await q.query(`CREATE INDEX "notification_report_notice_idx" ON "notification" ("created_at" DESC, "id" DESC) WHERE "report_id" IS NOT NULL`);
    await q.query(`CREATE INDEX "notification_report_idx" ON "notification" ("report_id") WHERE "report_id" IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "notification_report_idx"`);
    await q.query(`DROP INDEX "notification_report_notice_idx"`);
    await q.query(`ALTER TABLE "notification" DROP CONSTRAINT "notification_report_fk"`);
    await q.query(`ALTER TABLE "notification" DROP COLUMN "report_id"`);
  }
}
