import type { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1795304786513 implements MigrationInterface {
  name = "Initial1795304786513";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(32) NOT NULL, "title" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT \'\', "starts_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "time_zone" character varying(64) NOT NULL, "format" character varying(16) NOT NULL, "location" character varying(300), "online_url" character varying(500), "capacity" integer NOT NULL, "visibility" character varying(16) NOT NULL, "tracks" text array NOT NULL DEFAULT \'{}\', "status" character varying(16) NOT NULL DEFAULT \'SCHEDULED\', "cancelled_at" TIMESTAMP(3) WITH TIME ZONE, "cancellation_reason" character varying(500), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "events_capacity_positive" CHECK ("capacity" > 0), CONSTRAINT "events_time_order" CHECK ("ends_at" > "starts_at"), CONSTRAINT "PK_40731c7151fe4be3116e45ddf73" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "events_start_order_idx" ON "events"  ("starts_at", "id") ');
    await queryRunner.query(
      'CREATE TABLE "participants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "role" character varying(16) NOT NULL, "display_name" character varying(200) NOT NULL, "email" character varying(320) NOT NULL, "degree_level" character varying(16), "semester" smallint, "discipline" character varying(200), "organisation" character varying(200), "languages" text array NOT NULL DEFAULT \'{}\', "tracks" text array NOT NULL DEFAULT \'{}\', "public_profile" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1cda06c31eec1c95b3365a0283f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "participants_email_unique" ON "participants"  ("email") ');
    await queryRunner.query(
      'CREATE TABLE "registrations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "participant_id" character varying(120) NOT NULL, "status" character varying(16) NOT NULL, "waitlist_seq" bigint, "registered_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "promoted_at" TIMESTAMP(3) WITH TIME ZONE, "cancelled_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "registrations_status_valid" CHECK ("status" IN (\'CONFIRMED\', \'WAITLISTED\', \'CANCELLED\')), CONSTRAINT "PK_6013e724d7b22929da9cd7282d1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "registrations_event_status_idx" ON "registrations"  ("event_id", "status") ');
    await queryRunner.query('CREATE INDEX "registrations_participant_idx" ON "registrations"  ("participant_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "registrations_active_unique" ON "registrations"  ("event_id", "participant_id") WHERE status <> \'CANCELLED\'');
    await queryRunner.query('ALTER TABLE "registrations" ADD CONSTRAINT "registrations_event_fk" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE RESTRICT ON UPDATE NO ACTION');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "registrations" DROP CONSTRAINT "registrations_event_fk"');
    await queryRunner.query('DROP INDEX "public"."registrations_active_unique"');
    await queryRunner.query('DROP INDEX "public"."registrations_participant_idx"');
    await queryRunner.query('DROP INDEX "public"."registrations_event_status_idx"');
    await queryRunner.query('DROP TABLE "registrations"');
    await queryRunner.query('DROP INDEX "public"."participants_email_unique"');
    await queryRunner.query('DROP TABLE "participants"');
    await queryRunner.query('DROP INDEX "public"."events_start_order_idx"');
    await queryRunner.query('DROP TABLE "events"');
  }
}
