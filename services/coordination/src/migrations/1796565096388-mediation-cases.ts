import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Mediation cases of tandems (codes, dates, references), and proposals that
 * a mediation releases for a re-match: a released proposal no longer holds
 * its mentee (the unique index of held proposals skips it; TypeORM does not
 * compare index predicates, so that part is written by hand).
 */
export class MediationCases1796565096388 implements MigrationInterface {
  name = "MediationCases1796565096388";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "mediation_cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tandem_id" uuid NOT NULL, "cohort_id" uuid NOT NULL, "raised_by" character varying(12) NOT NULL, "raiser_id" character varying(120), "raiser_node_id" character varying(16), "concern" character varying(16) NOT NULL, "mediator" character varying(12) NOT NULL, "outcome" character varying(12), "opened_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "closed_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "mediation_cases_raiser_consistent" CHECK (("raised_by" = \'COORDINATOR\') = ("raiser_id" IS NULL)), CONSTRAINT "mediation_cases_closed_consistent" CHECK (("outcome" IS NULL) = ("closed_at" IS NULL)), CONSTRAINT "mediation_cases_outcome_known" CHECK ("outcome" IS NULL OR "outcome" IN (\'RESOLVED\', \'RE_MATCH\', \'DISSOLVED\')), CONSTRAINT "mediation_cases_mediator_known" CHECK ("mediator" IN (\'JOINT_OFFICE\', \'HOME_NODE\')), CONSTRAINT "mediation_cases_concern_known" CHECK ("concern" IN (\'COMMUNICATION\', \'EXPECTATIONS\', \'AVAILABILITY\', \'CONDUCT\', \'OTHER\')), CONSTRAINT "mediation_cases_raiser_known" CHECK ("raised_by" IN (\'MENTEE\', \'MENTOR\', \'COORDINATOR\')), CONSTRAINT "PK_26fc973eac7df6d3c1cb2ea4078" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "mediation_cases_cohort_order_idx" ON "mediation_cases"  ("cohort_id", "opened_at", "id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "mediation_cases_one_open_per_tandem" ON "mediation_cases"  ("tandem_id") WHERE "outcome" IS NULL');
    await queryRunner.query('ALTER TABLE "matching_proposals" ADD "released_at" TIMESTAMP(3) WITH TIME ZONE');
    await queryRunner.query('DROP INDEX "public"."matching_proposals_one_held_per_mentee"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "matching_proposals_one_held_per_mentee" ON "matching_proposals"  ("cohort_id", "mentee_pseudonym") WHERE "status" <> \'DECLINED\' AND "released_at" IS NULL',
    );
    await queryRunner.query('ALTER TABLE "matching_proposals" ADD CONSTRAINT "matching_proposals_release_accepted" CHECK ("released_at" IS NULL OR "status" = \'ACCEPTED\')');
    await queryRunner.query('ALTER TABLE "mediation_cases" ADD CONSTRAINT "mediation_cases_tandem_fk" FOREIGN KEY ("tandem_id") REFERENCES "tandems"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "mediation_cases" DROP CONSTRAINT "mediation_cases_tandem_fk"');
    await queryRunner.query('ALTER TABLE "matching_proposals" DROP CONSTRAINT "matching_proposals_release_accepted"');
    await queryRunner.query('DROP INDEX "public"."matching_proposals_one_held_per_mentee"');
    await queryRunner.query('ALTER TABLE "matching_proposals" DROP COLUMN "released_at"');
    await queryRunner.query('CREATE UNIQUE INDEX "matching_proposals_one_held_per_mentee" ON "matching_proposals"  ("cohort_id", "mentee_pseudonym") WHERE "status" <> \'DECLINED\'');
    await queryRunner.query('DROP INDEX "public"."mediation_cases_one_open_per_tandem"');
    await queryRunner.query('DROP INDEX "public"."mediation_cases_cohort_order_idx"');
    await queryRunner.query('DROP TABLE "mediation_cases"');
  }
}
