import type { MigrationInterface, QueryRunner } from "typeorm";

/** Facts that travel between parties (shared/src/facts): those this party owns, those it applied, and how far. Every party runs it. */
export class AddFacts1796535984147 implements MigrationInterface {
  name = "AddFacts1796535984147";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "facts" ("seq" BIGSERIAL NOT NULL, "id" character varying(64) NOT NULL, "receiver" character varying(32) NOT NULL, "kind" character varying(40) NOT NULL, "proof" text NOT NULL, "subjects" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_facts" PRIMARY KEY ("seq"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "facts_id_receiver_unique" ON "facts" ("id", "receiver") `);
    await queryRunner.query(`CREATE INDEX "facts_receiver_seq_idx" ON "facts" ("receiver", "seq") `);
    await queryRunner.query(`CREATE INDEX "facts_subjects_idx" ON "facts" USING gin ("subjects") `);
    await queryRunner.query(
      `CREATE TABLE "applied_facts" ("id" character varying(64) NOT NULL, "source" character varying(32) NOT NULL, "kind" character varying(40) NOT NULL, "seq" bigint NOT NULL, "outcome" character varying(40) NOT NULL, "applied_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_applied_facts" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "fact_positions" ("source" character varying(32) NOT NULL, "position" bigint NOT NULL, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_fact_positions" PRIMARY KEY ("source"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "fact_positions"`);
    await queryRunner.query(`DROP TABLE "applied_facts"`);
    await queryRunner.query(`DROP TABLE "facts"`);
  }
}
