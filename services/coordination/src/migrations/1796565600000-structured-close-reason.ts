import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A tandem's close reason becomes a code. Existing free text is mapped:
 * the office's own "declined by …" to DECLINED, "participant erased" to
 * ERASED and "dissolved by mediation…" to DISSOLVED_BY_MEDIATION, "completed" to COMPLETED, anything else to OTHER — the text itself
 * is dropped (the office is nobody's home for what a person wrote). Down
 * widens the column again; the dropped text does not come back.
 */
export class StructuredCloseReason1796565600000 implements MigrationInterface {
  name = "StructuredCloseReason1796565600000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "tandems" SET "close_reason" = CASE
         WHEN "close_reason" LIKE 'declined by %' THEN 'DECLINED'
         WHEN "close_reason" = 'participant erased' THEN 'ERASED'
         WHEN "close_reason" LIKE 'dissolved by mediation%' THEN 'DISSOLVED_BY_MEDIATION'
         WHEN lower(btrim("close_reason")) IN ('completed', 'complete') THEN 'COMPLETED'
         ELSE 'OTHER' END
       WHERE "close_reason" IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "tandems" ALTER COLUMN "close_reason" TYPE character varying(32)`);
    await queryRunner.query(
      `ALTER TABLE "tandems" ADD CONSTRAINT "tandems_close_reason_known" CHECK ("close_reason" IS NULL OR "close_reason" IN ('COMPLETED', 'DISSOLVED_BY_PARTICIPANT', 'DISSOLVED_BY_MEDIATION', 'NO_SHOW', 'OTHER', 'DECLINED', 'ERASED'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tandems" DROP CONSTRAINT "tandems_close_reason_known"`);
    await queryRunner.query(`ALTER TABLE "tandems" ALTER COLUMN "close_reason" TYPE character varying(500)`);
  }
}
