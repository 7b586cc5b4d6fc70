import type { MigrationInterface, QueryRunner } from "typeorm";

export class PeerGroupRosters1796584685751 implements MigrationInterface {
  name = "PeerGroupRosters1796584685751";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"peer_group_rosters\" (\"peer_group_id\" character varying(160) NOT NULL, \"cohort_id\" character varying(160) NOT NULL, \"members\" text array NOT NULL, \"meetings_count\" boolean NOT NULL, \"revision\" integer NOT NULL, \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_peer_group_rosters\" PRIMARY KEY (\"peer_group_id\"))");
    await queryRunner.query("ALTER TABLE \"events\" ADD \"peer_group_id\" character varying(160)");
    // by hand: TypeORM does not compare check expressions
    await queryRunner.query("ALTER TABLE \"disclosure_grants\" DROP CONSTRAINT \"disclosure_grants_basis_valid\"");
    await queryRunner.query("ALTER TABLE \"disclosure_grants\" ADD CONSTRAINT \"disclosure_grants_basis_valid\" CHECK (\"basis\" IN ('TANDEM', 'EVENT_REGISTRATION', 'PEER_GROUP'))");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DELETE FROM \"disclosure_grants\" WHERE \"basis\" = 'PEER_GROUP'");
    await queryRunner.query("ALTER TABLE \"disclosure_grants\" DROP CONSTRAINT \"disclosure_grants_basis_valid\"");
    await queryRunner.query("ALTER TABLE \"disclosure_grants\" ADD CONSTRAINT \"disclosure_grants_basis_valid\" CHECK (\"basis\" IN ('TANDEM', 'EVENT_REGISTRATION'))");
    await queryRunner.query("ALTER TABLE \"events\" DROP COLUMN \"peer_group_id\"");
    await queryRunner.query("DROP TABLE \"peer_group_rosters\"");
  }
}
