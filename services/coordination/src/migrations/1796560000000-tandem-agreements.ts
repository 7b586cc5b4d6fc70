import type { MigrationInterface, QueryRunner } from "typeorm";

/** Tandems' agreements as the nodes' facts state them (versions, signatures; no text), and the reason of an activation without signatures. */
export class TandemAgreements1796560000000 implements MigrationInterface {
  name = "TandemAgreements1796560000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "tandem_agreements" ("tandem_id" uuid NOT NULL, "version" integer NOT NULL, "version_hash" character varying(64) NOT NULL, "versioned_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_tandem_agreements" PRIMARY KEY ("tandem_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "tandem_agreement_signatures" ("tandem_id" uuid NOT NULL, "role" character varying(8) NOT NULL, "version_hash" character varying(64) NOT NULL, "version" integer NOT NULL, "signer_id" character varying(120) NOT NULL, "signed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "proof" text NOT NULL, CONSTRAINT "tandem_agreement_signatures_role_known" CHECK ("role" IN ('MENTEE', 'MENTOR')), CONSTRAINT "PK_tandem_agreement_signatures" PRIMARY KEY ("tandem_id", "role", "version_hash"))`,
    );
    await queryRunner.query(`ALTER TABLE "tandems" ADD "activation_override_reason" character varying(500)`);
    await queryRunner.query(`ALTER TABLE "tandem_agreements" ADD CONSTRAINT "tandem_agreements_tandem_fk" FOREIGN KEY ("tandem_id") REFERENCES "tandems"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(
      `ALTER TABLE "tandem_agreement_signatures" ADD CONSTRAINT "tandem_agreement_signatures_tandem_fk" FOREIGN KEY ("tandem_id") REFERENCES "tandems"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tandem_agreement_signatures" DROP CONSTRAINT "tandem_agreement_signatures_tandem_fk"`);
    await queryRunner.query(`ALTER TABLE "tandem_agreements" DROP CONSTRAINT "tandem_agreements_tandem_fk"`);
    await queryRunner.query(`ALTER TABLE "tandems" DROP COLUMN "activation_override_reason"`);
    await queryRunner.query(`DROP TABLE "tandem_agreement_signatures"`);
    await queryRunner.query(`DROP TABLE "tandem_agreements"`);
  }
}
