import type { MigrationInterface, QueryRunner } from "typeorm";

/** Partners' check-in answers, kept at the author's home node. */
export class AddCheckIns1796564758075 implements MigrationInterface {
  name = "AddCheckIns1796564758075";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "check_ins" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tandem_id" character varying(160) NOT NULL, "participant_id" uuid NOT NULL, "side" character varying(8) NOT NULL, "due_on" date NOT NULL, "satisfaction" smallint NOT NULL, "on_track" boolean NOT NULL, "contact_requested" boolean NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "check_ins_once_per_due_day" UNIQUE ("tandem_id", "participant_id", "due_on"), CONSTRAINT "check_ins_side_known" CHECK ("side" IN (\'MENTEE\', \'MENTOR\')), CONSTRAINT "check_ins_satisfaction_range" CHECK ("satisfaction" BETWEEN 1 AND 5), CONSTRAINT "PK_fac7f27bc829a454ad477c13f62" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_participant_fk" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "check_ins" DROP CONSTRAINT "check_ins_participant_fk"');
    await queryRunner.query('DROP TABLE "check_ins"');
  }
}
