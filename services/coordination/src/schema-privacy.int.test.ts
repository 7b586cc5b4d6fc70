/**
 * The coordination store keeps references to participants, never copies of
 * their personal fields (DESIGN §3). This test reads the real, migrated
 * schema, so a new column with a personal-sounding name fails here first.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { startTestCoordination, type TestCoordination } from "../test/test-coordination.js";

/** Column-name words that suggest a personal field of a person. */
const PERSONAL_WORDS =
  /(^|_)(name|names|display|first|last|given|family|surname|full|nickname|email|e_mail|mail|phone|mobile|tel|telephone|organisation|organization|org|employer|company|supervisor|address|street|city|postcode|zip|birth|birthday|birthdate|born|dob|age|gender|sex|nationality|photo|avatar|cv|linkedin)(_|$)/;

/** The only matches allowed, each a name of a thing rather than of a person. */
const NOT_PERSONAL = new Set([
  "programmes.name", // a programme's title
  "cohorts.name", // a cohort's label, e.g. 2026/27
  "programme_tracks.name", // a track's title, e.g. Health and care
  "peer_groups.name", // a peer group's title, e.g. Founders' circle
  "schema_migrations.name", // TypeORM's record of applied migrations
]);

describe("schema privacy of the coordination store", () => {
  let service: TestCoordination;
  let columns: string[];
  beforeAll(async () => {
    service = await startTestCoordination();
    const client = new pg.Client({ connectionString: service.databaseUrl });
    await client.connect();
    try {
      const result = await client.query(`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name`);
      columns = result.rows.map((row: { table_name: string; column_name: string }) => `${row.table_name}.${row.column_name}`);
    } finally {
      await client.end();
    }
  });
  afterAll(() => service.stop());

  it("reads a non-empty schema", () => {
    expect(columns).toContain("tandems.mentee_id");
    expect(columns).toContain("enrolments.participant_id");
    expect(columns).toContain("matching_proposals.mentee_pseudonym");
    expect(columns).toContain("matching_unmatched_mentees.reason");
  });

  it("keeps matching to pseudonyms, node ids and codes: no column of a matching table holds profile values", () => {
    const matching = columns.filter((column) => column.startsWith("matching_"));
    expect(matching.length).toBeGreaterThan(20);
    const profileFields = /(^|_)(languages|goal|goals_codes|discipline_code|region|degree|availability|experience_years|conflict|token|tokens)(_|$)/;
    expect(matching.filter((column) => profileFields.test(column.split(".")[1]!))).toEqual([]);
  });

  it("has no column named like a personal field, apart from the allow-list", () => {
    const personal = columns.filter((column) => PERSONAL_WORDS.test(column.split(".")[1]!) && !NOT_PERSONAL.has(column));
    expect(personal).toEqual([]);
  });

  it("uses every allow-list entry, so the list cannot silently grow stale", () => {
    for (const allowed of NOT_PERSONAL) expect(columns).toContain(allowed);
  });

  it("would catch personal columns", () => {
    for (const column of ["display_name", "email", "first_name", "last_name", "phone", "organisation", "employer", "home_address", "birth_date", "date_of_birth", "mentee_name"]) {
      expect(PERSONAL_WORDS.test(column), column).toBe(true);
    }
    for (const column of ["participant_id", "mentee_id", "node_id", "track_code", "created_at", "participating_node_ids", "close_reason"]) {
      expect(PERSONAL_WORDS.test(column), column).toBe(false);
    }
  });
});
