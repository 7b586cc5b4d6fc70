import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createLogger } from "@tandem/shared";
import { type Database } from "@tandem/party";
import { openFreshDatabase, publicTables, type FreshDatabase } from "@tandem/party/testkit";
import { openCoordinationDatabase } from "../coordination.js";
import { migrations } from "./index.js";

describe("coordination migrations", () => {
  let fresh: FreshDatabase;
  let database: Database;
  beforeAll(async () => {
    fresh = await openFreshDatabase(inject("postgres"), "coordination_migrations", (url) => openCoordinationDatabase({ databaseUrl: url, dbPoolSize: 2 }, createLogger("test", "silent")));
    database = fresh.database;
  });
  afterAll(() => fresh.close());

  const tables = () => publicTables(database.dataSource);

  it("applies every migration and leaves the entities nothing to change", async () => {
    const applied = await database.dataSource.runMigrations({ transaction: "each" });
    expect(applied.map((migration) => migration.name)).toEqual(migrations.map((migration) => migration.name));
    const pending = await database.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    expect(await tables()).toEqual([
      "application_records",
      "applied_facts",
      "audit_log",
      "cohort_quotas",
      "cohorts",
      "enrolments",
      "fact_positions",
      "facts",
      "gateway_token_uses",
      "idempotency_keys",
      "interest_surveys",
      "matching_pair_rules",
      "matching_proposals",
      "matching_rounds",
      "matching_unmatched_mentees",
      "mediation_case_statements",
      "mediation_cases",
      "outbox",
      "outbox_watermark",
      "peer_group_members",
      "peer_groups",
      "programme_matching_weights",
      "programme_rules_versions",
      "programme_tracks",
      "programmes",
      "schema_migrations",
      "survey_tallies",
      "survey_trainings",
      "tandem_activation_facts",
      "tandem_agreement_signatures",
      "tandem_agreements",
      "tandem_attention",
      "tandem_check_ins",
      "tandem_evaluations",
      "tandem_goal_ratings",
      "tandem_meeting_months",
      "tandem_meeting_tallies",
      "tandems",
    ]);
    expect(await database.dataSource.query(`SELECT tgname FROM pg_trigger WHERE tgrelid = 'outbox'::regclass`)).toEqual([{ tgname: "outbox_notify" }]);
  });

  it("reverts every migration cleanly and applies them again", async () => {
    for (let i = 0; i < migrations.length; i++) await database.dataSource.undoLastMigration({ transaction: "each" });
    expect(await tables()).toEqual(["schema_migrations"]);
    expect(await database.dataSource.query(`SELECT proname FROM pg_proc WHERE proname = 'outbox_notify'`)).toEqual([]);
    expect(await database.dataSource.query(`SELECT count(*)::int AS count FROM schema_migrations`)).toEqual([{ count: 0 }]);
    await database.dataSource.runMigrations({ transaction: "each" });
    expect((await database.dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });

  /** Reverts the migrations applied after `name`. */
  async function revertTo(name: string): Promise<void> {
    const later = migrations.length - 1 - migrations.findIndex((migration) => migration.name === name);
    for (let i = 0; i < later; i++) await database.dataSource.undoLastMigration({ transaction: "each" });
  }

  it("gives tandems of the earlier lifecycle pending answers, keeping active ones valid, and reverts accepted ones to proposed", async () => {
    await revertTo("AuditLog1795306993310");
    const query = (sql: string) => database.dataSource.query(sql);
    const [{ id: programme }] = await query(`INSERT INTO programmes (name, participating_node_ids, cross_border_rule) VALUES ('Legacy', '{hst,zcu}', 'NONE') RETURNING id`);
    const [{ id: cohort }] = await query(`INSERT INTO cohorts (programme_id, name, starts_on, ends_on) VALUES ('${programme}', '2025/26', '2025-10-01', '2026-06-30') RETURNING id`);
    const tandem = (mentee: string, status: string, activated: string) =>
      query(`INSERT INTO tandems (cohort_id, mentee_id, mentor_id, status, activated_at) VALUES ('${cohort}', 'hst:participant:${mentee}', 'zcu:participant:m', '${status}', ${activated})`);
    await tandem("a", "ACTIVE", "now()");
    await tandem("b", "PROPOSED", "NULL");
    await database.dataSource.runMigrations({ transaction: "each" });
    expect(await query(`SELECT status, mentee_response, mentor_response, mentee_responded_at FROM tandems ORDER BY mentee_id`)).toEqual([
      { status: "ACTIVE", mentee_response: "PENDING", mentor_response: "PENDING", mentee_responded_at: null },
      { status: "PROPOSED", mentee_response: "PENDING", mentor_response: "PENDING", mentee_responded_at: null },
    ]);
    await query(
      `UPDATE tandems SET mentee_response = 'ACCEPTED', mentee_responded_at = now(), mentor_response = 'ACCEPTED', mentor_responded_at = now(), status = 'ACCEPTED' WHERE status = 'PROPOSED'`,
    );
    await revertTo("AuditLog1795306993310");
    expect(await query(`SELECT status FROM tandems ORDER BY mentee_id`)).toEqual([{ status: "ACTIVE" }, { status: "PROPOSED" }]);
    await database.dataSource.runMigrations({ transaction: "each" });
  });

  it("gives existing programmes version 1 of the default rules and existing cohorts the state that keeps what they allowed", async () => {
    await revertTo("AddFacts1796535984147");
    const query = (sql: string) => database.dataSource.query(sql);
    const [{ id: programme }] = await query(`INSERT INTO programmes (name, participating_node_ids, cross_border_rule) VALUES ('Before states', '{hst,zcu}', 'NONE') RETURNING id`);
    await query(`INSERT INTO programme_tracks (programme_id, code, name, position) VALUES ('${programme}', 'health', 'Health', 1), ('${programme}', 'digital', 'Digital', 0)`);
    const cohort = (name: string, startsOn: string, endsOn: string) =>
      query(`INSERT INTO cohorts (programme_id, name, starts_on, ends_on) VALUES ('${programme}', '${name}', current_date + ${startsOn}, current_date + ${endsOn})`);
    await cohort("ended", "-300", "-10");
    await cohort("started", "-30", "200");
    await cohort("ahead", "30", "300");
    await database.dataSource.runMigrations({ transaction: "each" });
    expect(await query(`SELECT name, state, revision, applications_open_at FROM cohorts WHERE programme_id = '${programme}' ORDER BY starts_on`)).toEqual([
      { name: "ended", state: "CLOSING", revision: 0, applications_open_at: null },
      { name: "started", state: "RUNNING", revision: 0, applications_open_at: null },
      { name: "ahead", state: "MATCHING", revision: 0, applications_open_at: null },
    ]);
    expect(await query(`SELECT rules_version FROM programmes WHERE id = '${programme}'`)).toEqual([{ rules_version: 1 }]);
    expect(await query(`SELECT version, eligibility, reviewer, participating_node_ids, track_codes, published_at FROM programme_rules_versions WHERE programme_id = '${programme}'`)).toEqual([
      {
        version: 1,
        eligibility: { mentee: { minSemester: { BACHELOR: 3, MASTER: 2, DOCTORAL: 1 } }, mentor: { backgrounds: ["PROFESSIONAL", "ALUMNUS"], minExperienceYears: null }, languages: [] },
        reviewer: "HOME_NODE",
        participating_node_ids: ["hst", "zcu"],
        track_codes: ["digital", "health"],
        published_at: null,
      },
    ]);
  });

  it("turns the free-text close reasons of existing tandems into codes, dropping the text", async () => {
    await revertTo("AddEvaluations1796565309654");
    const query = (sql: string) => database.dataSource.query(sql);
    const [{ id: programme }] = await query(`INSERT INTO programmes (name, participating_node_ids, cross_border_rule) VALUES ('Free-text closes', '{hst,zcu}', 'NONE') RETURNING id`);
    const [{ id: cohort }] = await query(`INSERT INTO cohorts (programme_id, name, starts_on, ends_on) VALUES ('${programme}', 'closing', '2025-10-01', '2026-06-30') RETURNING id`);
    const closed = (mentee: string, reason: string, declined = false) =>
      query(
        `INSERT INTO tandems (cohort_id, mentee_id, mentor_id, status, closed_at, close_reason, mentee_response, mentee_responded_at) VALUES ('${cohort}', 'hst:participant:${mentee}', 'zcu:participant:m', 'CLOSED', now(), '${reason}', '${declined ? "DECLINED" : "PENDING"}', ${declined ? "now()" : "NULL"})`,
      );
    await closed("c1", "declined by mentee", true);
    await closed("c2", "participant erased");
    await closed("c3", "  Completed ");
    await closed("c4", "Greta moved to Lyon for a job at Sanofi");
    await closed("c5", "dissolved by mediation: the mentee is matched again");
    await database.dataSource.runMigrations({ transaction: "each" });
    expect(await query(`SELECT mentee_id, close_reason FROM tandems WHERE cohort_id = '${cohort}' ORDER BY mentee_id`)).toEqual([
      { mentee_id: "hst:participant:c1", close_reason: "DECLINED" },
      { mentee_id: "hst:participant:c2", close_reason: "ERASED" },
      { mentee_id: "hst:participant:c3", close_reason: "COMPLETED" },
      { mentee_id: "hst:participant:c4", close_reason: "OTHER" },
      { mentee_id: "hst:participant:c5", close_reason: "DISSOLVED_BY_MEDIATION" },
    ]);
    await expect(query(`UPDATE tandems SET close_reason = 'moved away' WHERE mentee_id = 'hst:participant:c4'`)).rejects.toThrow(/tandems_close_reason_known/);
  });
  it("dates the start of tandems activated before the start day was kept by their activation day (UTC)", async () => {
    await revertTo("InterestSurveys1796575295207");
    const query = (sql: string) => database.dataSource.query(sql);
    const [{ id: programme }] = await query(`INSERT INTO programmes (name, participating_node_ids, cross_border_rule) VALUES ('Before start days', '{hst,zcu}', 'NONE') RETURNING id`);
    const [{ id: cohort }] = await query(`INSERT INTO cohorts (programme_id, name, starts_on, ends_on) VALUES ('${programme}', 'started', '2026-10-01', '2027-06-30') RETURNING id`);
    const tandem = (mentee: string, status: string, activatedAt: string) =>
      query(
        `INSERT INTO tandems (cohort_id, mentee_id, mentor_id, status, activated_at, mentee_response, mentee_responded_at, mentor_response, mentor_responded_at) VALUES ('${cohort}', 'hst:participant:${mentee}', 'zcu:participant:m', '${status}', ${activatedAt}, 'ACCEPTED', now(), 'ACCEPTED', now())`,
      );
    await tandem("s1", "ACTIVE", "'2026-11-02T23:30:00+01:00'");
    await tandem("s2", "ACCEPTED", "NULL");
    await database.dataSource.runMigrations({ transaction: "each" });
    expect(await query(`SELECT mentee_id, to_char(started_on, 'YYYY-MM-DD') AS started_on FROM tandems WHERE cohort_id = '${cohort}' ORDER BY mentee_id`)).toEqual([
      { mentee_id: "hst:participant:s1", started_on: "2026-11-02" },
      { mentee_id: "hst:participant:s2", started_on: null },
    ]);
    await expect(query(`UPDATE tandems SET started_on = NULL WHERE mentee_id = 'hst:participant:s1'`)).rejects.toThrow(/tandems_started_when_activated/);
  });
});
