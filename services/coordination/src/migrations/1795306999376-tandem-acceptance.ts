import type { MigrationInterface, QueryRunner } from "typeorm";

export class TandemAcceptance1795306999376 implements MigrationInterface {
  name = "TandemAcceptance1795306999376";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "tandems" DROP CONSTRAINT "tandems_lifecycle_consistent"');
    await queryRunner.query('ALTER TABLE "tandems" DROP CONSTRAINT "tandems_status_valid"');
    await queryRunner.query('ALTER TABLE "tandems" ADD "mentee_response" character varying(8) NOT NULL DEFAULT \'PENDING\'');
    await queryRunner.query('ALTER TABLE "tandems" ADD "mentee_responded_at" TIMESTAMP(3) WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "tandems" ADD "mentor_response" character varying(8) NOT NULL DEFAULT \'PENDING\'');
    await queryRunner.query('ALTER TABLE "tandems" ADD "mentor_responded_at" TIMESTAMP(3) WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "tandems" ADD CONSTRAINT "tandems_decline_closes" CHECK ("status" = \'CLOSED\' OR ("mentee_response" <> \'DECLINED\' AND "mentor_response" <> \'DECLINED\'))');
    await queryRunner.query(
      'ALTER TABLE "tandems" ADD CONSTRAINT "tandems_responses_timed" CHECK (("mentee_response" = \'PENDING\') = ("mentee_responded_at" IS NULL) AND ("mentor_response" = \'PENDING\') = ("mentor_responded_at" IS NULL))',
    );
    await queryRunner.query(
      "ALTER TABLE \"tandems\" ADD CONSTRAINT \"tandems_responses_known\" CHECK (\"mentee_response\" IN ('PENDING', 'ACCEPTED', 'DECLINED') AND \"mentor_response\" IN ('PENDING', 'ACCEPTED', 'DECLINED'))",
    );
    await queryRunner.query(
      'ALTER TABLE "tandems" ADD CONSTRAINT "tandems_lifecycle_timestamps" CHECK (("status" = \'PROPOSED\' AND "activated_at" IS NULL AND "closed_at" IS NULL) OR ("status" = \'ACCEPTED\' AND "mentee_response" = \'ACCEPTED\' AND "mentor_response" = \'ACCEPTED\' AND "activated_at" IS NULL AND "closed_at" IS NULL) OR ("status" = \'ACTIVE\' AND "activated_at" IS NOT NULL AND "closed_at" IS NULL) OR ("status" = \'CLOSED\' AND "closed_at" IS NOT NULL AND "close_reason" IS NOT NULL))',
    );
    await queryRunner.query("ALTER TABLE \"tandems\" ADD CONSTRAINT \"tandems_status_known\" CHECK (\"status\" IN ('PROPOSED', 'ACCEPTED', 'ACTIVE', 'CLOSED'))");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "tandems" DROP CONSTRAINT "tandems_status_known"');
    await queryRunner.query('ALTER TABLE "tandems" DROP CONSTRAINT "tandems_lifecycle_timestamps"');
    await queryRunner.query('ALTER TABLE "tandems" DROP CONSTRAINT "tandems_responses_known"');
    await queryRunner.query('ALTER TABLE "tandems" DROP CONSTRAINT "tandems_responses_timed"');
    await queryRunner.query('ALTER TABLE "tandems" DROP CONSTRAINT "tandems_decline_closes"');
    // Reviewed: the old lifecycle has no ACCEPTED; such tandems go back to waiting for answers.
    await queryRunner.query('UPDATE "tandems" SET "status" = \'PROPOSED\' WHERE "status" = \'ACCEPTED\'');
    await queryRunner.query('ALTER TABLE "tandems" DROP COLUMN "mentor_responded_at"');
    await queryRunner.query('ALTER TABLE "tandems" DROP COLUMN "mentor_response"');
    await queryRunner.query('ALTER TABLE "tandems" DROP COLUMN "mentee_responded_at"');
    await queryRunner.query('ALTER TABLE "tandems" DROP COLUMN "mentee_response"');
    await queryRunner.query(
      "ALTER TABLE \"tandems\" ADD CONSTRAINT \"tandems_status_valid\" CHECK (((status)::text = ANY ((ARRAY['PROPOSED'::character varying, 'ACTIVE'::character varying, 'CLOSED'::character varying])::text[])))",
    );
    await queryRunner.query(
      "ALTER TABLE \"tandems\" ADD CONSTRAINT \"tandems_lifecycle_consistent\" CHECK (((((status)::text = 'PROPOSED'::text) AND (activated_at IS NULL) AND (closed_at IS NULL)) OR (((status)::text = 'ACTIVE'::text) AND (activated_at IS NOT NULL) AND (closed_at IS NULL)) OR (((status)::text = 'CLOSED'::text) AND (closed_at IS NOT NULL) AND (close_reason IS NOT NULL))))",
    );
  }
}
