import { MigrationInterface, QueryRunner } from 'typeorm';

/** Renewal codes, the demo mail outbox, and the sign-in throttling table. */
export class Accounts1795879849596 implements MigrationInterface {
  name = 'Accounts1795879849596';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."renewal_purpose" AS ENUM('ADMIN', 'FORGOTTEN')`);
    await q.query(`CREATE TABLE "renewal_code" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "code_hash" text NOT NULL, "purpose" "public"."renewal_purpose" NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid, CONSTRAINT "PK_6edacdea157b7a82c77ddd9eadb" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "renewal_code_user_idx" ON "renewal_code"  ("user_id", "created_at") `);
    await q.query(`CREATE TABLE "mail_outbox" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "recipient" text NOT NULL, "subject" text NOT NULL, "text" text NOT NULL, "html" text, "message_id" text, CONSTRAINT "PK_fecc63c96385bc35a39ccf2a72e" PRIMARY KEY ("id"))`);
    await q.query(`ALTER TABLE "renewal_code" ADD CONSTRAINT "FK_801a048bcf19cc04839f0356663" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // rate-limiter-flexible's table (its own schema, created here rather than at run time so that
    // no request races the creation). Not an entity: TypeORM leaves it alone.
    await q.query(`CREATE TABLE "login_throttle" ("key" varchar(255) PRIMARY KEY, "points" integer NOT NULL DEFAULT 0, "expire" bigint)`);
  }

  async down(): Promise<void> {
    throw new Error('Accounts1795879849596 is not reversible');
  }
}
