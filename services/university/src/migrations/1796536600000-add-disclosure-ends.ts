import type { MigrationInterface, QueryRunner } from "typeorm";

/** Tandems and registrations whose disclosure ended (DisclosureEndEntity). */
export class AddDisclosureEnds1796536600000 implements MigrationInterface {
  name = "AddDisclosureEnds1796536600000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "disclosure_ends" ("reference_id" character varying(160) NOT NULL, "ended_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_disclosure_ends" PRIMARY KEY ("reference_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "disclosure_ends"`);
  }
}
