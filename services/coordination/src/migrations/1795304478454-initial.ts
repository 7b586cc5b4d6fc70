import type { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1795304478454 implements MigrationInterface {
  name = "Initial1795304478454";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "programmes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT \'\', "participating_node_ids" text array NOT NULL, "cross_border_rule" character varying(24) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "programmes_has_participating_nodes" CHECK (cardinality("participating_node_ids") > 0), CONSTRAINT "programmes_cross_border_rule_valid" CHECK ("cross_border_rule" IN (\'NONE\', \'DIFFERENT_NODE\', \'DIFFERENT_COUNTRY\')), CONSTRAINT "PK_116b5f8dbb9f632d76bc144404f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "programmes_name_unique" ON "programmes"  ("name") ');
    await queryRunner.query(
      'CREATE TABLE "cohorts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "programme_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "cohorts_date_order" CHECK ("ends_on" > "starts_on"), CONSTRAINT "PK_fd38f76b135e907b834fda1e752" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "cohorts_programme_name_unique" ON "cohorts"  ("programme_id", "name") ');
    await queryRunner.query(
      'CREATE TABLE "cohort_quotas" ("cohort_id" uuid NOT NULL, "node_id" character varying(16) NOT NULL, "mentees" integer NOT NULL, "mentors" integer NOT NULL, CONSTRAINT "cohort_quotas_non_negative" CHECK ("mentees" >= 0 AND "mentors" >= 0), CONSTRAINT "PK_0f9a9f078ef23438c554cfb1c72" PRIMARY KEY ("cohort_id", "node_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "enrolments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cohort_id" uuid NOT NULL, "participant_id" character varying(120) NOT NULL, "role" character varying(8) NOT NULL, "track_code" character varying(32) NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'ACTIVE\', "enrolled_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "withdrawn_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "enrolments_withdrawal_consistent" CHECK (("status" = \'WITHDRAWN\') = ("withdrawn_at" IS NOT NULL)), CONSTRAINT "enrolments_status_valid" CHECK ("status" IN (\'ACTIVE\', \'WITHDRAWN\')), CONSTRAINT "enrolments_role_valid" CHECK ("role" IN (\'MENTEE\', \'MENTOR\')), CONSTRAINT "PK_6e79971fbd26967c4da9ed52770" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "enrolments_participant_idx" ON "enrolments"  ("participant_id") ');
    await queryRunner.query('CREATE INDEX "enrolments_cohort_order_idx" ON "enrolments"  ("cohort_id", "enrolled_at", "id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "enrolments_active_unique" ON "enrolments"  ("cohort_id", "participant_id") WHERE status = \'ACTIVE\'');
    await queryRunner.query(
      'CREATE TABLE "programme_tracks" ("programme_id" uuid NOT NULL, "code" character varying(32) NOT NULL, "name" character varying(200) NOT NULL, "position" smallint NOT NULL, CONSTRAINT "programme_tracks_code_format" CHECK ("code" ~ \'^[a-z][a-z0-9-]{1,31}$\'), CONSTRAINT "PK_67bc82f1ff2aa685c1ffa75e350" PRIMARY KEY ("programme_id", "code"))',
    );
    await queryRunner.query(
      'CREATE TABLE "tandems" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cohort_id" uuid NOT NULL, "mentee_id" character varying(120) NOT NULL, "mentor_id" character varying(120) NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'PROPOSED\', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "activated_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "close_reason" character varying(500), CONSTRAINT "tandems_lifecycle_consistent" CHECK (("status" = \'PROPOSED\' AND "activated_at" IS NULL AND "closed_at" IS NULL) OR ("status" = \'ACTIVE\' AND "activated_at" IS NOT NULL AND "closed_at" IS NULL) OR ("status" = \'CLOSED\' AND "closed_at" IS NOT NULL AND "close_reason" IS NOT NULL)), CONSTRAINT "tandems_status_valid" CHECK ("status" IN (\'PROPOSED\', \'ACTIVE\', \'CLOSED\')), CONSTRAINT "tandems_distinct_partners" CHECK ("mentee_id" <> "mentor_id"), CONSTRAINT "PK_0a30dfce6f94bebc5cc454750fa" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "tandems_mentor_idx" ON "tandems"  ("mentor_id") ');
    await queryRunner.query('CREATE INDEX "tandems_mentee_idx" ON "tandems"  ("mentee_id") ');
    await queryRunner.query('CREATE INDEX "tandems_cohort_order_idx" ON "tandems"  ("cohort_id", "created_at", "id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "tandems_open_mentee_unique" ON "tandems"  ("cohort_id", "mentee_id") WHERE status <> \'CLOSED\'');
    await queryRunner.query('ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_programme_fk" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
    await queryRunner.query('ALTER TABLE "cohort_quotas" ADD CONSTRAINT "cohort_quotas_cohort_fk" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION');
    await queryRunner.query('ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_cohort_fk" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
    await queryRunner.query(
      'ALTER TABLE "programme_tracks" ADD CONSTRAINT "programme_tracks_programme_fk" FOREIGN KEY ("programme_id") REFERENCES "programmes"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query('ALTER TABLE "tandems" ADD CONSTRAINT "tandems_cohort_fk" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "tandems" DROP CONSTRAINT "tandems_cohort_fk"');
    await queryRunner.query('ALTER TABLE "programme_tracks" DROP CONSTRAINT "programme_tracks_programme_fk"');
    await queryRunner.query('ALTER TABLE "enrolments" DROP CONSTRAINT "enrolments_cohort_fk"');
    await queryRunner.query('ALTER TABLE "cohort_quotas" DROP CONSTRAINT "cohort_quotas_cohort_fk"');
    await queryRunner.query('ALTER TABLE "cohorts" DROP CONSTRAINT "cohorts_programme_fk"');
    await queryRunner.query('DROP INDEX "public"."tandems_open_mentee_unique"');
    await queryRunner.query('DROP INDEX "public"."tandems_cohort_order_idx"');
    await queryRunner.query('DROP INDEX "public"."tandems_mentee_idx"');
    await queryRunner.query('DROP INDEX "public"."tandems_mentor_idx"');
    await queryRunner.query('DROP TABLE "tandems"');
    await queryRunner.query('DROP TABLE "programme_tracks"');
    await queryRunner.query('DROP INDEX "public"."enrolments_active_unique"');
    await queryRunner.query('DROP INDEX "public"."enrolments_cohort_order_idx"');
    await queryRunner.query('DROP INDEX "public"."enrolments_participant_idx"');
    await queryRunner.query('DROP TABLE "enrolments"');
    await queryRunner.query('DROP TABLE "cohort_quotas"');
    await queryRunner.query('DROP INDEX "public"."cohorts_programme_name_unique"');
    await queryRunner.query('DROP TABLE "cohorts"');
    await queryRunner.query('DROP INDEX "public"."programmes_name_unique"');
    await queryRunner.query('DROP TABLE "programmes"');
  }
}
