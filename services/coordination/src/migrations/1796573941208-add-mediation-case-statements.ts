import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddMediationCaseStatements1796573941208 implements MigrationInterface {
  name = "AddMediationCaseStatements1796573941208";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "mediation_case_statements" ("statement_id" character varying(160) NOT NULL, "case_id" uuid NOT NULL, "raiser_id" character varying(160) NOT NULL, "added_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_mediation_case_statements" PRIMARY KEY ("statement_id"))',
    );
    await queryRunner.query('CREATE INDEX "mediation_case_statements_case_idx" ON "mediation_case_statements"  ("case_id", "added_at") ');
    await queryRunner.query(
      'ALTER TABLE "mediation_case_statements" ADD CONSTRAINT "mediation_case_statements_case_fk" FOREIGN KEY ("case_id") REFERENCES "mediation_cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "mediation_case_statements" DROP CONSTRAINT "mediation_case_statements_case_fk"');
    await queryRunner.query('DROP INDEX "public"."mediation_case_statements_case_idx"');
    await queryRunner.query('DROP TABLE "mediation_case_statements"');
  }
}
