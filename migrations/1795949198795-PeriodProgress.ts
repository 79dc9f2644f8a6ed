import { MigrationInterface, QueryRunner } from "typeorm";

export class PeriodProgress1795949198795 implements MigrationInterface {
    name = 'PeriodProgress1795949198795'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "period_aggregations" ("period_id" uuid NOT NULL, "aggregated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "source_changed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_3fa760c58c1cd6ae2536b7fb2c3" PRIMARY KEY ("period_id"))`);
        await queryRunner.query(`CREATE TABLE "period_category_progress" ("period_id" uuid NOT NULL, "pilot_id" uuid NOT NULL, "category" "public"."task_category" NOT NULL, "not_started" integer NOT NULL DEFAULT '0', "on_track" integer NOT NULL DEFAULT '0', "at_risk" integer NOT NULL DEFAULT '0', "delayed" integer NOT NULL DEFAULT '0', "completed" integer NOT NULL DEFAULT '0', "percent_sum" integer NOT NULL DEFAULT '0', "milestones_due" integer NOT NULL DEFAULT '0', "milestones_completed" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_23d4222df350abd3b83235cf433" PRIMARY KEY ("period_id", "pilot_id", "category"))`);
        await queryRunner.query(`CREATE INDEX "IX_period_category_progress_pilot_id" ON "period_category_progress"  ("pilot_id") `);
        await queryRunner.query(`CREATE TABLE "period_pilot_progress" ("period_id" uuid NOT NULL, "pilot_id" uuid NOT NULL, "report_status" "public"."report_status", "submitted_at" TIMESTAMP WITH TIME ZONE, "on_time" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_f95ef01b1eea28aa2974b053417" PRIMARY KEY ("period_id", "pilot_id"))`);
        await queryRunner.query(`CREATE INDEX "IX_period_pilot_progress_pilot_id" ON "period_pilot_progress"  ("pilot_id") `);
        await queryRunner.query(`ALTER TABLE "period_aggregations" ADD CONSTRAINT "FK_3fa760c58c1cd6ae2536b7fb2c3" FOREIGN KEY ("period_id") REFERENCES "reporting_periods"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "period_category_progress" ADD CONSTRAINT "FK_c15926d87d4e3a524b2ab492d06" FOREIGN KEY ("period_id") REFERENCES "reporting_periods"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "period_category_progress" ADD CONSTRAINT "FK_69c8395676481b61ff78266f82c" FOREIGN KEY ("pilot_id") REFERENCES "pilots"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "period_pilot_progress" ADD CONSTRAINT "FK_ac5f6b3ad6ee1b55038d0dfffe5" FOREIGN KEY ("period_id") REFERENCES "reporting_periods"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "period_pilot_progress" ADD CONSTRAINT "FK_7b537a0cccf239d1da7e1987bab" FOREIGN KEY ("pilot_id") REFERENCES "pilots"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "period_pilot_progress" DROP CONSTRAINT "FK_7b537a0cccf239d1da7e1987bab"`);
        await queryRunner.query(`ALTER TABLE "period_pilot_progress" DROP CONSTRAINT "FK_ac5f6b3ad6ee1b55038d0dfffe5"`);
        await queryRunner.query(`ALTER TABLE "period_category_progress" DROP CONSTRAINT "FK_69c8395676481b61ff78266f82c"`);
        await queryRunner.query(`ALTER TABLE "period_category_progress" DROP CONSTRAINT "FK_c15926d87d4e3a524b2ab492d06"`);
        await queryRunner.query(`ALTER TABLE "period_aggregations" DROP CONSTRAINT "FK_3fa760c58c1cd6ae2536b7fb2c3"`);
        await queryRunner.query(`DROP INDEX "public"."IX_period_pilot_progress_pilot_id"`);
        await queryRunner.query(`DROP TABLE "period_pilot_progress"`);
        await queryRunner.query(`DROP INDEX "public"."IX_period_category_progress_pilot_id"`);
        await queryRunner.query(`DROP TABLE "period_category_progress"`);
        await queryRunner.query(`DROP TABLE "period_aggregations"`);
    }

}
