import type { MigrationInterface, QueryRunner } from "typeorm";

export class CompletionFacts1796594303099 implements MigrationInterface {
  name = "CompletionFacts1796594303099";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"programme_rules\" ADD \"completion\" json");
    await queryRunner.query("ALTER TABLE \"active_tandems\" ADD \"told_meetings\" integer");
    await queryRunner.query("ALTER TABLE \"active_tandems\" ADD \"told_meetings_revision\" integer NOT NULL DEFAULT '0'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"active_tandems\" DROP COLUMN \"told_meetings_revision\"");
    await queryRunner.query("ALTER TABLE \"active_tandems\" DROP COLUMN \"told_meetings\"");
    await queryRunner.query("ALTER TABLE \"programme_rules\" DROP COLUMN \"completion\"");
  }
}
