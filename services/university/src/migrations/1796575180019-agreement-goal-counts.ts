import type { MigrationInterface, QueryRunner } from "typeorm";

export class AgreementGoalCounts1796575180019 implements MigrationInterface {
  name = "AgreementGoalCounts1796575180019";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "agreement_tandems" ADD "short_goals" smallint');
    await queryRunner.query('ALTER TABLE "agreement_tandems" ADD "long_goals" smallint');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "agreement_tandems" DROP COLUMN "long_goals"');
    await queryRunner.query('ALTER TABLE "agreement_tandems" DROP COLUMN "short_goals"');
  }
}
