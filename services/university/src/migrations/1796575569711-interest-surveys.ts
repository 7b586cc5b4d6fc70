import type { MigrationInterface, QueryRunner } from "typeorm";

export class InterestSurveys1796575569711 implements MigrationInterface {
  name = "InterestSurveys1796575569711";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"interest_surveys\" (\"survey_id\" character varying(160) NOT NULL, \"cohort_id\" character varying(160) NOT NULL, \"topics\" jsonb NOT NULL, \"closes_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, \"state\" character varying(8) NOT NULL, \"revision\" integer NOT NULL, \"tally_revision\" integer NOT NULL DEFAULT '0', \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"interest_surveys_state_known\" CHECK (\"state\" IN ('OPEN', 'CLOSED')), CONSTRAINT \"PK_interest_surveys\" PRIMARY KEY (\"survey_id\"))");
    await queryRunner.query("CREATE INDEX \"interest_surveys_cohort_idx\" ON \"interest_surveys\"  (\"cohort_id\") ");
    await queryRunner.query("CREATE TABLE \"survey_rankings\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"survey_id\" character varying(160) NOT NULL, \"participant_id\" uuid NOT NULL, \"topic_codes\" text array NOT NULL, \"unreleased\" boolean NOT NULL DEFAULT true, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"survey_rankings_one_per_person\" UNIQUE (\"survey_id\", \"participant_id\"), CONSTRAINT \"PK_survey_rankings\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("ALTER TABLE \"survey_rankings\" ADD CONSTRAINT \"survey_rankings_survey_fk\" FOREIGN KEY (\"survey_id\") REFERENCES \"interest_surveys\"(\"survey_id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"survey_rankings\" ADD CONSTRAINT \"survey_rankings_participant_fk\" FOREIGN KEY (\"participant_id\") REFERENCES \"participants\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"survey_rankings\" DROP CONSTRAINT \"survey_rankings_participant_fk\"");
    await queryRunner.query("ALTER TABLE \"survey_rankings\" DROP CONSTRAINT \"survey_rankings_survey_fk\"");
    await queryRunner.query("DROP TABLE \"survey_rankings\"");
    await queryRunner.query("DROP INDEX \"public\".\"interest_surveys_cohort_idx\"");
    await queryRunner.query("DROP TABLE \"interest_surveys\"");
  }
}
