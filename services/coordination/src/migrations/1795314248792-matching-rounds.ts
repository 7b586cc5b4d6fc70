import type { MigrationInterface, QueryRunner } from "typeorm";

export class MatchingRounds1795314248792 implements MigrationInterface {
  name = "MatchingRounds1795314248792";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "matching_pair_rules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cohort_id" uuid NOT NULL, "kind" character varying(4) NOT NULL, "mentee_pseudonym" character varying(40) NOT NULL, "mentor_pseudonym" character varying(40) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "matching_pair_rules_distinct" CHECK ("mentee_pseudonym" <> "mentor_pseudonym"), CONSTRAINT "matching_pair_rules_kind_known" CHECK ("kind" IN (\'PIN\', \'BAN\')), CONSTRAINT "PK_7b7dec6f2838072852ab30bfa9d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "matching_pair_rules_one_pin_per_mentee" ON "matching_pair_rules"  ("cohort_id", "mentee_pseudonym") WHERE "kind" = \'PIN\'');
    await queryRunner.query('CREATE UNIQUE INDEX "matching_pair_rules_pair_unique" ON "matching_pair_rules"  ("cohort_id", "mentee_pseudonym", "mentor_pseudonym") ');
    await queryRunner.query(
      'CREATE TABLE "matching_rounds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cohort_id" uuid NOT NULL, "scope" character varying(16) NOT NULL, "status" character varying(12) NOT NULL DEFAULT \'PENDING\', "progress" smallint NOT NULL DEFAULT \'0\', "weights" jsonb NOT NULL, "cross_border_rule" character varying(24) NOT NULL, "node_ids" text array NOT NULL, "profile_count" integer, "mentee_count" integer, "mentor_count" integer, "matched_count" integer, "unmatched_count" integer, "total_score" double precision, "error" character varying(1000), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "fetching_at" TIMESTAMP(3) WITH TIME ZONE, "solving_at" TIMESTAMP(3) WITH TIME ZONE, "finished_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "matching_rounds_finish_consistent" CHECK (("status" IN (\'SOLVED\', \'FAILED\')) = ("finished_at" IS NOT NULL) AND ("status" = \'FAILED\') = ("error" IS NOT NULL)), CONSTRAINT "matching_rounds_progress_range" CHECK ("progress" BETWEEN 0 AND 100 AND ("status" <> \'SOLVED\' OR "progress" = 100)), CONSTRAINT "matching_rounds_status_known" CHECK ("status" IN (\'PENDING\', \'FETCHING\', \'SOLVING\', \'SOLVED\', \'FAILED\')), CONSTRAINT "matching_rounds_scope_known" CHECK ("scope" IN (\'FULL\', \'REMATCH_POOL\')), CONSTRAINT "PK_ac827fe26d4b23664058b8545cf" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "matching_rounds_one_running_per_cohort" ON "matching_rounds"  ("cohort_id") WHERE "status" IN (\'PENDING\', \'FETCHING\', \'SOLVING\')');
    await queryRunner.query('CREATE INDEX "matching_rounds_cohort_order_idx" ON "matching_rounds"  ("cohort_id", "created_at", "id") ');
    await queryRunner.query(
      'CREATE TABLE "matching_proposals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "cohort_id" uuid NOT NULL, "mentee_pseudonym" character varying(40) NOT NULL, "mentee_node_id" character varying(16) NOT NULL, "mentor_pseudonym" character varying(40) NOT NULL, "mentor_node_id" character varying(16) NOT NULL, "track_code" character varying(32) NOT NULL, "score" double precision NOT NULL, "breakdown" jsonb NOT NULL, "pinned" boolean NOT NULL DEFAULT false, "status" character varying(20) NOT NULL DEFAULT \'PROPOSED\', "mentee_response" character varying(8) NOT NULL DEFAULT \'PENDING\', "mentee_responded_at" TIMESTAMP(3) WITH TIME ZONE, "mentee_participant_id" character varying(120), "mentor_response" character varying(8) NOT NULL DEFAULT \'PENDING\', "mentor_responded_at" TIMESTAMP(3) WITH TIME ZONE, "mentor_participant_id" character varying(120), "tandem_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "matching_proposals_status_consistent" CHECK ("status" = CASE WHEN "mentee_response" = \'DECLINED\' OR "mentor_response" = \'DECLINED\' THEN \'DECLINED\' WHEN "mentee_response" = \'ACCEPTED\' AND "mentor_response" = \'ACCEPTED\' THEN \'ACCEPTED\' WHEN "mentee_response" = \'ACCEPTED\' THEN \'ACCEPTED_BY_MENTEE\' WHEN "mentor_response" = \'ACCEPTED\' THEN \'ACCEPTED_BY_MENTOR\' ELSE \'PROPOSED\' END AND ("status" = \'ACCEPTED\') = ("tandem_id" IS NOT NULL)), CONSTRAINT "matching_proposals_responses_proven" CHECK (("mentee_response" = \'PENDING\') = ("mentee_responded_at" IS NULL) AND ("mentor_response" = \'PENDING\') = ("mentor_responded_at" IS NULL) AND ("mentee_response" = \'ACCEPTED\' AND "status" <> \'DECLINED\') = ("mentee_participant_id" IS NOT NULL) AND ("mentor_response" = \'ACCEPTED\' AND "status" <> \'DECLINED\') = ("mentor_participant_id" IS NOT NULL)), CONSTRAINT "matching_proposals_responses_known" CHECK ("mentee_response" IN (\'PENDING\', \'ACCEPTED\', \'DECLINED\') AND "mentor_response" IN (\'PENDING\', \'ACCEPTED\', \'DECLINED\')), CONSTRAINT "PK_b7f82f25b3df3ea57c8bbca9e18" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "matching_proposals_mentor_participant_idx" ON "matching_proposals"  ("mentor_participant_id") ');
    await queryRunner.query('CREATE INDEX "matching_proposals_mentee_participant_idx" ON "matching_proposals"  ("mentee_participant_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "matching_proposals_tandem_unique" ON "matching_proposals"  ("tandem_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "matching_proposals_one_held_per_mentee" ON "matching_proposals"  ("cohort_id", "mentee_pseudonym") WHERE "status" <> \'DECLINED\'');
    await queryRunner.query('CREATE INDEX "matching_proposals_mentor_idx" ON "matching_proposals"  ("cohort_id", "mentor_pseudonym") ');
    await queryRunner.query('CREATE INDEX "matching_proposals_round_idx" ON "matching_proposals"  ("round_id", "created_at", "id") ');
    await queryRunner.query(
      'CREATE TABLE "matching_unmatched_mentees" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "mentee_pseudonym" character varying(40) NOT NULL, "mentee_node_id" character varying(16) NOT NULL, "reason" character varying(32) NOT NULL, CONSTRAINT "matching_unmatched_mentees_reason_known" CHECK ("reason" IN (\'NO_COMPATIBLE_MENTOR\', \'ONLY_CONFLICTED_MENTORS\', \'CAPACITY_EXHAUSTED\')), CONSTRAINT "PK_b74a5095dcda2ea93fcfe6e5bdf" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "matching_unmatched_mentees_round_idx" ON "matching_unmatched_mentees"  ("round_id") ');
    await queryRunner.query(
      'CREATE TABLE "programme_matching_weights" ("programme_id" uuid NOT NULL, "track" double precision NOT NULL, "discipline" double precision NOT NULL, "goals" double precision NOT NULL, "experience_gap" double precision NOT NULL, "format_region" double precision NOT NULL, "language_depth" double precision NOT NULL, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "programme_matching_weights_range" CHECK ("track" BETWEEN 0 AND 10 AND "discipline" BETWEEN 0 AND 10 AND "goals" BETWEEN 0 AND 10 AND "experience_gap" BETWEEN 0 AND 10 AND "format_region" BETWEEN 0 AND 10 AND "language_depth" BETWEEN 0 AND 10), CONSTRAINT "PK_5a38b4578f70fc4c442b1804647" PRIMARY KEY ("programme_id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "matching_pair_rules" ADD CONSTRAINT "matching_pair_rules_cohort_fk" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query('ALTER TABLE "matching_rounds" ADD CONSTRAINT "matching_rounds_cohort_fk" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
    await queryRunner.query(
      'ALTER TABLE "matching_proposals" ADD CONSTRAINT "matching_proposals_round_fk" FOREIGN KEY ("round_id") REFERENCES "matching_rounds"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "matching_proposals" ADD CONSTRAINT "matching_proposals_cohort_fk" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "matching_proposals" ADD CONSTRAINT "matching_proposals_tandem_fk" FOREIGN KEY ("tandem_id") REFERENCES "tandems"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "matching_unmatched_mentees" ADD CONSTRAINT "matching_unmatched_mentees_round_fk" FOREIGN KEY ("round_id") REFERENCES "matching_rounds"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "programme_matching_weights" ADD CONSTRAINT "programme_matching_weights_programme_fk" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "programme_matching_weights" DROP CONSTRAINT "programme_matching_weights_programme_fk"');
    await queryRunner.query('ALTER TABLE "matching_unmatched_mentees" DROP CONSTRAINT "matching_unmatched_mentees_round_fk"');
    await queryRunner.query('ALTER TABLE "matching_proposals" DROP CONSTRAINT "matching_proposals_tandem_fk"');
    await queryRunner.query('ALTER TABLE "matching_proposals" DROP CONSTRAINT "matching_proposals_cohort_fk"');
    await queryRunner.query('ALTER TABLE "matching_proposals" DROP CONSTRAINT "matching_proposals_round_fk"');
    await queryRunner.query('ALTER TABLE "matching_rounds" DROP CONSTRAINT "matching_rounds_cohort_fk"');
    await queryRunner.query('ALTER TABLE "matching_pair_rules" DROP CONSTRAINT "matching_pair_rules_cohort_fk"');
    await queryRunner.query('DROP TABLE "programme_matching_weights"');
    await queryRunner.query('DROP INDEX "public"."matching_unmatched_mentees_round_idx"');
    await queryRunner.query('DROP TABLE "matching_unmatched_mentees"');
    await queryRunner.query('DROP INDEX "public"."matching_proposals_round_idx"');
    await queryRunner.query('DROP INDEX "public"."matching_proposals_mentor_idx"');
    await queryRunner.query('DROP INDEX "public"."matching_proposals_one_held_per_mentee"');
    await queryRunner.query('DROP INDEX "public"."matching_proposals_tandem_unique"');
    await queryRunner.query('DROP INDEX "public"."matching_proposals_mentee_participant_idx"');
    await queryRunner.query('DROP INDEX "public"."matching_proposals_mentor_participant_idx"');
    await queryRunner.query('DROP TABLE "matching_proposals"');
    await queryRunner.query('DROP INDEX "public"."matching_rounds_cohort_order_idx"');
    await queryRunner.query('DROP INDEX "public"."matching_rounds_one_running_per_cohort"');
    await queryRunner.query('DROP TABLE "matching_rounds"');
    await queryRunner.query('DROP INDEX "public"."matching_pair_rules_pair_unique"');
    await queryRunner.query('DROP INDEX "public"."matching_pair_rules_one_pin_per_mentee"');
    await queryRunner.query('DROP TABLE "matching_pair_rules"');
  }
}
