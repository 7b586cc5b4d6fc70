import type { MigrationInterface, QueryRunner } from "typeorm";

/** A tandem's meetings per month, counts only, kept with its meeting tally (same revision). */
export class MeetingMonths1796607116345 implements MigrationInterface {
  name = "MeetingMonths1796607116345";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "tandem_meeting_months" ("tandem_id" uuid NOT NULL, "month" character varying(7) NOT NULL, "meetings" integer NOT NULL, "confirmed" integer NOT NULL, CONSTRAINT "tandem_meeting_months_month_valid" CHECK ("month" ~ \'^[0-9]{4}-(0[1-9]|1[0-2])$\'), CONSTRAINT "tandem_meeting_months_counts_valid" CHECK ("meetings" >= 1 AND "confirmed" >= 0 AND "confirmed" <= "meetings"), CONSTRAINT "PK_tandem_meeting_months" PRIMARY KEY ("tandem_id", "month"))',
    );
    await queryRunner.query(
      'ALTER TABLE "tandem_meeting_months" ADD CONSTRAINT "tandem_meeting_months_tally_fk" FOREIGN KEY ("tandem_id") REFERENCES "tandem_meeting_tallies"("tandem_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "tandem_meeting_months" DROP CONSTRAINT "tandem_meeting_months_tally_fk"');
    await queryRunner.query('DROP TABLE "tandem_meeting_months"');
  }
}
