import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The gateway tokens a party has accepted (replay protection), shared by
 * every party: each service lists this one class among its migrations.
 */
export class AddGatewayTokenUses1796529866348 implements MigrationInterface {
  name = "AddGatewayTokenUses1796529866348";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"gateway_token_uses\" (\"jti\" character varying(128) NOT NULL, \"expires_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_5d70d3139d956731617c248a31e\" PRIMARY KEY (\"jti\"))");
    await queryRunner.query("CREATE INDEX \"gateway_token_uses_expires_at_idx\" ON \"gateway_token_uses\"  (\"expires_at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"gateway_token_uses_expires_at_idx\"");
    await queryRunner.query("DROP TABLE \"gateway_token_uses\"");
  }
}
