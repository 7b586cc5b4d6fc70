import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddDisclosureGrants1795307022450 implements MigrationInterface {
  name = "AddDisclosureGrants1795307022450";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "disclosure_grants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "participant_id" uuid NOT NULL, "grantee" character varying(160) NOT NULL, "scope" character varying(16) NOT NULL, "basis" character varying(32) NOT NULL, "reference_id" character varying(160) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" character varying(160) NOT NULL, CONSTRAINT "disclosure_grants_unique" UNIQUE ("participant_id", "grantee", "scope", "reference_id"), CONSTRAINT "disclosure_grants_basis_valid" CHECK ("basis" IN (\'TANDEM\', \'EVENT_REGISTRATION\')), CONSTRAINT "disclosure_grants_scope_valid" CHECK ("scope" IN (\'NAME\', \'CONTACT\')), CONSTRAINT "PK_4a04ea38d98697fc40202a11adc" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "disclosure_grants_grantee_idx" ON "disclosure_grants"  ("grantee") ');
    await queryRunner.query(
      'ALTER TABLE "disclosure_grants" ADD CONSTRAINT "disclosure_grants_participant_fk" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "disclosure_grants" DROP CONSTRAINT "disclosure_grants_participant_fk"');
    await queryRunner.query('DROP INDEX "public"."disclosure_grants_grantee_idx"');
    await queryRunner.query('DROP TABLE "disclosure_grants"');
  }
}
