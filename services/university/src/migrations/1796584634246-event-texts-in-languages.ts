import type { MigrationInterface, QueryRunner } from "typeorm";

export class EventTextsInLanguages1796584634246 implements MigrationInterface {
  name = "EventTextsInLanguages1796584634246";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"events\" ADD \"language\" character varying(2) NOT NULL DEFAULT 'en'");
    await queryRunner.query("ALTER TABLE \"events\" ADD \"translations\" jsonb NOT NULL DEFAULT '{}'");
    await queryRunner.query("ALTER TABLE \"events\" ADD CONSTRAINT \"events_translations_object\" CHECK (jsonb_typeof(\"translations\") = 'object')");
    await queryRunner.query("ALTER TABLE \"events\" ADD CONSTRAINT \"events_language_supported\" CHECK (\"language\" IN ('de', 'en', 'fr', 'cs', 'lb'))");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"events\" DROP CONSTRAINT \"events_language_supported\"");
    await queryRunner.query("ALTER TABLE \"events\" DROP CONSTRAINT \"events_translations_object\"");
    await queryRunner.query("ALTER TABLE \"events\" DROP COLUMN \"translations\"");
    await queryRunner.query("ALTER TABLE \"events\" DROP COLUMN \"language\"");
  }
}
