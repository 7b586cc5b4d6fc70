import type { MigrationInterface, QueryRunner } from "typeorm";

/** Check-ins' codes, the tandems needing attention, and a programme's check-in interval (none for existing programmes: the mid-point only). */
export class AddCheckIns1796564740386 implements MigrationInterface {
  name = "AddCheckIns1796564740386";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "tandem_check_ins" ("tandem_id" uuid NOT NULL, "side" character varying(8) NOT NULL, "due_on" date NOT NULL, "satisfaction" smallint NOT NULL, "on_track" boolean NOT NULL, "contact_requested" boolean NOT NULL, "received_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "tandem_check_ins_satisfaction_range" CHECK ("satisfaction" BETWEEN 1 AND 5), CONSTRAINT "tandem_check_ins_side_known" CHECK ("side" IN (\'MENTEE\', \'MENTOR\')), CONSTRAINT "PK_tandem_check_ins" PRIMARY KEY ("tandem_id", "side", "due_on"))',
    );
    await queryRunner.query(
      'CREATE TABLE "tandem_attention" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tandem_id" uuid NOT NULL, "side" character varying(8) NOT NULL, "due_on" date NOT NULL, "reasons" character varying(24) array NOT NULL, "raised_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "handled_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "tandem_attention_check_in_unique" UNIQUE ("tandem_id", "side", "due_on"), CONSTRAINT "tandem_attention_reasons_known" CHECK ("reasons" <@ ARRAY[\'CONTACT_REQUESTED\', \'LOW_SATISFACTION\']::varchar[] AND cardinality("reasons") > 0), CONSTRAINT "PK_64e48ca08328dd8d040c304a641" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "tandem_attention_open_idx" ON "tandem_attention"  ("raised_at", "id") WHERE "handled_at" IS NULL');
    await queryRunner.query('ALTER TABLE "programmes" ADD "check_in_every_weeks" integer');
    await queryRunner.query('ALTER TABLE "tandem_check_ins" ADD CONSTRAINT "tandem_check_ins_tandem_fk" FOREIGN KEY ("tandem_id") REFERENCES "tandems"("id") ON DELETE CASCADE ON UPDATE NO ACTION');
    await queryRunner.query('ALTER TABLE "tandem_attention" ADD CONSTRAINT "tandem_attention_tandem_fk" FOREIGN KEY ("tandem_id") REFERENCES "tandems"("id") ON DELETE CASCADE ON UPDATE NO ACTION');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "tandem_attention" DROP CONSTRAINT "tandem_attention_tandem_fk"');
    await queryRunner.query('ALTER TABLE "tandem_check_ins" DROP CONSTRAINT "tandem_check_ins_tandem_fk"');
    await queryRunner.query('ALTER TABLE "programmes" DROP COLUMN "check_in_every_weeks"');
    await queryRunner.query('DROP INDEX "public"."tandem_attention_open_idx"');
    await queryRunner.query('DROP TABLE "tandem_attention"');
    await queryRunner.query('DROP TABLE "tandem_check_ins"');
  }
}
