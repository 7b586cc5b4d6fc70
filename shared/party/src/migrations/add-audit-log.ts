import type { MigrationInterface, QueryRunner } from "typeorm";
import { landedAs } from "./landed-as.js";

/**
 * The audit log. Defined once; each service lists it under the name it
 * landed with.
 */
class AddAuditLog implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_log\" (\"id\" BIGSERIAL NOT NULL, \"at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"actor\" character varying(160) NOT NULL, \"actor_home\" character varying(32) NOT NULL, \"actor_roles\" text array NOT NULL DEFAULT '{}', \"via\" character varying(32) NOT NULL, \"request_id\" character varying(128), \"action\" character varying(64) NOT NULL, \"participant_id\" character varying(160), \"field_group\" character varying(32), \"target_id\" character varying(160), \"outcome\" character varying(40) NOT NULL, CONSTRAINT \"PK_07fefa57f7f5ab8fc3f52b3ed0b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"audit_log_at_idx\" ON \"audit_log\"  (\"at\") ");
    await queryRunner.query("CREATE INDEX \"audit_log_participant_idx\" ON \"audit_log\"  (\"participant_id\", \"at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"audit_log_participant_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"audit_log_at_idx\"");
    await queryRunner.query("DROP TABLE \"audit_log\"");
  }
}

/** The university node landed it under this name. */
export const AddAuditLog1795307031267 = landedAs(AddAuditLog, "AddAuditLog1795307031267");
/** The coordination service landed it under this name. */
export const AuditLog1795306993310 = landedAs(AddAuditLog, "AuditLog1795306993310");
