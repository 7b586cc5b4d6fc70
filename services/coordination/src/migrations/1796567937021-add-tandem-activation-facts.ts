import type { MigrationInterface, QueryRunner } from "typeorm";

/** Which tandems' activation the nodes were told of; tandems ACTIVE before have none, and are told when the office next starts. */
export class AddTandemActivationFacts1796567937021 implements MigrationInterface {
  name = "AddTandemActivationFacts1796567937021";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "tandem_activation_facts" ("tandem_id" uuid NOT NULL, "published_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_tandem_activation_facts" PRIMARY KEY ("tandem_id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "tandem_activation_facts" ADD CONSTRAINT "tandem_activation_facts_tandem_fk" FOREIGN KEY ("tandem_id") REFERENCES "tandems"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "tandem_activation_facts" DROP CONSTRAINT "tandem_activation_facts_tandem_fk"');
    await queryRunner.query('DROP TABLE "tandem_activation_facts"');
  }
}
