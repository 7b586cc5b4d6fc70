import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createLogger, type Database } from "@tandem/shared";
import { createFreshDatabase } from "@tandem/shared/testkit";
import { openNodeDatabase } from "../node.js";
import { migrations } from "./index.js";

describe("university node migrations", () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await createFreshDatabase(inject("postgres"), "node_migrations");
    drop = fresh.drop;
    database = openNodeDatabase({ databaseUrl: fresh.url, dbPoolSize: 2, node: { id: "hst", name: "Hochschule Trier", country: "DE" } }, createLogger("test", "silent"));
    await database.dataSource.initialize();
  });
  afterAll(async () => {
    await database.dataSource.destroy();
    await drop();
  });

  const tables = async (): Promise<string[]> =>
    (await database.dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`)).map(
      (row: { table_name: string }) => row.table_name,
    );
  const pendingSchemaChanges = async (): Promise<string[]> => (await database.dataSource.driver.createSchemaBuilder().log()).upQueries.map((query) => query.query);

  it("applies every migration and leaves the entities nothing to change", async () => {
    expect(await database.dataSource.showMigrations()).toBe(true);
    const applied = await database.dataSource.runMigrations({ transaction: "each" });
    expect(applied.map((migration) => migration.name)).toEqual(migrations.map((migration) => migration.name));
    expect(await pendingSchemaChanges()).toEqual([]);
    expect(await tables()).toEqual(["audit_log", "disclosure_grants", "events", "participants", "registrations", "schema_migrations"]);
    expect(await database.dataSource.showMigrations()).toBe(false);
  });

  it("creates the constraints the services rely on", async () => {
    const indexes: { indexname: string; indexdef: string }[] = await database.dataSource.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexname IN ('participants_email_unique', 'registrations_active_unique') ORDER BY indexname`,
    );
    expect(indexes.map((index) => index.indexname)).toEqual(["participants_email_unique", "registrations_active_unique"]);
    expect(indexes[1]!.indexdef).toMatch(/UNIQUE INDEX .* WHERE \(\(status\)::text <> 'CANCELLED'::text\)/);
    const checks: { conname: string }[] = await database.dataSource.query(`SELECT conname FROM pg_constraint WHERE contype = 'c' AND conrelid <> 0 AND connamespace = 'public'::regnamespace ORDER BY conname`);
    expect(checks.map((check) => check.conname)).toEqual([
      "disclosure_grants_basis_valid",
      "disclosure_grants_scope_valid",
      "events_capacity_positive",
      "events_time_order",
      "registrations_status_valid",
    ]);
  });

  it("ties disclosure grants to their participant (deleted with them) and keeps each grant once", async () => {
    const constraints: { conname: string; definition: string }[] = await database.dataSource.query(
      `SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = 'disclosure_grants'::regclass AND contype IN ('u', 'f') ORDER BY conname`,
    );
    expect(constraints).toEqual([
      { conname: "disclosure_grants_participant_fk", definition: expect.stringMatching(/REFERENCES participants\(id\) ON DELETE CASCADE/) },
      { conname: "disclosure_grants_unique", definition: "UNIQUE (participant_id, grantee, scope, reference_id)" },
    ]);
  });

  it("reverts every migration cleanly and applies them again", async () => {
    for (let i = 0; i < migrations.length; i++) await database.dataSource.undoLastMigration({ transaction: "each" });
    expect(await tables()).toEqual(["schema_migrations"]);
    expect(await database.dataSource.query(`SELECT count(*)::int AS count FROM schema_migrations`)).toEqual([{ count: 0 }]);
    const reapplied = await database.dataSource.runMigrations({ transaction: "each" });
    expect(reapplied).toHaveLength(migrations.length);
    expect(await pendingSchemaChanges()).toEqual([]);
    expect(await tables()).toEqual(["audit_log", "disclosure_grants", "events", "participants", "registrations", "schema_migrations"]);
  });
});
