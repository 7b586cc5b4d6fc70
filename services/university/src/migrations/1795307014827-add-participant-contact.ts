import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddParticipantContact1795307014827 implements MigrationInterface {
  name = "AddParticipantContact1795307014827";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "participants" ADD "phone" character varying(32)');
    await queryRunner.query('ALTER TABLE "participants" ADD "about" character varying(2000)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "participants" DROP COLUMN "about"');
    await queryRunner.query('ALTER TABLE "participants" DROP COLUMN "phone"');
  }
}
