import { MigrationInterface, QueryRunner } from "typeorm";

export class EvidenceAttachments1795952664680 implements MigrationInterface {
    name = 'EvidenceAttachments1795952664680'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "report_attachments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "report_id" uuid NOT NULL, "filename" character varying(255) NOT NULL, "content_type" character varying(100) NOT NULL, "bytes" integer NOT NULL, "sha256" character(64) NOT NULL, "content" bytea NOT NULL, "uploaded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CK_report_attachments_content_type" CHECK ("content_type" IN ('application/pdf', 'image/png', 'image/jpeg', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')), CONSTRAINT "PK_6ba5abf9d442cf6861793b468b0" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IX_report_attachments_report_created" ON "report_attachments"  ("report_id", "created_at") `);
        await queryRunner.query(`ALTER TABLE "report_attachments" ADD CONSTRAINT "FK_a41ae536e9695d7757c69a6cb0d" FOREIGN KEY ("report_id") REFERENCES "milestone_reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "report_attachments" ADD CONSTRAINT "FK_8b87b6dd19e3b13a7723ebdf4dc" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "report_attachments" DROP CONSTRAINT "FK_8b87b6dd19e3b13a7723ebdf4dc"`);
        await queryRunner.query(`ALTER TABLE "report_attachments" DROP CONSTRAINT "FK_a41ae536e9695d7757c69a6cb0d"`);
        await queryRunner.query(`DROP INDEX "public"."IX_report_attachments_report_created"`);
        await queryRunner.query(`DROP TABLE "report_attachments"`);
    }

}
