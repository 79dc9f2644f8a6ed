import { MigrationInterface, QueryRunner } from "typeorm";

export class OverdueState1795960622860 implements MigrationInterface {
    name = 'OverdueState1795960622860'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IX_milestones_due_date"`);
        await queryRunner.query(`ALTER TABLE "milestones" ADD "first_completed_on" date`);
        await queryRunner.query(`ALTER TABLE "tasks" ADD "latest_status" "public"."task_progress_status"`);
        await queryRunner.query(`CREATE INDEX "IX_milestones_due_first_completed" ON "milestones"  ("due_date", "first_completed_on") `);
        await queryRunner.query(`CREATE INDEX "IX_tasks_due_unfinished" ON "tasks"  ("due_date") WHERE "latest_status" IS DISTINCT FROM 'completed'`);
        // Backfill from the received reports (the state the report transitions keep from now on).
        await queryRunner.query(`
            UPDATE milestones target SET first_completed_on = fresh.first_completed_on
            FROM (
                SELECT c.milestone_id, min(c.completed_on) AS first_completed_on
                FROM report_milestone_completions c
                JOIN milestone_reports r ON r.id = c.report_id AND r.status IN ('submitted', 'accepted')
                GROUP BY c.milestone_id
            ) fresh
            WHERE target.id = fresh.milestone_id`);
        await queryRunner.query(`
            UPDATE tasks target SET latest_status = fresh.status
            FROM (
                SELECT DISTINCT ON (l.task_id) l.task_id, l.status
                FROM report_task_lines l
                JOIN milestone_reports r ON r.id = l.report_id AND r.status IN ('submitted', 'accepted')
                JOIN reporting_periods pe ON pe.id = r.period_id
                ORDER BY l.task_id, pe.end_date DESC, pe.start_date DESC
            ) fresh
            WHERE target.id = fresh.task_id`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IX_tasks_due_unfinished"`);
        await queryRunner.query(`DROP INDEX "public"."IX_milestones_due_first_completed"`);
        await queryRunner.query(`ALTER TABLE "tasks" DROP COLUMN "latest_status"`);
        await queryRunner.query(`ALTER TABLE "milestones" DROP COLUMN "first_completed_on"`);
        await queryRunner.query(`CREATE INDEX "IX_milestones_due_date" ON "milestones" USING btree ("due_date") `);
    }

}
