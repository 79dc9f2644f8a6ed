import { MigrationInterface, QueryRunner } from "typeorm";

export class Notifications1795951429278 implements MigrationInterface {
    name = 'Notifications1795951429278'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."notification_kind" AS ENUM('report_submitted', 'report_returned', 'report_accepted', 'deadline_upcoming', 'item_overdue', 'escalation')`);
        await queryRunner.query(`CREATE TYPE "public"."notification_link_type" AS ENUM('report', 'milestone', 'task', 'period')`);
        await queryRunner.query(`CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" "public"."notification_kind" NOT NULL, "title" character varying(300) NOT NULL, "body" text NOT NULL, "link_type" "public"."notification_link_type" NOT NULL, "link_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, "dispatched_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IX_notifications_undispatched" ON "notifications"  ("created_at") WHERE "dispatched_at" IS NULL`);
        await queryRunner.query(`CREATE INDEX "IX_notifications_user_unread" ON "notifications"  ("user_id", "read_at", "created_at") `);
        await queryRunner.query(`CREATE TYPE "public"."reminder_kind" AS ENUM('deadline_upcoming', 'item_overdue', 'escalation')`);
        await queryRunner.query(`CREATE TABLE "reminder_ledger" ("item_key" character varying(120) NOT NULL, "kind" "public"."reminder_kind" NOT NULL, "threshold" smallint NOT NULL, "recipient_id" uuid NOT NULL, "notification_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ecebe4ad823609efada40636bc3" PRIMARY KEY ("item_key", "kind", "threshold", "recipient_id"))`);
        await queryRunner.query(`CREATE TYPE "public"."user_language" AS ENUM('zh', 'en')`);
        await queryRunner.query(`ALTER TABLE "users" ADD "language" "public"."user_language" NOT NULL DEFAULT 'zh'`);
        await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "reminder_ledger" ADD CONSTRAINT "FK_4f1d0420c0a519602789e55e758" FOREIGN KEY ("recipient_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "reminder_ledger" DROP CONSTRAINT "FK_4f1d0420c0a519602789e55e758"`);
        await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_9a8a82462cab47c73d25f49261f"`);
        await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "language"`);
        await queryRunner.query(`DROP TYPE "public"."user_language"`);
        await queryRunner.query(`DROP TABLE "reminder_ledger"`);
        await queryRunner.query(`DROP TYPE "public"."reminder_kind"`);
        await queryRunner.query(`DROP INDEX "public"."IX_notifications_user_unread"`);
        await queryRunner.query(`DROP INDEX "public"."IX_notifications_undispatched"`);
        await queryRunner.query(`DROP TABLE "notifications"`);
        await queryRunner.query(`DROP TYPE "public"."notification_link_type"`);
        await queryRunner.query(`DROP TYPE "public"."notification_kind"`);
    }

}
