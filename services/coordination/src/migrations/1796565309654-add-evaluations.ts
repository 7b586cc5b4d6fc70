import type { MigrationInterface, QueryRunner } from "typeorm";

/** The partners' final evaluations as codes: the programme's rating and each goal's achievement. */
export class AddEvaluations1796565309654 implements MigrationInterface {
  name = "AddEvaluations1796565309654";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "tandem_evaluations" ("tandem_id" uuid NOT NULL, "side" character varying(8) NOT NULL, "programme_rating" smallint NOT NULL, "received_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "tandem_evaluations_rating_range" CHECK ("programme_rating" BETWEEN 1 AND 5), CONSTRAINT "tandem_evaluations_side_known" CHECK ("side" IN (\'MENTEE\', \'MENTOR\')), CONSTRAINT "PK_tandem_evaluations" PRIMARY KEY ("tandem_id", "side"))',
    );
    await queryRunner.query(
      'CREATE TABLE "tandem_goal_ratings" ("tandem_id" uuid NOT NULL, "side" character varying(8) NOT NULL, "goal_key" character varying(40) NOT NULL, "achievement" character varying(8) NOT NULL, CONSTRAINT "tandem_goal_ratings_achievement_known" CHECK ("achievement" IN (\'NOT\', \'PARTLY\', \'FULLY\')), CONSTRAINT "PK_tandem_goal_ratings" PRIMARY KEY ("tandem_id", "side", "goal_key"))',
    );
    await queryRunner.query(
      'ALTER TABLE "tandem_evaluations" ADD CONSTRAINT "tandem_evaluations_tandem_fk" FOREIGN KEY ("tandem_id") REFERENCES "tandems"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "tandem_goal_ratings" ADD CONSTRAINT "tandem_goal_ratings_tandem_fk" FOREIGN KEY ("tandem_id") REFERENCES "tandems"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "tandem_goal_ratings" DROP CONSTRAINT "tandem_goal_ratings_tandem_fk"');
    await queryRunner.query('ALTER TABLE "tandem_evaluations" DROP CONSTRAINT "tandem_evaluations_tandem_fk"');
    await queryRunner.query('DROP TABLE "tandem_goal_ratings"');
    await queryRunner.query('DROP TABLE "tandem_evaluations"');
  }
}
