import { MigrationInterface, QueryRunner } from 'typeorm';

/** The user space: posts, notifications and timelines, reports, messages. */
export class UserSpace1795884480940 implements MigrationInterface {
  name = 'UserSpace1795884480940';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sender_id" uuid NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ba01f0a3e0123651915008bc578" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "message_recipient" ("message_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5ff399d3e83d845ce854e02062a" PRIMARY KEY ("message_id", "user_id"))`);
    await q.query(`CREATE INDEX "message_recipient_inbox_idx" ON "message_recipient"  ("user_id", "created_at", "message_id") `);
    await q.query(`CREATE TYPE "public"."audience_kind" AS ENUM('CLASS', 'SCHOOL')`);
    await q.query(`CREATE TABLE "post" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "author_id" uuid NOT NULL, "audience_kind" "public"."audience_kind" NOT NULL, "audience_id" uuid NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "link" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_be5fda3aac270b134ff9c21cdee" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TYPE "public"."notification_kind" AS ENUM('POST', 'SYSTEM')`);
    await q.query(`CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "public"."notification_kind" NOT NULL, "post_id" uuid, "author_id" uuid, "text" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "removed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "notification_post_idx" ON "notification"  ("post_id") `);
    await q.query(`CREATE TABLE "timeline_entry" ("user_id" uuid NOT NULL, "notification_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_c33bb97eacaf5118e317b2abe87" PRIMARY KEY ("user_id", "notification_id"))`);
    await q.query(`CREATE INDEX "timeline_entry_notification_idx" ON "timeline_entry"  ("notification_id") `);
    await q.query(`CREATE INDEX "timeline_entry_page_idx" ON "timeline_entry"  ("user_id", "created_at", "notification_id") `);
    await q.query(`CREATE TYPE "public"."report_status" AS ENUM('PENDING', 'KEPT', 'DELETED')`);
    await q.query(`CREATE TABLE "report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "notification_id" uuid NOT NULL, "status" "public"."report_status" NOT NULL DEFAULT 'PENDING', "structure_ids" uuid array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "treated_at" TIMESTAMP WITH TIME ZONE, "treated_by_id" uuid, CONSTRAINT "PK_99e4d0bea58cba73c57f935a546" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "report_notification_key" ON "report"  ("notification_id") `);
    await q.query(`CREATE INDEX "report_status_idx" ON "report"  ("status") `);
    await q.query(`CREATE TABLE "report_reporter" ("report_id" uuid NOT NULL, "user_id" uuid NOT NULL, "reported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_439e43fea8b1a1c9a19fea6e286" PRIMARY KEY ("report_id", "user_id"))`);
    await q.query(`ALTER TABLE "message" ADD CONSTRAINT "FK_c0ab99d9dfc61172871277b52f6" FOREIGN KEY ("sender_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "message_recipient" ADD CONSTRAINT "FK_2180f699042d5939a42845ed816" FOREIGN KEY ("message_id") REFERENCES "message"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "message_recipient" ADD CONSTRAINT "FK_ec6f0f51f39b1cd2318791346bb" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "post" ADD CONSTRAINT "FK_2f1a9ca8908fc8168bc18437f62" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "notification" ADD CONSTRAINT "FK_3ee113bf568b5efdc29cd95a360" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "notification" ADD CONSTRAINT "FK_e3514baabd4e9662b4240c3b2d8" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "timeline_entry" ADD CONSTRAINT "FK_98583b33a44c55ab16f7eb12a89" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "timeline_entry" ADD CONSTRAINT "FK_3ee2b64c9aa91be918769b6d089" FOREIGN KEY ("notification_id") REFERENCES "notification"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "report" ADD CONSTRAINT "FK_ead5a9b4d6527e459d2cd428cad" FOREIGN KEY ("notification_id") REFERENCES "notification"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "report_reporter" ADD CONSTRAINT "FK_e9136fe4b3a9f123278eeecee23" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "report_reporter" ADD CONSTRAINT "FK_10738991f96356ee3937bd62ee8" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(): Promise<void> {
    throw new Error('UserSpace1795884480940 is not reversible');
  }
}
