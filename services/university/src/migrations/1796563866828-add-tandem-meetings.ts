import type { MigrationInterface, QueryRunner } from "typeorm";

/** Tandems of this node's people as the office's facts told them (active, ended), and the meetings of those whose mentee is here. */
export class AddTandemMeetings1796563866828 implements MigrationInterface {
  name = "AddTandemMeetings1796563866828";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "active_tandems" ("tandem_id" character varying(160) NOT NULL, "cohort_id" character varying(160) NOT NULL, "mentee_id" character varying(160) NOT NULL, "mentor_id" character varying(160) NOT NULL, "started_on" date NOT NULL, "check_ins_due" character varying(10) array NOT NULL, "ended_at" TIMESTAMP(3) WITH TIME ZONE, "meeting_revision" integer NOT NULL DEFAULT \'0\', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_active_tandems" PRIMARY KEY ("tandem_id"))',
    );
    await queryRunner.query('CREATE INDEX "active_tandems_mentor_idx" ON "active_tandems"  ("mentor_id") ');
    await queryRunner.query('CREATE INDEX "active_tandems_mentee_idx" ON "active_tandems"  ("mentee_id") ');
    await queryRunner.query(
      'CREATE TABLE "meetings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tandem_id" character varying(160) NOT NULL, "mentee_id" uuid NOT NULL, "held_on" date NOT NULL, "format" character varying(16) NOT NULL, "duration_minutes" integer NOT NULL, "topics" text array NOT NULL DEFAULT \'{}\', "notes" text NOT NULL DEFAULT \'\', "recorded_by" character varying(8) NOT NULL, "mentor_confirmed_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "meetings_mentor_added_confirmed" CHECK ("recorded_by" = \'MENTEE\' OR "mentor_confirmed_at" IS NOT NULL), CONSTRAINT "meetings_recorded_by_known" CHECK ("recorded_by" IN (\'MENTEE\', \'MENTOR\')), CONSTRAINT "meetings_duration_range" CHECK ("duration_minutes" BETWEEN 5 AND 720), CONSTRAINT "meetings_format_known" CHECK ("format" IN (\'ONLINE\', \'IN_PERSON\', \'VISIT\', \'JOB_SHADOWING\', \'PHONE\')), CONSTRAINT "PK_aa73be861afa77eb4ed31f3ed57" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "meetings_tandem_order_idx" ON "meetings"  ("tandem_id", "created_at", "id") ');
    await queryRunner.query('ALTER TABLE "meetings" ADD CONSTRAINT "meetings_mentee_fk" FOREIGN KEY ("mentee_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "meetings" DROP CONSTRAINT "meetings_mentee_fk"');
    await queryRunner.query('DROP INDEX "public"."meetings_tandem_order_idx"');
    await queryRunner.query('DROP TABLE "meetings"');
    await queryRunner.query('DROP INDEX "public"."active_tandems_mentee_idx"');
    await queryRunner.query('DROP INDEX "public"."active_tandems_mentor_idx"');
    await queryRunner.query('DROP TABLE "active_tandems"');
  }
}
