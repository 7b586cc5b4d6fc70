import type { MigrationInterface, QueryRunner } from "typeorm";

/** What the office knows of a tandem's meetings: counts and the last date, from the mentee's home node. */
export class AddMeetingTallies1796563856971 implements MigrationInterface {
  name = "AddMeetingTallies1796563856971";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "tandem_meeting_tallies" ("tandem_id" uuid NOT NULL, "meetings" integer NOT NULL, "confirmed" integer NOT NULL, "latest_meeting_on" date, "revision" integer NOT NULL, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "tandem_meeting_tallies_counts_valid" CHECK ("meetings" >= 0 AND "confirmed" >= 0 AND "confirmed" <= "meetings"), CONSTRAINT "PK_tandem_meeting_tallies" PRIMARY KEY ("tandem_id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "tandem_meeting_tallies" ADD CONSTRAINT "tandem_meeting_tallies_tandem_fk" FOREIGN KEY ("tandem_id") REFERENCES "tandems"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "tandem_meeting_tallies" DROP CONSTRAINT "tandem_meeting_tallies_tandem_fk"');
    await queryRunner.query('DROP TABLE "tandem_meeting_tallies"');
  }
}
