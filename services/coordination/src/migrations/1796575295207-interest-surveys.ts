import type { MigrationInterface, QueryRunner } from "typeorm";

export class InterestSurveys1796575295207 implements MigrationInterface {
  name = "InterestSurveys1796575295207";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"interest_surveys\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"cohort_id\" uuid NOT NULL, \"title\" character varying(200) NOT NULL, \"topics\" jsonb NOT NULL, \"closes_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, \"state\" character varying(8) NOT NULL DEFAULT 'OPEN', \"revision\" integer NOT NULL, \"opened_by\" character varying(160) NOT NULL, \"closed_at\" TIMESTAMP(3) WITH TIME ZONE, \"chosen_codes\" text array, \"chosen_by\" character varying(160), \"chosen_at\" TIMESTAMP(3) WITH TIME ZONE, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"interest_surveys_choice_complete\" CHECK ((\"chosen_codes\" IS NULL) = (\"chosen_at\" IS NULL) AND (\"chosen_at\" IS NULL) = (\"chosen_by\" IS NULL)), CONSTRAINT \"interest_surveys_state_known\" CHECK (\"state\" IN ('OPEN', 'CLOSED')), CONSTRAINT \"PK_interest_surveys\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"interest_surveys_cohort_idx\" ON \"interest_surveys\"  (\"cohort_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"survey_tallies\" (\"survey_id\" uuid NOT NULL, \"node_id\" character varying(16) NOT NULL, \"respondents\" integer NOT NULL, \"points\" jsonb NOT NULL, \"revision\" integer NOT NULL, \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"survey_tallies_respondents_positive\" CHECK (\"respondents\" >= 0), CONSTRAINT \"PK_survey_tallies\" PRIMARY KEY (\"survey_id\", \"node_id\"))");
    await queryRunner.query("ALTER TABLE \"interest_surveys\" ADD CONSTRAINT \"interest_surveys_cohort_fk\" FOREIGN KEY (\"cohort_id\") REFERENCES \"cohorts\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"survey_tallies\" ADD CONSTRAINT \"survey_tallies_survey_fk\" FOREIGN KEY (\"survey_id\") REFERENCES \"interest_surveys\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"survey_tallies\" DROP CONSTRAINT \"survey_tallies_survey_fk\"");
    await queryRunner.query("ALTER TABLE \"interest_surveys\" DROP CONSTRAINT \"interest_surveys_cohort_fk\"");
    await queryRunner.query("DROP TABLE \"survey_tallies\"");
    await queryRunner.query("DROP INDEX \"public\".\"interest_surveys_cohort_idx\"");
    await queryRunner.query("DROP TABLE \"interest_surveys\"");
  }
}
