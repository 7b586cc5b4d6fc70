import type { MigrationInterface, QueryRunner } from "typeorm";

/** Agreements of accepted tandems: the tandems a partner of this node is in, the versions (text, at the mentee's node), the signatures. */
export class AddAgreements1796560000000 implements MigrationInterface {
  name = "AddAgreements1796560000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "agreement_tandems" ("tandem_id" character varying(160) NOT NULL, "mentee_id" character varying(160) NOT NULL, "mentor_id" character varying(160) NOT NULL, "version" integer NOT NULL DEFAULT '0', "version_hash" character varying(64), "versioned_at" TIMESTAMP(3) WITH TIME ZONE, "ended_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "agreement_tandems_version_known" CHECK (("version" = 0) = ("version_hash" IS NULL)), CONSTRAINT "PK_agreement_tandems" PRIMARY KEY ("tandem_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "agreement_versions" ("tandem_id" character varying(160) NOT NULL, "version" integer NOT NULL, "hash" character varying(64) NOT NULL, "content" jsonb NOT NULL, "author_id" character varying(160) NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_agreement_versions" PRIMARY KEY ("tandem_id", "version"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "agreement_signatures" ("tandem_id" character varying(160) NOT NULL, "role" character varying(8) NOT NULL, "version_hash" character varying(64) NOT NULL, "version" integer NOT NULL, "signer_id" character varying(160) NOT NULL, "signed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "proof" text NOT NULL, CONSTRAINT "agreement_signatures_role_known" CHECK ("role" IN ('MENTEE', 'MENTOR')), CONSTRAINT "PK_agreement_signatures" PRIMARY KEY ("tandem_id", "role", "version_hash"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "agreement_signatures"`);
    await queryRunner.query(`DROP TABLE "agreement_versions"`);
    await queryRunner.query(`DROP TABLE "agreement_tandems"`);
  }
}
