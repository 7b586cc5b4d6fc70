import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddIssuedCredentials1796600000000 implements MigrationInterface {
  name = "AddIssuedCredentials1796600000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "issued_credentials" ("id" uuid NOT NULL, "participant_id" uuid, "cohort_id" character varying(160) NOT NULL, "role" character varying(8) NOT NULL, "language" character varying(2) NOT NULL, "document" jsonb, "status_list" integer NOT NULL, "status_index" integer NOT NULL, "issued_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "issued_by" character varying(200) NOT NULL, "revoked_at" TIMESTAMP(3) WITH TIME ZONE, "revocation_reason" character varying(500), "erased_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_issued_credentials" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "issued_credentials_participant_idx" ON "issued_credentials" ("participant_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "issued_credentials_one_live_per_cohort" ON "issued_credentials" ("participant_id", "cohort_id") WHERE revoked_at IS NULL');
    await queryRunner.query('CREATE UNIQUE INDEX "issued_credentials_status_bit_unique" ON "issued_credentials" ("status_list", "status_index") ');
    await queryRunner.query(
      'CREATE TABLE "credential_status_lists" ("list_number" integer NOT NULL, "encoded_list" text NOT NULL, "next_index" integer NOT NULL, "publication" jsonb NOT NULL, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_credential_status_lists" PRIMARY KEY ("list_number"))',
    );
    await queryRunner.query('ALTER TABLE "cohort_states" ADD "cohort_name" character varying(200)');
    await queryRunner.query('ALTER TABLE "cohort_states" ADD "programme_name" character varying(200)');
    await queryRunner.query('ALTER TABLE "cohort_states" ADD "programme_language" character varying(2)');
    await queryRunner.query('ALTER TABLE "cohort_states" ADD "starts_on" date');
    await queryRunner.query('ALTER TABLE "cohort_states" ADD "ends_on" date');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "cohort_states" DROP COLUMN "ends_on"');
    await queryRunner.query('ALTER TABLE "cohort_states" DROP COLUMN "starts_on"');
    await queryRunner.query('ALTER TABLE "cohort_states" DROP COLUMN "programme_language"');
    await queryRunner.query('ALTER TABLE "cohort_states" DROP COLUMN "programme_name"');
    await queryRunner.query('ALTER TABLE "cohort_states" DROP COLUMN "cohort_name"');
    await queryRunner.query('DROP TABLE "credential_status_lists"');
    await queryRunner.query('DROP INDEX "public"."issued_credentials_status_bit_unique"');
    await queryRunner.query('DROP INDEX "public"."issued_credentials_one_live_per_cohort"');
    await queryRunner.query('DROP INDEX "public"."issued_credentials_participant_idx"');
    await queryRunner.query('DROP TABLE "issued_credentials"');
  }
}
