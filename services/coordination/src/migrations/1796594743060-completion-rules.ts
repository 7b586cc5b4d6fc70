import type { MigrationInterface, QueryRunner } from "typeorm";

export class CompletionRules1796594743060 implements MigrationInterface {
  name = "CompletionRules1796594743060";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"programme_rules_versions\" ADD \"completion\" jsonb");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"programme_rules_versions\" DROP COLUMN \"completion\"");
  }
}
