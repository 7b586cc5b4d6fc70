import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Matching profile fields on participants and consents to joint matching.
 * By hand (data, not schema): mentors already registered get the default
 * capacity of 1, as new ones do.
 */

export class AddMatchingProfile1795311534794 implements MigrationInterface {
  name = "AddMatchingProfile1795311534794";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "matching_consents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "participant_id" uuid NOT NULL, "cohort_id" character varying(160) NOT NULL, "consented_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "matching_consents_unique" UNIQUE ("participant_id", "cohort_id"), CONSTRAINT "PK_cdd9f7f32927d3a44e8248d35c7" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "matching_consents_cohort_idx" ON "matching_consents"  ("cohort_id") ');
    await queryRunner.query('ALTER TABLE "participants" ADD "discipline_code" character varying(32)');
    await queryRunner.query('ALTER TABLE "participants" ADD "goal_codes" text array NOT NULL DEFAULT \'{}\'');
    await queryRunner.query('ALTER TABLE "participants" ADD "meeting_format" character varying(16)');
    await queryRunner.query('ALTER TABLE "participants" ADD "region" character varying(8)');
    await queryRunner.query('ALTER TABLE "participants" ADD "availability_hours_per_month" smallint');
    await queryRunner.query('ALTER TABLE "participants" ADD "mentor_capacity" smallint');
    await queryRunner.query(`UPDATE "participants" SET "mentor_capacity" = 1 WHERE "role" = 'MENTOR'`);
    await queryRunner.query('ALTER TABLE "participants" ADD "experience_years" smallint');
    await queryRunner.query('ALTER TABLE "participants" ADD "employer" character varying(200)');
    await queryRunner.query('ALTER TABLE "participants" ADD "supervisor" character varying(200)');
    await queryRunner.query(
      'ALTER TABLE "matching_consents" ADD CONSTRAINT "matching_consents_participant_fk" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "matching_consents" DROP CONSTRAINT "matching_consents_participant_fk"');
    await queryRunner.query('ALTER TABLE "participants" DROP COLUMN "supervisor"');
    await queryRunner.query('ALTER TABLE "participants" DROP COLUMN "employer"');
    await queryRunner.query('ALTER TABLE "participants" DROP COLUMN "experience_years"');
    await queryRunner.query('ALTER TABLE "participants" DROP COLUMN "mentor_capacity"');
    await queryRunner.query('ALTER TABLE "participants" DROP COLUMN "availability_hours_per_month"');
    await queryRunner.query('ALTER TABLE "participants" DROP COLUMN "region"');
    await queryRunner.query('ALTER TABLE "participants" DROP COLUMN "meeting_format"');
    await queryRunner.query('ALTER TABLE "participants" DROP COLUMN "goal_codes"');
    await queryRunner.query('ALTER TABLE "participants" DROP COLUMN "discipline_code"');
    await queryRunner.query('DROP INDEX "public"."matching_consents_cohort_idx"');
    await queryRunner.query('DROP TABLE "matching_consents"');
  }
}
