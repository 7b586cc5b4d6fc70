import type { MigrationInterface, QueryRunner } from "typeorm";

/** Partners' final evaluations, kept at the author's home node (the comment never leaves it). */
export class AddEvaluations1796565325254 implements MigrationInterface {
  name = "AddEvaluations1796565325254";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "evaluations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tandem_id" character varying(160) NOT NULL, "participant_id" uuid NOT NULL, "side" character varying(8) NOT NULL, "goal_ratings" jsonb NOT NULL, "programme_rating" smallint NOT NULL, "comment" text NOT NULL DEFAULT \'\', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "evaluations_once_per_tandem" UNIQUE ("tandem_id", "participant_id"), CONSTRAINT "evaluations_side_known" CHECK ("side" IN (\'MENTEE\', \'MENTOR\')), CONSTRAINT "evaluations_programme_rating_range" CHECK ("programme_rating" BETWEEN 1 AND 5), CONSTRAINT "PK_f683b433eba0e6dae7e19b29e29" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_participant_fk" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "evaluations" DROP CONSTRAINT "evaluations_participant_fk"');
    await queryRunner.query('DROP TABLE "evaluations"');
  }
}
