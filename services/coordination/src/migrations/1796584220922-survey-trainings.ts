import type { MigrationInterface, QueryRunner } from "typeorm";

export class SurveyTrainings1796584220922 implements MigrationInterface {
  name = "SurveyTrainings1796584220922";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"survey_trainings\" (\"event_id\" character varying(160) NOT NULL, \"survey_id\" uuid NOT NULL, \"topic_code\" character varying(32) NOT NULL, \"node_id\" character varying(16) NOT NULL, \"title\" character varying(200) NOT NULL, \"starts_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, \"ends_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, \"status\" character varying(16) NOT NULL, \"revision\" integer NOT NULL, CONSTRAINT \"survey_trainings_status_known\" CHECK (\"status\" IN ('SCHEDULED', 'CANCELLED')), CONSTRAINT \"PK_survey_trainings\" PRIMARY KEY (\"event_id\"))");
    await queryRunner.query("CREATE INDEX \"survey_trainings_survey_idx\" ON \"survey_trainings\"  (\"survey_id\", \"starts_at\") ");
    await queryRunner.query("ALTER TABLE \"interest_surveys\" ADD \"chosen_obligation\" character varying(16)");
    // trainings chosen before obligations were recorded were meant to be mandatory
    await queryRunner.query("UPDATE \"interest_surveys\" SET \"chosen_obligation\" = 'MANDATORY' WHERE \"chosen_codes\" IS NOT NULL");
    await queryRunner.query("ALTER TABLE \"interest_surveys\" ADD CONSTRAINT \"interest_surveys_obligation_with_choice\" CHECK ((\"chosen_obligation\" IS NULL) = (\"chosen_codes\" IS NULL) AND (\"chosen_obligation\" IS NULL OR \"chosen_obligation\" IN ('MANDATORY', 'VOLUNTARY')))");
    await queryRunner.query("ALTER TABLE \"survey_trainings\" ADD CONSTRAINT \"survey_trainings_survey_fk\" FOREIGN KEY (\"survey_id\") REFERENCES \"interest_surveys\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"survey_trainings\" DROP CONSTRAINT \"survey_trainings_survey_fk\"");
    await queryRunner.query("ALTER TABLE \"interest_surveys\" DROP CONSTRAINT \"interest_surveys_obligation_with_choice\"");
    await queryRunner.query("ALTER TABLE \"interest_surveys\" DROP COLUMN \"chosen_obligation\"");
    await queryRunner.query("DROP INDEX \"public\".\"survey_trainings_survey_idx\"");
    await queryRunner.query("DROP TABLE \"survey_trainings\"");
  }
}
