import type { MigrationInterface, QueryRunner } from "typeorm";

/** The idempotency keys of mutations (IdempotencyRecordEntity); every party runs this same migration. */
export class AddIdempotencyKeys1796530399661 implements MigrationInterface {
  name = "AddIdempotencyKeys1796530399661";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "idempotency_keys" ("scope" character varying(64) NOT NULL, "actor" character varying(160) NOT NULL, "key" character varying(255) NOT NULL, "fingerprint" character varying(64) NOT NULL, "response" jsonb, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_idempotency_keys" PRIMARY KEY ("scope"))`,
    );
    await queryRunner.query(`CREATE INDEX "idempotency_keys_caller_key_idx" ON "idempotency_keys" ("actor", "key")`);
    await queryRunner.query(`CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys" ("created_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
  }
}
