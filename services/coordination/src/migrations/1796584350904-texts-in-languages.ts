import type { MigrationInterface, QueryRunner } from "typeorm";

export class TextsInLanguages1796584350904 implements MigrationInterface {
  name = "TextsInLanguages1796584350904";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"programmes\" ADD \"language\" character varying(2) NOT NULL DEFAULT 'en'");
    await queryRunner.query("ALTER TABLE \"programmes\" ADD \"translations\" jsonb NOT NULL DEFAULT '{}'");
    await queryRunner.query("ALTER TABLE \"cohorts\" ADD \"language\" character varying(2) NOT NULL DEFAULT 'en'");
    await queryRunner.query("ALTER TABLE \"cohorts\" ADD \"translations\" jsonb NOT NULL DEFAULT '{}'");
    await queryRunner.query("ALTER TABLE \"programme_tracks\" ADD \"translations\" jsonb NOT NULL DEFAULT '{}'");
    await queryRunner.query("ALTER TABLE \"programmes\" ADD CONSTRAINT \"programmes_translations_object\" CHECK (jsonb_typeof(\"translations\") = 'object')");
    await queryRunner.query("ALTER TABLE \"programmes\" ADD CONSTRAINT \"programmes_language_supported\" CHECK (\"language\" IN ('de', 'en', 'fr', 'cs', 'lb'))");
    await queryRunner.query("ALTER TABLE \"cohorts\" ADD CONSTRAINT \"cohorts_translations_object\" CHECK (jsonb_typeof(\"translations\") = 'object')");
    await queryRunner.query("ALTER TABLE \"cohorts\" ADD CONSTRAINT \"cohorts_language_supported\" CHECK (\"language\" IN ('de', 'en', 'fr', 'cs', 'lb'))");
    await queryRunner.query("ALTER TABLE \"programme_tracks\" ADD CONSTRAINT \"programme_tracks_translations_object\" CHECK (jsonb_typeof(\"translations\") = 'object')");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"programme_tracks\" DROP CONSTRAINT \"programme_tracks_translations_object\"");
    await queryRunner.query("ALTER TABLE \"cohorts\" DROP CONSTRAINT \"cohorts_language_supported\"");
    await queryRunner.query("ALTER TABLE \"cohorts\" DROP CONSTRAINT \"cohorts_translations_object\"");
    await queryRunner.query("ALTER TABLE \"programmes\" DROP CONSTRAINT \"programmes_language_supported\"");
    await queryRunner.query("ALTER TABLE \"programmes\" DROP CONSTRAINT \"programmes_translations_object\"");
    await queryRunner.query("ALTER TABLE \"programme_tracks\" DROP COLUMN \"translations\"");
    await queryRunner.query("ALTER TABLE \"cohorts\" DROP COLUMN \"translations\"");
    await queryRunner.query("ALTER TABLE \"cohorts\" DROP COLUMN \"language\"");
    await queryRunner.query("ALTER TABLE \"programmes\" DROP COLUMN \"translations\"");
    await queryRunner.query("ALTER TABLE \"programmes\" DROP COLUMN \"language\"");
  }
}
