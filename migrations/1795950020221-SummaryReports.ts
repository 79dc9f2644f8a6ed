import { MigrationInterface, QueryRunner } from "typeorm";

export class SummaryReports1795950020221 implements MigrationInterface {
    name = 'SummaryReports1795950020221'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."summary_language" AS ENUM('zh', 'en')`);
        await queryRunner.query(`CREATE TYPE "public"."summary_status" AS ENUM('queued', 'running', 'ready', 'failed')`);
        await queryRunner.query(`CREATE TABLE "summary_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "period_id" uuid NOT NULL, "province_zh" character varying(100), "province_en" character varying(100), "pilot_ids" uuid array, "language" "public"."summary_language" NOT NULL DEFAULT 'zh', "as_of" date NOT NULL, "status" "public"."summary_status" NOT NULL DEFAULT 'queued', "progress" smallint NOT NULL DEFAULT '0', "page_count" integer, "bytes" integer, "sha256" character(64), "error" text, "requested_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CK_summary_reports_progress" CHECK ("progress" BETWEEN 0 AND 100), CONSTRAINT "PK_d2339904bf998a159198f4f8689" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IX_summary_reports_status" ON "summary_reports"  ("status") `);
        await queryRunner.query(`CREATE INDEX "IX_summary_reports_period_id_created_at" ON "summary_reports"  ("period_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "summary_files" ("summary_id" uuid NOT NULL, "content" bytea NOT NULL, CONSTRAINT "PK_46c6f09c3a687351547e4f580d2" PRIMARY KEY ("summary_id"))`);
        await queryRunner.query(`ALTER TABLE "summary_reports" ADD CONSTRAINT "FK_563401d651664d113e0bfc360cf" FOREIGN KEY ("period_id") REFERENCES "reporting_periods"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "summary_reports" ADD CONSTRAINT "FK_8beda937f63bdf2790da70003f4" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "summary_files" ADD CONSTRAINT "FK_46c6f09c3a687351547e4f580d2" FOREIGN KEY ("summary_id") REFERENCES "summary_reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "summary_files" DROP CONSTRAINT "FK_46c6f09c3a687351547e4f580d2"`);
        await queryRunner.query(`ALTER TABLE "summary_reports" DROP CONSTRAINT "FK_8beda937f63bdf2790da70003f4"`);
        await queryRunner.query(`ALTER TABLE "summary_reports" DROP CONSTRAINT "FK_563401d651664d113e0bfc360cf"`);
        await queryRunner.query(`DROP TABLE "summary_files"`);
        await queryRunner.query(`DROP INDEX "public"."IX_summary_reports_period_id_created_at"`);
        await queryRunner.query(`DROP INDEX "public"."IX_summary_reports_status"`);
        await queryRunner.query(`DROP TABLE "summary_reports"`);
        await queryRunner.query(`DROP TYPE "public"."summary_status"`);
        await queryRunner.query(`DROP TYPE "public"."summary_language"`);
    }

}
