import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * An e-mail address is contact detail, not identity (that is the token's
 * subject): a unique index made a person's own change of address an oracle
 * for whether a colleague's address belongs to someone at the node. Node
 * coordinators are still told when they create or change a person to an
 * address in use (ParticipantService); the index stays for those lookups.
 */
export class EmailNotUnique1796531000000 implements MigrationInterface {
  name = "EmailNotUnique1796531000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."participants_email_unique"`);
    await queryRunner.query(`CREATE INDEX "participants_email_idx" ON "participants" ("email") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."participants_email_idx"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "participants_email_unique" ON "participants" ("email") `);
  }
}
