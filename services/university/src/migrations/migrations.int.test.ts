import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import pg from "pg";
import { createLogger } from "@tandem/shared";
import { type Database } from "@tandem/party";
import { openFreshDatabase, publicTables, type FreshDatabase } from "@tandem/party/testkit";
import { openNodeDatabase } from "../node.js";
import { migrations } from "./index.js";

/** The node's tables once every migration ran. */
const EVERY_TABLE = [
  "active_tandems",
  "agreement_signatures",
  "agreement_tandems",
  "agreement_versions",
  "applications",
  "applied_facts",
  "audit_log",
  "calendar_feeds",
  "check_ins",
  "cohort_states",
  "concerns",
  "credential_status_lists",
  "disclosure_ends",
  "disclosure_grants",
  "evaluations",
  "event_calendar_revisions",
  "event_participations",
  "events",
  "fact_positions",
  "facts",
  "gateway_token_uses",
  "idempotency_keys",
  "interest_surveys",
  "issued_credentials",
  "matching_consents",
  "meetings",
  "outbox",
  "outbox_watermark",
  "participants",
  "peer_group_rosters",
  "programme_events",
  "programme_rules",
  "registrations",
  "schema_migrations",
  "survey_rankings",
];

describe("university node migrations", () => {
  let fresh: FreshDatabase;
  let database: Database;
  let url: string;
  beforeAll(async () => {
    const node = { id: "hst", name: "Hochschule Trier", country: "DE" };
    fresh = await openFreshDatabase(inject("postgres"), "node_migrations", (freshUrl) => openNodeDatabase({ databaseUrl: freshUrl, dbPoolSize: 2, node }, createLogger("test", "silent")));
    ({ database, url } = fresh);
  });
  afterAll(() => fresh.close());

  const tables = () => publicTables(database.dataSource);
  const pendingSchemaChanges = async (): Promise<string[]> => (await database.dataSource.driver.createSchemaBuilder().log()).upQueries.map((query) => query.query);

  it("applies every migration and leaves the entities nothing to change", async () => {
    expect(await database.dataSource.showMigrations()).toBe(true);
    const applied = await database.dataSource.runMigrations({ transaction: "each" });
    expect(applied.map((migration) => migration.name)).toEqual(migrations.map((migration) => migration.name));
    expect(await pendingSchemaChanges()).toEqual([]);
    expect(await tables()).toEqual(EVERY_TABLE);
    expect(await database.dataSource.showMigrations()).toBe(false);
  });

  it("creates the constraints the services rely on", async () => {
    const indexes: { indexname: string; indexdef: string }[] = await database.dataSource.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexname IN ('participants_email_idx', 'registrations_active_unique') ORDER BY indexname`,
    );
    expect(indexes.map((index) => index.indexname)).toEqual(["participants_email_idx", "registrations_active_unique"]);
    expect(indexes[1]!.indexdef).toMatch(/UNIQUE INDEX .* WHERE \(\(status\)::text <> 'CANCELLED'::text\)/);
    const checks: { conname: string }[] = await database.dataSource.query(
      `SELECT conname FROM pg_constraint WHERE contype = 'c' AND conrelid <> 0 AND connamespace = 'public'::regnamespace ORDER BY conname`,
    );
    expect(checks.map((check) => check.conname)).toEqual([
      "agreement_signatures_role_known",
      "agreement_tandems_version_known",
      "applications_role_valid",
      "applications_status_valid",
      "check_ins_satisfaction_range",
      "check_ins_side_known",
      "concerns_concern_known",
      "concerns_mediator_known",
      "concerns_side_known",
      "disclosure_grants_basis_valid",
      "disclosure_grants_scope_valid",
      "evaluations_programme_rating_range",
      "evaluations_side_known",
      "event_participations_attendance_valid",
      "events_capacity_positive",
      "events_cohorts_array",
      "events_language_supported",
      "events_time_order",
      "events_training_complete",
      "events_translations_object",
      "interest_surveys_state_known",
      "meetings_duration_range",
      "meetings_format_known",
      "meetings_mentor_added_confirmed",
      "meetings_recorded_by_known",
      "outbox_watermark_single_row",
      "programme_events_status_valid",
      "registrations_attendance_source_valid",
      "registrations_attendance_valid",
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

  it("ties matching consents to their participant (deleted with them) and keeps one per participant and cohort", async () => {
    const constraints: { conname: string; definition: string }[] = await database.dataSource.query(
      `SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = 'matching_consents'::regclass AND contype IN ('u', 'f') ORDER BY conname`,
    );
    expect(constraints).toEqual([
      { conname: "matching_consents_participant_fk", definition: expect.stringMatching(/REFERENCES participants\(id\) ON DELETE CASCADE/) },
      { conname: "matching_consents_unique", definition: "UNIQUE (participant_id, cohort_id)" },
    ]);
  });

  it("ties applications to their applicant (deleted with them) and keeps one per person and cohort", async () => {
    const constraints: { conname: string; definition: string }[] = await database.dataSource.query(
      `SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = 'applications'::regclass AND contype IN ('u', 'f') ORDER BY conname`,
    );
    expect(constraints).toEqual([
      { conname: "applications_one_per_cohort", definition: "UNIQUE (participant_id, cohort_id)" },
      { conname: "applications_participant_fk", definition: expect.stringMatching(/REFERENCES participants\(id\) ON DELETE CASCADE/) },
    ]);
  });

  it("announces each committed outbox row on tandem_outbox, and nothing for a rolled-back one", async () => {
    const listener = new pg.Client({ connectionString: url });
    await listener.connect();
    try {
      const heard: string[] = [];
      listener.on("notification", (message) => heard.push(message.payload!));
      await listener.query("LISTEN tandem_outbox");
      await database.dataSource
        .transaction(async (manager) => {
          await manager.query(`INSERT INTO outbox (topics, kind, refs) VALUES ('{event:hst:event:e-1}', 'CREATED', '{"eventId":"hst:event:e-1"}')`);
          await expect(manager.query(`SELECT 1/0`)).rejects.toThrow();
        })
        .catch(() => undefined);
      const [{ id }] = await database.dataSource.query(`INSERT INTO outbox (topics, kind, refs) VALUES ('{consortium-events}', 'UPDATED', '{"eventId":"hst:event:e-2"}') RETURNING id`);
      await database.dataSource.query(`INSERT INTO outbox (topics, kind, refs) VALUES ($1, 'UPDATED', '{"eventId":"hst:event:e-3"}')`, [
        ["x".repeat(200), ...Array.from({ length: 60 }, (_, i) => `event:hst:event:${"0".repeat(150)}${i}`)],
      ]);
      await expect.poll(() => heard.length).toBe(2);
      expect(JSON.parse(heard[0]!)).toEqual({ id: Number(id), topics: ["consortium-events"], kind: "UPDATED", refs: { eventId: "hst:event:e-2" }, created_at: expect.any(String) });
      expect(JSON.parse(heard[1]!)).toEqual({ id: Number(id) + 1 });
    } finally {
      await listener.end();
      await database.dataSource.query(`DELETE FROM outbox`);
    }
  });

  it("reverts every migration cleanly and applies them again", async () => {
    for (let i = 0; i < migrations.length; i++) await database.dataSource.undoLastMigration({ transaction: "each" });
    expect(await tables()).toEqual(["schema_migrations"]);
    expect(await database.dataSource.query(`SELECT proname FROM pg_proc WHERE proname = 'outbox_notify'`)).toEqual([]);
    expect(await database.dataSource.query(`SELECT count(*)::int AS count FROM schema_migrations`)).toEqual([{ count: 0 }]);
    const reapplied = await database.dataSource.runMigrations({ transaction: "each" });
    expect(reapplied).toHaveLength(migrations.length);
    expect(await pendingSchemaChanges()).toEqual([]);
    expect(await tables()).toEqual(EVERY_TABLE);
  });

  it("gives mentors registered before matching profiles the default capacity of 1, and nobody else a capacity", async () => {
    const reverted = migrations.length - migrations.findIndex((migration) => migration.name.startsWith("AddMatchingProfile"));
    for (let i = 0; i < reverted; i++) await database.dataSource.undoLastMigration({ transaction: "each" });
    await database.dataSource.query(
      `INSERT INTO participants (role, display_name, email) VALUES ('MENTOR', 'Old Mentor', 'old.mentor@example.org'), ('MENTEE', 'Old Mentee', 'old.mentee@example.org')`,
    );
    await database.dataSource.runMigrations({ transaction: "each" });
    expect(await database.dataSource.query(`SELECT role, mentor_capacity FROM participants ORDER BY role`)).toEqual([
      { role: "MENTEE", mentor_capacity: null },
      { role: "MENTOR", mentor_capacity: 1 },
    ]);
    await database.dataSource.query(`DELETE FROM participants`);
  });
});
