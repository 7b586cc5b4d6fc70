import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The application journey at a node (issue 12): the coordination office's
 * programme rules (every version) and cohort states, as its facts stated
 * them, and applications, one per person and cohort, deleted with the person.
 */
export class AddApplications1796552765200 implements MigrationInterface {
  name = "AddApplications1796552765200";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "applications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "participant_id" uuid NOT NULL, "cohort_id" character varying(160) NOT NULL, "programme_id" character varying(160) NOT NULL, "role" character varying(8) NOT NULL, "status" character varying(16) NOT NULL, "motivation" character varying(4000), "short_term_goals" character varying(2000), "long_term_goals" character varying(2000), "track_codes" text array NOT NULL DEFAULT \'{}\', "languages" text array NOT NULL DEFAULT \'{}\', "availability_hours_per_month" smallint, "meeting_formats" text array NOT NULL DEFAULT \'{}\', "mentor_capacity" smallint, "experience_years" smallint, "eligible" boolean NOT NULL, "eligibility_rule" character varying(40), "eligibility_message" character varying(500), "rule_version" integer NOT NULL, "reviewer" character varying(16) NOT NULL, "shared_with_joint_office" boolean NOT NULL DEFAULT false, "joint_office_consent_at" TIMESTAMP(3) WITH TIME ZONE, "joint_office_consent_withdrawn_at" TIMESTAMP(3) WITH TIME ZONE, "decision" character varying(8), "decision_reason" character varying(2000), "decided_at" TIMESTAMP(3) WITH TIME ZONE, "enrolment_id" character varying(160), "waitlist_position" integer, "outcome_revision" integer, "revision" integer NOT NULL DEFAULT \'0\', "submitted_at" TIMESTAMP(3) WITH TIME ZONE, "withdrawn_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "applications_one_per_cohort" UNIQUE ("participant_id", "cohort_id"), CONSTRAINT "applications_role_valid" CHECK ("role" IN (\'MENTEE\', \'MENTOR\')), CONSTRAINT "applications_status_valid" CHECK ("status" IN (\'DRAFT\', \'SUBMITTED\', \'ACCEPTED\', \'WAITLISTED\', \'ENROLLED\', \'REJECTED\', \'WITHDRAWN\')), CONSTRAINT "PK_applications" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "applications_review_idx" ON "applications"  ("submitted_at", "id") ');
    await queryRunner.query(
      'CREATE TABLE "cohort_states" ("cohort_id" character varying(160) NOT NULL, "programme_id" character varying(160) NOT NULL, "state" character varying(24) NOT NULL, "applications_open_at" TIMESTAMP(3) WITH TIME ZONE, "applications_close_at" TIMESTAMP(3) WITH TIME ZONE, "revision" integer NOT NULL, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cohort_states" PRIMARY KEY ("cohort_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "programme_rules" ("programme_id" character varying(160) NOT NULL, "version" integer NOT NULL, "rules" json NOT NULL, "reviewer" character varying(16) NOT NULL, "participating_node_ids" text array NOT NULL, "track_codes" text array NOT NULL, "received_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_programme_rules" PRIMARY KEY ("programme_id", "version"))',
    );
    await queryRunner.query(
      'ALTER TABLE "applications" ADD CONSTRAINT "applications_participant_fk" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "applications" DROP CONSTRAINT "applications_participant_fk"');
    await queryRunner.query('DROP TABLE "programme_rules"');
    await queryRunner.query('DROP TABLE "cohort_states"');
    await queryRunner.query('DROP INDEX "public"."applications_review_idx"');
    await queryRunner.query('DROP TABLE "applications"');
  }
}
