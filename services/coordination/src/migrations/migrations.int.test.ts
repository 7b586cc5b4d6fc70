import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createLogger, type Database } from "@tandem/shared";
import { createFreshDatabase } from "@tandem/shared/testkit";
import { openCoordinationDatabase } from "../coordination.js";
import { migrations } from "./index.js";

describe("coordination migrations", () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await createFreshDatabase(inject("postgres"), "coordination_migrations");
    drop = fresh.drop;
    database = openCoordinationDatabase({ databaseUrl: fresh.url, dbPoolSize: 2 }, createLogger("test", "silent"));
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

  it("applies every migration and leaves the entities nothing to change", async () => {
    const applied = await database.dataSource.runMigrations({ transaction: "each" });
    expect(applied.map((migration) => migration.name)).toEqual(migrations.map((migration) => migration.name));
    const pending = await database.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    expect(await tables()).toEqual(["cohort_quotas", "cohorts", "enrolments", "programme_tracks", "programmes", "schema_migrations", "tandems"]);
  });

  it("reverts every migration cleanly and applies them again", async () => {
    for (let i = 0; i < migrations.length; i++) await database.dataSource.undoLastMigration({ transaction: "each" });
    expect(await tables()).toEqual(["schema_migrations"]);
    expect(await database.dataSource.query(`SELECT count(*)::int AS count FROM schema_migrations`)).toEqual([{ count: 0 }]);
    await database.dataSource.runMigrations({ transaction: "each" });
    expect((await database.dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });
});
