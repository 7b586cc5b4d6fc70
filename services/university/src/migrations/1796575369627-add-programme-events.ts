import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddProgrammeEvents1796575369627 implements MigrationInterface {
  name = "AddProgrammeEvents1796575369627";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "event_participations" ("registration_id" character varying(160) NOT NULL, "participant_id" uuid NOT NULL, "event_id" character varying(160) NOT NULL, "active" boolean NOT NULL, "attendance" character varying(8), "attendance_revision" integer NOT NULL DEFAULT \'0\', "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "event_participations_attendance_valid" CHECK ("attendance" IN (\'ATTENDED\', \'EXCUSED\', \'NO_SHOW\')), CONSTRAINT "PK_event_participations" PRIMARY KEY ("registration_id"))',
    );
    await queryRunner.query('CREATE INDEX "event_participations_participant_idx" ON "event_participations"  ("participant_id") ');
    await queryRunner.query(
      'CREATE TABLE "programme_events" ("event_id" character varying(160) NOT NULL, "kind" character varying(32) NOT NULL, "title" character varying(200) NOT NULL, "starts_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "status" character varying(16) NOT NULL, "cohorts" jsonb NOT NULL, "revision" integer NOT NULL, CONSTRAINT "programme_events_status_valid" CHECK ("status" IN (\'SCHEDULED\', \'CANCELLED\')), CONSTRAINT "PK_programme_events" PRIMARY KEY ("event_id"))',
    );
    await queryRunner.query('ALTER TABLE "events" ADD "cohorts" jsonb NOT NULL DEFAULT \'[]\'');
    await queryRunner.query('ALTER TABLE "events" ADD "programme_revision" integer NOT NULL DEFAULT \'0\'');
    await queryRunner.query('ALTER TABLE "events" ADD "check_in_code" character varying(12)');
    await queryRunner.query('ALTER TABLE "registrations" ADD "attendance" character varying(8)');
    await queryRunner.query('ALTER TABLE "registrations" ADD "attendance_source" character varying(8)');
    await queryRunner.query('ALTER TABLE "registrations" ADD "attendance_recorded_at" TIMESTAMP(3) WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "registrations" ADD "attendance_revision" integer NOT NULL DEFAULT \'0\'');
    await queryRunner.query('ALTER TABLE "events" ADD CONSTRAINT "events_cohorts_array" CHECK (jsonb_typeof("cohorts") = \'array\')');
    await queryRunner.query('ALTER TABLE "registrations" ADD CONSTRAINT "registrations_attendance_source_valid" CHECK ("attendance_source" IN (\'HOST\', \'CHECK_IN\'))');
    await queryRunner.query("ALTER TABLE \"registrations\" ADD CONSTRAINT \"registrations_attendance_valid\" CHECK (\"attendance\" IN ('ATTENDED', 'EXCUSED', 'NO_SHOW'))");
    await queryRunner.query(
      'ALTER TABLE "event_participations" ADD CONSTRAINT "event_participations_participant_fk" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "event_participations" DROP CONSTRAINT "event_participations_participant_fk"');
    await queryRunner.query('ALTER TABLE "registrations" DROP CONSTRAINT "registrations_attendance_valid"');
    await queryRunner.query('ALTER TABLE "registrations" DROP CONSTRAINT "registrations_attendance_source_valid"');
    await queryRunner.query('ALTER TABLE "events" DROP CONSTRAINT "events_cohorts_array"');
    await queryRunner.query('ALTER TABLE "registrations" DROP COLUMN "attendance_revision"');
    await queryRunner.query('ALTER TABLE "registrations" DROP COLUMN "attendance_recorded_at"');
    await queryRunner.query('ALTER TABLE "registrations" DROP COLUMN "attendance_source"');
    await queryRunner.query('ALTER TABLE "registrations" DROP COLUMN "attendance"');
    await queryRunner.query('ALTER TABLE "events" DROP COLUMN "check_in_code"');
    await queryRunner.query('ALTER TABLE "events" DROP COLUMN "programme_revision"');
    await queryRunner.query('ALTER TABLE "events" DROP COLUMN "cohorts"');
    await queryRunner.query('DROP TABLE "programme_events"');
    await queryRunner.query('DROP INDEX "public"."event_participations_participant_idx"');
    await queryRunner.query('DROP TABLE "event_participations"');
  }
}
