import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddConcerns1796574080840 implements MigrationInterface {
  name = "AddConcerns1796574080840";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "concerns" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tandem_id" character varying(160) NOT NULL, "participant_id" uuid NOT NULL, "side" character varying(8) NOT NULL, "concern" character varying(16) NOT NULL, "mediator" character varying(12) NOT NULL, "statement" text NOT NULL, "mediator_may_read" boolean NOT NULL, "raised_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "concerns_mediator_known" CHECK ("mediator" IN (\'JOINT_OFFICE\', \'HOME_NODE\')), CONSTRAINT "concerns_concern_known" CHECK ("concern" IN (\'COMMUNICATION\', \'EXPECTATIONS\', \'AVAILABILITY\', \'CONDUCT\', \'OTHER\')), CONSTRAINT "concerns_side_known" CHECK ("side" IN (\'MENTEE\', \'MENTOR\')), CONSTRAINT "PK_743844335346f7379d1fc28950a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "concerns_participant_idx" ON "concerns"  ("participant_id", "raised_at") ');
    await queryRunner.query('ALTER TABLE "concerns" ADD CONSTRAINT "concerns_participant_fk" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "concerns" DROP CONSTRAINT "concerns_participant_fk"');
    await queryRunner.query('DROP INDEX "public"."concerns_participant_idx"');
    await queryRunner.query('DROP TABLE "concerns"');
  }
}
