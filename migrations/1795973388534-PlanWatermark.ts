import { MigrationInterface, QueryRunner } from "typeorm";

export class PlanWatermark1795973388534 implements MigrationInterface {
    name = 'PlanWatermark1795973388534'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "pilots" ADD "plan_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
        await queryRunner.query(`ALTER TABLE "period_pilot_progress" ADD "plan_changed_at" TIMESTAMP WITH TIME ZONE`);
        // The stored figures were computed from the plans as they are: not stale because of this upgrade.
        await queryRunner.query(`UPDATE "period_pilot_progress" f SET "plan_changed_at" = p."plan_changed_at" FROM "pilots" p WHERE p."id" = f."pilot_id"`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "period_pilot_progress" DROP COLUMN "plan_changed_at"`);
        await queryRunner.query(`ALTER TABLE "pilots" DROP COLUMN "plan_changed_at"`);
    }

}
