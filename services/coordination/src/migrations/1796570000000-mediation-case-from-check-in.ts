import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A check-in may open a mediation case (concern CHECK_IN). TypeORM does not
 * compare check expressions, so this one is written by hand. Reverting it
 * fails while a CHECK_IN case exists.
 */
export class MediationCaseFromCheckIn1796570000000 implements MigrationInterface {
  name = "MediationCaseFromCheckIn1796570000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mediation_cases" DROP CONSTRAINT "mediation_cases_concern_known"`);
    await queryRunner.query(
      `ALTER TABLE "mediation_cases" ADD CONSTRAINT "mediation_cases_concern_known" CHECK ("concern" IN ('COMMUNICATION', 'EXPECTATIONS', 'AVAILABILITY', 'CONDUCT', 'OTHER', 'CHECK_IN'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mediation_cases" DROP CONSTRAINT "mediation_cases_concern_known"`);
    await queryRunner.query(`ALTER TABLE "mediation_cases" ADD CONSTRAINT "mediation_cases_concern_known" CHECK ("concern" IN ('COMMUNICATION', 'EXPECTATIONS', 'AVAILABILITY', 'CONDUCT', 'OTHER'))`);
  }
}
