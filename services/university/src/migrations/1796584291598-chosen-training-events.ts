import type { MigrationInterface, QueryRunner } from "typeorm";

export class ChosenTrainingEvents1796584291598 implements MigrationInterface {
  name = "ChosenTrainingEvents1796584291598";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"events\" ADD \"training_survey_id\" character varying(160)");
    await queryRunner.query("ALTER TABLE \"events\" ADD \"training_topic_code\" character varying(32)");
    await queryRunner.query("ALTER TABLE \"interest_surveys\" ADD \"trainings\" jsonb");
    await queryRunner.query("ALTER TABLE \"events\" ADD CONSTRAINT \"events_training_complete\" CHECK ((\"training_survey_id\" IS NULL) = (\"training_topic_code\" IS NULL))");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"events\" DROP CONSTRAINT \"events_training_complete\"");
    await queryRunner.query("ALTER TABLE \"interest_surveys\" DROP COLUMN \"trainings\"");
    await queryRunner.query("ALTER TABLE \"events\" DROP COLUMN \"training_topic_code\"");
    await queryRunner.query("ALTER TABLE \"events\" DROP COLUMN \"training_survey_id\"");
  }
}
