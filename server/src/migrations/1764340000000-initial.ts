import { MigrationInterface, QueryRunner } from 'typeorm';

/** The directory, sessions and audit log. Generated from the entities, plus the hand-written indexes. */
export class Initial1764340000000 implements MigrationInterface {
  name = 'Initial1764340000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "audit_log" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_label" text, "action" text NOT NULL, "target_user_id" uuid, "target_label" text, "structure_ids" uuid array NOT NULL DEFAULT '{}', "client_address" text, "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "audit_log_target_idx" ON "audit_log"  ("target_user_id", "id") `);
    await q.query(`CREATE TYPE "public"."user_profile" AS ENUM('STUDENT', 'RELATIVE', 'TEACHER', 'PERSONNEL', 'GUEST')`);
    await q.query(`CREATE TYPE "public"."account_source" AS ENUM('AAF1D', 'ONDE_CSV', 'MANUAL')`);
    await q.query(`CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "profile" "public"."user_profile" NOT NULL, "first_name" text NOT NULL, "last_name" text NOT NULL, "search_first" text NOT NULL, "search_last" text NOT NULL, "login" text NOT NULL, "alias" text, "password_hash" text, "activation_code_secret" text, "activated_at" TIMESTAMP WITH TIME ZONE, "email" text, "mobile" text, "external_id" text, "source" "public"."account_source" NOT NULL, "birth_date" date, "photo_path" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_login_at" TIMESTAMP WITH TIME ZONE, "blocked_at" TIMESTAMP WITH TIME ZONE, "blocked_until" TIMESTAMP WITH TIME ZONE, "blocked_reason" text, "predeleted_at" TIMESTAMP WITH TIME ZONE, "delete_after" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "app_user_login_key" ON "app_user"  ("login") `);
    await q.query(`CREATE UNIQUE INDEX "app_user_alias_key" ON "app_user"  ("alias") `);
    await q.query(`CREATE UNIQUE INDEX "app_user_source_external_key" ON "app_user"  ("source", "external_id") WHERE external_id IS NOT NULL`);
    await q.query(`CREATE TYPE "public"."account_name_kind" AS ENUM('LOGIN', 'ALIAS')`);
    await q.query(`CREATE TABLE "account_name" ("name" text NOT NULL, "user_id" uuid NOT NULL, "kind" "public"."account_name_kind" NOT NULL, CONSTRAINT "PK_f7d4a9985460b86d49045aaf88b" PRIMARY KEY ("name"))`);
    await q.query(`CREATE INDEX "account_name_user_idx" ON "account_name"  ("user_id") `);
    await q.query(`CREATE TYPE "public"."structure_kind" AS ENUM('DEPARTEMENT', 'CIRCONSCRIPTION', 'ECOLE')`);
    await q.query(`CREATE TABLE "structure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "public"."structure_kind" NOT NULL, "name" text NOT NULL, "code" text, "parent_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_90ac7986e769d602d218075215c" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "structure_code_key" ON "structure"  ("code") `);
    await q.query(`CREATE INDEX "structure_parent_idx" ON "structure"  ("parent_id") `);
    await q.query(`CREATE TYPE "public"."admin_function_kind" AS ENUM('SCHOOL_ADMIN', 'CIRCONSCRIPTION_ADMIN', 'DEPARTEMENT_ADMIN', 'OPERATOR')`);
    await q.query(`CREATE TABLE "admin_function" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "function" "public"."admin_function_kind" NOT NULL, "structure_id" uuid, "granted_by_id" uuid, "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_684713e7092b1c85e47e3f621b7" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "admin_function_structure_idx" ON "admin_function"  ("structure_id") `);
    await q.query(`CREATE UNIQUE INDEX "admin_function_user_fn_structure_key" ON "admin_function"  ("user_id", "function", "structure_id") `);
    await q.query(`CREATE TABLE "school_class" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "school_id" uuid NOT NULL, "name" text NOT NULL, "levels" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c2db13fe0f6e127a4aae70bfd35" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "school_class_school_name_key" ON "school_class"  ("school_id", "name") `);
    await q.query(`CREATE TABLE "user_structure" ("user_id" uuid NOT NULL, "structure_id" uuid NOT NULL, CONSTRAINT "PK_e26a1ec268801b7c936321428b3" PRIMARY KEY ("user_id", "structure_id"))`);
    await q.query(`CREATE INDEX "user_structure_structure_idx" ON "user_structure"  ("structure_id", "user_id") `);
    await q.query(`CREATE TABLE "class_member" ("class_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_31d72890da07b1ef608906032dc" PRIMARY KEY ("class_id", "user_id"))`);
    await q.query(`CREATE INDEX "class_member_user_idx" ON "class_member"  ("user_id", "class_id") `);
    await q.query(`CREATE TABLE "relative_link" ("relative_id" uuid NOT NULL, "student_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_12f3c44e760d40d1c254879d40d" PRIMARY KEY ("relative_id", "student_id"))`);
    await q.query(`CREATE INDEX "relative_link_student_idx" ON "relative_link"  ("student_id", "relative_id") `);
    await q.query(`CREATE TABLE "user_session" ("token_hash" text NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "client_address" text, "user_agent" text, CONSTRAINT "PK_9ccf6d901cef4067214284f327e" PRIMARY KEY ("token_hash"))`);
    await q.query(`CREATE INDEX "user_session_user_idx" ON "user_session"  ("user_id") `);
    await q.query(`CREATE INDEX "user_session_expires_idx" ON "user_session"  ("expires_at") `);
    await q.query(`ALTER TABLE "account_name" ADD CONSTRAINT "FK_68a41279a54fa68663f3382338d" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "structure" ADD CONSTRAINT "FK_7613d65df2a18b925f3c46beb28" FOREIGN KEY ("parent_id") REFERENCES "structure"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "admin_function" ADD CONSTRAINT "FK_31d0f41c7bdd935c7bc5eae379f" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "admin_function" ADD CONSTRAINT "FK_135519ec644cd4011ad2a8a8321" FOREIGN KEY ("structure_id") REFERENCES "structure"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "school_class" ADD CONSTRAINT "FK_b5a7679ac8a5f7d88cfd05b164f" FOREIGN KEY ("school_id") REFERENCES "structure"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "user_structure" ADD CONSTRAINT "FK_315c747ee3d04a9c4c31ed35af8" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "user_structure" ADD CONSTRAINT "FK_6e1dbef02793c9c0689f32ef564" FOREIGN KEY ("structure_id") REFERENCES "structure"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "class_member" ADD CONSTRAINT "FK_f3355de60b8456e6361e9fc1dd7" FOREIGN KEY ("class_id") REFERENCES "school_class"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "class_member" ADD CONSTRAINT "FK_c2bee936e648738a49fdf85e456" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "relative_link" ADD CONSTRAINT "FK_057ac2a975bac8481f6b78de6d8" FOREIGN KEY ("relative_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "relative_link" ADD CONSTRAINT "FK_7a768cecb604b4121235b365dda" FOREIGN KEY ("student_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Hand-written (declared on the entities with synchronize: false). Prefix search on names and on
    // sign-in names: B-trees in the C collation, so `LIKE 'du%'` is an index range scan whatever the
    // database's default collation is.
    await q.query(`CREATE INDEX "app_user_search_last_idx" ON "app_user" ("search_last" COLLATE "C", "search_first" COLLATE "C", "id")`);
    await q.query(`CREATE INDEX "app_user_search_first_idx" ON "app_user" ("search_first" COLLATE "C", "search_last" COLLATE "C", "id")`);
    await q.query(`CREATE INDEX "account_name_pattern_idx" ON "account_name" ("name" COLLATE "C")`);
    await q.query(`CREATE INDEX "audit_log_structures_idx" ON "audit_log" USING gin ("structure_ids")`);
  }

  async down(): Promise<void> {
    throw new Error('Initial1764340000000 is not reversible');
  }
}
