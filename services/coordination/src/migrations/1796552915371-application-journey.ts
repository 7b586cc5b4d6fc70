import type { MigrationInterface, QueryRunner } from "typeorm";

/** The default rules when this migration landed (as Career International); spelled out, so that the migration never changes. */
const RULES_OF_EXISTING_PROGRAMMES = {
  mentee: { minSemester: { BACHELOR: 3, MASTER: 2, DOCTORAL: 1 } },
  mentor: { backgrounds: ["PROFESSIONAL", "ALUMNUS"], minExperienceYears: null },
  languages: [],
};

/**
 * Programmes get versioned rules for applications, cohorts a state and an
 * application window, and the office keeps the nodes' application records.
 * Existing programmes get version 1 with the default rules; existing
 * cohorts, run without applications, keep what they allowed: MATCHING
 * before they start, RUNNING once started, CLOSING once ended. Both are
 * told to the nodes when the office next starts (unpublished version,
 * cohort revision 0).
 */
export class ApplicationJourney1796552915371 implements MigrationInterface {
  name = "ApplicationJourney1796552915371";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "application_records" ("application_id" character varying(120) NOT NULL, "cohort_id" uuid NOT NULL, "node_id" character varying(16) NOT NULL, "participant_id" character varying(120) NOT NULL, "role" character varying(8) NOT NULL, "track_codes" text array NOT NULL, "eligible" boolean NOT NULL, "rule_version" integer NOT NULL, "status" character varying(16) NOT NULL, "shared_with_joint_office" boolean NOT NULL, "submitted_at" TIMESTAMP(3) WITH TIME ZONE, "revision" integer NOT NULL, "received_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP(3) WITH TIME ZONE, "placement" character varying(16), "enrolment_id" uuid, "waitlist_position" integer, "outcome_revision" integer NOT NULL DEFAULT \'0\', CONSTRAINT "application_records_placement_consistent" CHECK (("placement" IS NULL OR "accepted_at" IS NOT NULL) AND ("placement" = \'ENROLLED\') <= ("enrolment_id" IS NOT NULL) AND ("placement" IS NOT DISTINCT FROM \'WAITLISTED\') = ("waitlist_position" IS NOT NULL)), CONSTRAINT "application_records_placement_known" CHECK ("placement" IS NULL OR "placement" IN (\'ENROLLED\', \'WAITLISTED\', \'WITHDRAWN\')), CONSTRAINT "application_records_status_known" CHECK ("status" IN (\'DRAFT\', \'SUBMITTED\', \'ACCEPTED\', \'WAITLISTED\', \'ENROLLED\', \'REJECTED\', \'WITHDRAWN\')), CONSTRAINT "application_records_role_valid" CHECK ("role" IN (\'MENTEE\', \'MENTOR\')), CONSTRAINT "PK_application_records" PRIMARY KEY ("application_id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "application_records_enrolment_unique" ON "application_records"  ("enrolment_id") WHERE "enrolment_id" IS NOT NULL');
    await queryRunner.query('CREATE INDEX "application_records_participant_idx" ON "application_records"  ("participant_id") ');
    await queryRunner.query('CREATE INDEX "application_records_waitlist_idx" ON "application_records"  ("cohort_id", "node_id", "role", "placement", "accepted_at") ');
    await queryRunner.query('CREATE INDEX "application_records_cohort_order_idx" ON "application_records"  ("cohort_id", "received_at", "application_id") ');
    await queryRunner.query(
      'CREATE TABLE "programme_rules_versions" ("programme_id" uuid NOT NULL, "version" integer NOT NULL, "eligibility" jsonb NOT NULL, "reviewer" character varying(16) NOT NULL, "participating_node_ids" text array NOT NULL, "track_codes" text array NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "programme_rules_versions_reviewer_known" CHECK ("reviewer" IN (\'HOME_NODE\', \'JOINT_OFFICE\')), CONSTRAINT "programme_rules_versions_version_positive" CHECK ("version" >= 1), CONSTRAINT "PK_1d20e592f0f44d1f953994c119f" PRIMARY KEY ("programme_id", "version"))',
    );
    await queryRunner.query('ALTER TABLE "programmes" ADD "rules_version" integer NOT NULL DEFAULT \'1\'');
    await queryRunner.query('ALTER TABLE "cohorts" ADD "state" character varying(20) NOT NULL DEFAULT \'DRAFT\'');
    await queryRunner.query('ALTER TABLE "cohorts" ADD "applications_open_at" TIMESTAMP(3) WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "cohorts" ADD "applications_close_at" TIMESTAMP(3) WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "cohorts" ADD "revision" integer NOT NULL DEFAULT \'0\'');
    await queryRunner.query('ALTER TABLE "cohorts" ADD "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now()');
    await queryRunner.query(
      'ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_window_consistent" CHECK (("applications_open_at" IS NULL) = ("applications_close_at" IS NULL) AND ("applications_open_at" IS NULL OR "applications_open_at" < "applications_close_at"))',
    );
    await queryRunner.query("ALTER TABLE \"cohorts\" ADD CONSTRAINT \"cohorts_state_known\" CHECK (\"state\" IN ('DRAFT', 'APPLICATIONS_OPEN', 'REVIEW', 'MATCHING', 'RUNNING', 'CLOSING', 'CLOSED'))");
    await queryRunner.query(
      'ALTER TABLE "application_records" ADD CONSTRAINT "application_records_cohort_fk" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "application_records" ADD CONSTRAINT "application_records_enrolment_fk" FOREIGN KEY ("enrolment_id") REFERENCES "enrolments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "programme_rules_versions" ADD CONSTRAINT "programme_rules_versions_programme_fk" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      `INSERT INTO programme_rules_versions (programme_id, version, eligibility, reviewer, participating_node_ids, track_codes, published_at)
       SELECT p.id, 1, $1::jsonb, 'HOME_NODE', p.participating_node_ids,
              COALESCE((SELECT array_agg(t.code ORDER BY t.position) FROM programme_tracks t WHERE t.programme_id = p.id), '{}'), NULL
         FROM programmes p`,
      [JSON.stringify(RULES_OF_EXISTING_PROGRAMMES)],
    );
    await queryRunner.query(`UPDATE cohorts SET state = CASE WHEN ends_on < current_date THEN 'CLOSING' WHEN starts_on <= current_date THEN 'RUNNING' ELSE 'MATCHING' END, revision = 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "programme_rules_versions" DROP CONSTRAINT "programme_rules_versions_programme_fk"');
    await queryRunner.query('ALTER TABLE "application_records" DROP CONSTRAINT "application_records_enrolment_fk"');
    await queryRunner.query('ALTER TABLE "application_records" DROP CONSTRAINT "application_records_cohort_fk"');
    await queryRunner.query('ALTER TABLE "cohorts" DROP CONSTRAINT "cohorts_state_known"');
    await queryRunner.query('ALTER TABLE "cohorts" DROP CONSTRAINT "cohorts_window_consistent"');
    await queryRunner.query('ALTER TABLE "cohorts" DROP COLUMN "updated_at"');
    await queryRunner.query('ALTER TABLE "cohorts" DROP COLUMN "revision"');
    await queryRunner.query('ALTER TABLE "cohorts" DROP COLUMN "applications_close_at"');
    await queryRunner.query('ALTER TABLE "cohorts" DROP COLUMN "applications_open_at"');
    await queryRunner.query('ALTER TABLE "cohorts" DROP COLUMN "state"');
    await queryRunner.query('ALTER TABLE "programmes" DROP COLUMN "rules_version"');
    await queryRunner.query('DROP TABLE "programme_rules_versions"');
    await queryRunner.query('DROP INDEX "public"."application_records_cohort_order_idx"');
    await queryRunner.query('DROP INDEX "public"."application_records_waitlist_idx"');
    await queryRunner.query('DROP INDEX "public"."application_records_participant_idx"');
    await queryRunner.query('DROP INDEX "public"."application_records_enrolment_unique"');
    await queryRunner.query('DROP TABLE "application_records"');
  }
}
