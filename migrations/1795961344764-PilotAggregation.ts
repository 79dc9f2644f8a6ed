import { MigrationInterface, QueryRunner } from "typeorm";

export class PilotAggregation1795961344764 implements MigrationInterface {
    name = 'PilotAggregation1795961344764'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // The figures are derived data: dropped here, they are recomputed by the workers' reconcile
        // pass (periods never aggregated) and on the first read of each period.
        await queryRunner.query(`DELETE FROM "period_category_progress"`);
        await queryRunner.query(`DELETE FROM "period_pilot_progress"`);
        await queryRunner.query(`DELETE FROM "period_aggregations"`);
        await queryRunner.query(`ALTER TABLE "period_aggregations" DROP COLUMN "source_changed_at"`);
        await queryRunner.query(`ALTER TABLE "period_pilot_progress" ADD "source_changed_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "period_pilot_progress" ADD "aggregated_at" TIMESTAMP WITH TIME ZONE NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "period_pilot_progress" DROP COLUMN "aggregated_at"`);
        await queryRunner.query(`ALTER TABLE "period_pilot_progress" DROP COLUMN "source_changed_at"`);
        await queryRunner.query(`ALTER TABLE "period_aggregations" ADD "source_changed_at" TIMESTAMP WITH TIME ZONE`);
    }

}
