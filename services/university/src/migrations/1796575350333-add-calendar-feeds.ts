import type { MigrationInterface, QueryRunner } from "typeorm";

/** What a calendar shows of an event: a change to any of these is a new iCalendar SEQUENCE. */
const CALENDAR_COLUMNS = ["title", "description", "starts_at", "ends_at", "time_zone", "format", "location", "online_url", "status"];

export class AddCalendarFeeds1796575350333 implements MigrationInterface {
  name = "AddCalendarFeeds1796575350333";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "calendar_feeds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "participant_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_045067d8bb57f971f3c5426ea71" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "calendar_feeds_one_active" ON "calendar_feeds"  ("participant_id") WHERE revoked_at IS NULL');
    await queryRunner.query('CREATE UNIQUE INDEX "calendar_feeds_token_hash_unique" ON "calendar_feeds"  ("token_hash") ');
    await queryRunner.query('CREATE TABLE "event_calendar_revisions" ("event_id" uuid NOT NULL, "sequence" integer NOT NULL, CONSTRAINT "PK_event_calendar_revisions" PRIMARY KEY ("event_id"))');
    await queryRunner.query(
      'ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_participant_fk" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "event_calendar_revisions" ADD CONSTRAINT "event_calendar_revisions_event_fk" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // handwritten: the database counts an event's changes, so no path that changes an event can forget its SEQUENCE
    await queryRunner.query(`CREATE FUNCTION "count_event_calendar_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO "event_calendar_revisions" ("event_id", "sequence") VALUES (NEW."id", 1)
        ON CONFLICT ("event_id") DO UPDATE SET "sequence" = "event_calendar_revisions"."sequence" + 1;
        RETURN NEW;
      END $$`);
    const changed = CALENDAR_COLUMNS.map((column) => `OLD."${column}" IS DISTINCT FROM NEW."${column}"`).join(" OR ");
    await queryRunner.query(`CREATE TRIGGER "events_calendar_revision" AFTER UPDATE ON "events" FOR EACH ROW WHEN (${changed}) EXECUTE FUNCTION "count_event_calendar_revision"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "events_calendar_revision" ON "events"`);
    await queryRunner.query(`DROP FUNCTION "count_event_calendar_revision"()`);
    await queryRunner.query('ALTER TABLE "event_calendar_revisions" DROP CONSTRAINT "event_calendar_revisions_event_fk"');
    await queryRunner.query('ALTER TABLE "calendar_feeds" DROP CONSTRAINT "calendar_feeds_participant_fk"');
    await queryRunner.query('DROP TABLE "event_calendar_revisions"');
    await queryRunner.query('DROP INDEX "public"."calendar_feeds_token_hash_unique"');
    await queryRunner.query('DROP INDEX "public"."calendar_feeds_one_active"');
    await queryRunner.query('DROP TABLE "calendar_feeds"');
  }
}
