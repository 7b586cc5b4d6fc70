import type { MigrationInterface, QueryRunner } from "typeorm";
import { landedAs } from "./landed-as.js";

/**
 * The outbox of the change feed, and by hand (TypeORM's schema builder does
 * not see triggers) a trigger that NOTIFYs `tandem_outbox` with each new row
 * as JSON; PostgreSQL delivers it on commit only. A row too large for a
 * notification (8000 bytes) is announced by its id alone.
 *
 * Defined once; each service lists it under the name it landed with.
 */
class AddOutbox implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"outbox\" (\"id\" BIGSERIAL NOT NULL, \"topics\" text array NOT NULL, \"kind\" character varying(32) NOT NULL, \"refs\" jsonb NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_340ab539f309f03bdaa14aa7649\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"outbox_created_at_idx\" ON \"outbox\"  (\"created_at\") ");
    await queryRunner.query("CREATE INDEX \"outbox_topics_idx\" ON \"outbox\" USING gin (\"topics\") ");
    await queryRunner.query("CREATE TABLE \"outbox_watermark\" (\"id\" smallint NOT NULL, \"purged_through\" bigint NOT NULL, \"purged_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT \"outbox_watermark_single_row\" CHECK (\"id\" = 1), CONSTRAINT \"PK_f844f622b61e0719dff20c889ca\" PRIMARY KEY (\"id\"))");
    await queryRunner.query(`CREATE FUNCTION "outbox_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  payload text := row_to_json(NEW)::text;
BEGIN
  IF octet_length(payload) > 7900 THEN
    payload := json_build_object('id', NEW.id)::text;
  END IF;
  PERFORM pg_notify('tandem_outbox', payload);
  RETURN NULL;
END
$$`);
    await queryRunner.query(`CREATE TRIGGER "outbox_notify" AFTER INSERT ON "outbox" FOR EACH ROW EXECUTE FUNCTION "outbox_notify"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "outbox_notify" ON "outbox"`);
    await queryRunner.query(`DROP FUNCTION "outbox_notify"()`);
    await queryRunner.query("DROP TABLE \"outbox_watermark\"");
    await queryRunner.query("DROP INDEX \"public\".\"outbox_topics_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"outbox_created_at_idx\"");
    await queryRunner.query("DROP TABLE \"outbox\"");
  }
}

/** The university node landed it under this name. */
export const AddOutbox1795309744969 = landedAs(AddOutbox, "AddOutbox1795309744969");
/** The coordination service landed it under this name. */
export const AddOutbox1795309956291 = landedAs(AddOutbox, "AddOutbox1795309956291");
