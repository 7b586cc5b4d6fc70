import type { MigrationInterface, QueryRunner } from "typeorm";

export class PeerGroups1796584298165 implements MigrationInterface {
  name = "PeerGroups1796584298165";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"peer_groups\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"cohort_id\" uuid NOT NULL, \"name\" character varying(120) NOT NULL, \"topic\" character varying(300) NOT NULL DEFAULT '', \"mode\" character varying(8) NOT NULL, \"size_limit\" integer, \"revision\" integer NOT NULL DEFAULT '0', \"told_node_ids\" text array NOT NULL DEFAULT '{}', \"created_by\" character varying(160) NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"peer_groups_size_limit_range\" CHECK (\"size_limit\" IS NULL OR \"size_limit\" BETWEEN 2 AND 30), CONSTRAINT \"peer_groups_mode_known\" CHECK (\"mode\" IN ('FORMED', 'OPEN')), CONSTRAINT \"PK_peer_groups\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"peer_groups_cohort_idx\" ON \"peer_groups\"  (\"cohort_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"peer_group_members\" (\"group_id\" uuid NOT NULL, \"participant_id\" character varying(120) NOT NULL, \"status\" character varying(12) NOT NULL, \"added_by\" character varying(12) NOT NULL, \"added_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"consented_at\" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT \"peer_group_members_consent_dated\" CHECK ((\"status\" = 'CONSENTED') = (\"consented_at\" IS NOT NULL)), CONSTRAINT \"peer_group_members_added_by_known\" CHECK (\"added_by\" IN ('JOINT_OFFICE', 'SELF')), CONSTRAINT \"peer_group_members_status_known\" CHECK (\"status\" IN ('INVITED', 'CONSENTED')), CONSTRAINT \"PK_peer_group_members\" PRIMARY KEY (\"group_id\", \"participant_id\"))");
    await queryRunner.query("CREATE INDEX \"peer_group_members_participant_idx\" ON \"peer_group_members\"  (\"participant_id\") ");
    await queryRunner.query("ALTER TABLE \"programmes\" ADD \"peer_meetings_count\" boolean NOT NULL DEFAULT false");
    await queryRunner.query("ALTER TABLE \"peer_groups\" ADD CONSTRAINT \"peer_groups_cohort_fk\" FOREIGN KEY (\"cohort_id\") REFERENCES \"cohorts\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"peer_group_members\" ADD CONSTRAINT \"peer_group_members_group_fk\" FOREIGN KEY (\"group_id\") REFERENCES \"peer_groups\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"peer_group_members\" DROP CONSTRAINT \"peer_group_members_group_fk\"");
    await queryRunner.query("ALTER TABLE \"peer_groups\" DROP CONSTRAINT \"peer_groups_cohort_fk\"");
    await queryRunner.query("ALTER TABLE \"programmes\" DROP COLUMN \"peer_meetings_count\"");
    await queryRunner.query("DROP INDEX \"public\".\"peer_group_members_participant_idx\"");
    await queryRunner.query("DROP TABLE \"peer_group_members\"");
    await queryRunner.query("DROP INDEX \"public\".\"peer_groups_cohort_idx\"");
    await queryRunner.query("DROP TABLE \"peer_groups\"");
  }
}
