import type { MigrationInterface, QueryRunner } from "typeorm";

export class TandemStartedOn1796584012795 implements MigrationInterface {
  name = "TandemStartedOn1796584012795";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"tandems\" ADD \"started_on\" date");
    // tandems started before the column existed started on the day of their activation
    await queryRunner.query("UPDATE \"tandems\" SET \"started_on\" = (\"activated_at\" AT TIME ZONE 'UTC')::date WHERE \"activated_at\" IS NOT NULL");
    await queryRunner.query("ALTER TABLE \"tandems\" ADD CONSTRAINT \"tandems_started_when_activated\" CHECK ((\"started_on\" IS NULL) = (\"activated_at\" IS NULL) AND (\"started_on\" IS NULL OR \"started_on\" <= (\"activated_at\" AT TIME ZONE 'UTC')::date))");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"tandems\" DROP CONSTRAINT \"tandems_started_when_activated\"");
    await queryRunner.query("ALTER TABLE \"tandems\" DROP COLUMN \"started_on\"");
  }
}
