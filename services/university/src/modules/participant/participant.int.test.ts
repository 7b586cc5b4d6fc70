import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { as } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { CREATE_PARTICIPANT, MISSING_UUID, PARTICIPANT_FIELDS, UPDATE_PARTICIPANT, createParticipant, fieldsOf, firstError, ok, participantInput } from "../../../test/fixtures.js";

const GET = `query($id: ID!) { participant(id: $id) { ${PARTICIPANT_FIELDS} } }`;

describe("participants at a university node", () => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode("hst");
  });
  afterAll(() => node.stop());

  const create = (input: Record<string, unknown>, nodeId = "hst") => node.query(CREATE_PARTICIPANT, { node: nodeId, input: participantInput(input) });
  const update = (id: string, input: Record<string, unknown>) => node.query(UPDATE_PARTICIPANT, { id, input });
  const storedRow = async (id: string) => (await node.sql(`SELECT * FROM participants WHERE id = $1`, [id.split(":")[2]]))[0];

  async function expectCreateRefused(input: Record<string, unknown>, code: string, field: string, nodeId = "hst") {
    const before = await node.countRows("participants");
    const error = firstError(await create(input, nodeId));
    expect(error.code).toBe(code);
    expect(fieldsOf(error)).toContain(field);
    expect(await node.countRows("participants")).toBe(before);
    return error;
  }

  it("creates a participant with a global id naming the home node, normalising codes and e-mail", async () => {
    const email = `Jana.Novak.${Date.now()}@Example.ORG`;
    const before = await node.countRows("participants");
    const created = (await ok(node, CREATE_PARTICIPANT, { node: "hst", input: participantInput({ email, languages: ["de", "cs", "de"], tracks: ["health", "health"] }) })).createParticipant;
    expect(created.id).toMatch(/^hst:participant:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(created).toMatchObject({ nodeId: "hst", homeNode: { id: "hst" }, role: "MENTEE", email: email.toLowerCase(), languages: ["de", "cs"], tracks: ["health"], publicProfile: false });
    expect(await node.countRows("participants")).toBe(before + 1);
    expect((await storedRow(created.id))!.email).toBe(email.toLowerCase());
    expect((await ok(node, GET, { id: created.id })).participant).toEqual(created);
  });

  it("accepts mentors and alumni without a degree", async () => {
    const mentor = await createParticipant(node, { role: "MENTOR", degreeLevel: null, semester: null, organisation: "Klinikum Mutterhaus" });
    expect(mentor).toMatchObject({ role: "MENTOR", degreeLevel: null, semester: null, organisation: "Klinikum Mutterhaus" });
    const alumnus = await createParticipant(node, { role: "ALUMNUS", degreeLevel: "PROFESSIONAL", semester: null });
    expect(alumnus).toMatchObject({ role: "ALUMNUS", degreeLevel: "PROFESSIONAL", semester: null });
  });

  it.each([
    [{ email: "not-an-address" }, "email"],
    [{ displayName: "A" }, "displayName"],
    [{ languages: ["de", "DEU"] }, "languages"],
    [{ languages: ["german"] }, "languages"],
    [{ tracks: ["Health"] }, "tracks"],
    [{ tracks: ["health", "x"] }, "tracks"],
    [{ semester: 0 }, "semester"],
    [{ semester: 21 }, "semester"],
  ])("refuses invalid input %o naming %s, leaving no row", async (override, field) => {
    const error = await expectCreateRefused(override, "BAD_USER_INPUT", field);
    expect(error.fields.find((f: { field: string }) => f.field === field).reasons.length).toBeGreaterThan(0);
    expect(error.message).toContain(field);
  });

  it("names every invalid field of one input at once", async () => {
    const error = await expectCreateRefused({ email: "nope", languages: ["xx1"], tracks: ["UPPER"] }, "BAD_USER_INPUT", "email");
    expect(fieldsOf(error)).toEqual(expect.arrayContaining(["email", "languages", "tracks"]));
  });

  it.each([
    [{ role: "MENTEE", degreeLevel: null, semester: null }, "input.degreeLevel"],
    [{ role: "MENTEE", degreeLevel: "PROFESSIONAL", semester: 3 }, "input.semester"],
    [{ role: "MENTOR", degreeLevel: null, semester: 4 }, "input.semester"],
  ])("applies the degree rules to %o, naming %s", async (override, field) => {
    const error = await expectCreateRefused(override, "BAD_USER_INPUT", field);
    expect(error.field).toBe(field);
  });

  it("refuses a second participant with the same e-mail, whatever its case", async () => {
    const first = await createParticipant(node);
    await expectCreateRefused({ email: first.email.toUpperCase() }, "CONFLICT", "input.email");
  });

  it("lets exactly one of several simultaneous creations claim an e-mail address", async () => {
    // Hold every request at the address's lock until all four wait there, then let them go one by one.
    const email = `race.${Date.now()}@example.org`;
    const blocker = new pg.Client({ connectionString: node.databaseUrl });
    await blocker.connect();
    let results: Awaited<ReturnType<typeof create>>[];
    try {
      await blocker.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [`participant-email:${email}`]);
      const pending = Promise.all(Array.from({ length: 4 }, () => create({ email })));
      await waitFor(async () => (await node.sql(`SELECT pid FROM pg_stat_activity WHERE wait_event = 'advisory'`)).length === 4);
      await blocker.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [`participant-email:${email}`]);
      results = await pending;
    } finally {
      await blocker.end();
    }
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    for (const result of results.filter((r) => r.errors)) expect(firstError(result)).toMatchObject({ code: "CONFLICT", field: "input.email" });
    expect(await node.sql(`SELECT id FROM participants WHERE email = $1`, [email])).toHaveLength(1);
  });

  it.each([
    ["zcu", "WRONG_NODE"],
    ["mars", "UNKNOWN_NODE"],
  ])("refuses to create a participant for node %s (%s)", async (nodeId, code) => {
    await expectCreateRefused({}, code, "node", nodeId);
  });

  it.each([
    [`zcu:participant:${MISSING_UUID}`, "WRONG_NODE"],
    [`mars:participant:${MISSING_UUID}`, "UNKNOWN_NODE"],
    ["hst:participant:42", "BAD_USER_INPUT"],
    [`hst:event:${MISSING_UUID}`, "BAD_USER_INPUT"],
    ["participant-42", "BAD_USER_INPUT"],
  ])("refuses to look up %s with %s", async (id, code) => {
    expect(firstError(await node.query(GET, { id }))).toMatchObject({ code, field: "id" });
  });

  it("answers null for a well-formed id of this node that no participant has", async () => {
    expect(await ok(node, GET, { id: `hst:participant:${MISSING_UUID}` })).toEqual({ participant: null });
  });

  describe("updates", () => {
    it("changes the given fields and keeps the others", async () => {
      const created = await createParticipant(node, { discipline: "Nursing" });
      const email = `new.${Date.now()}@example.org`;
      const updated = (
        await ok(node, UPDATE_PARTICIPANT, { id: created.id, input: { displayName: "Anna Müller", email: email.toUpperCase(), semester: 4, languages: ["fr", "fr"], publicProfile: true } })
      ).updateParticipant;
      expect(updated).toEqual({ ...created, displayName: "Anna Müller", email, semester: 4, languages: ["fr"], publicProfile: true });
      expect((await ok(node, GET, { id: created.id })).participant).toEqual(updated);
    });

    it("clears nullable fields given as null", async () => {
      const created = await createParticipant(node, { role: "MENTOR", degreeLevel: "MASTER", semester: 3, organisation: "Villeroy & Boch" });
      const updated = (await ok(node, UPDATE_PARTICIPANT, { id: created.id, input: { semester: null, degreeLevel: null, organisation: null } })).updateParticipant;
      expect(updated).toMatchObject({ semester: null, degreeLevel: null, organisation: null });
    });

    it("keeps an unchanged e-mail address even when its case differs", async () => {
      const created = await createParticipant(node);
      const updated = (await ok(node, UPDATE_PARTICIPANT, { id: created.id, input: { email: created.email.toUpperCase() } })).updateParticipant;
      expect(updated.email).toBe(created.email);
    });

    async function expectUpdateRefused(id: string, input: Record<string, unknown>, code: string, fields: string[]) {
      const localId = id.split(":")[2]!;
      const before = (await node.sql(`SELECT * FROM participants WHERE id::text = $1`, [localId]))[0];
      const error = firstError(await update(id, input));
      expect(error.code).toBe(code);
      expect(fieldsOf(error)).toEqual(expect.arrayContaining(fields));
      expect((await node.sql(`SELECT * FROM participants WHERE id::text = $1`, [localId]))[0]).toEqual(before);
    }

    it("applies the degree rules to the participant as it would become", async () => {
      const mentee = await createParticipant(node, { degreeLevel: "BACHELOR", semester: 3 });
      await expectUpdateRefused(mentee.id, { degreeLevel: null }, "BAD_USER_INPUT", ["input.degreeLevel"]);
      await expectUpdateRefused(mentee.id, { degreeLevel: "PROFESSIONAL" }, "BAD_USER_INPUT", ["input.semester"]);
      await expectUpdateRefused(mentee.id, { semester: 25 }, "BAD_USER_INPUT", ["semester"]);
    });

    it("refuses null for fields that cannot be cleared, naming each of them", async () => {
      const created = await createParticipant(node);
      const fields = ["displayName", "email", "languages", "tracks", "publicProfile"];
      await expectUpdateRefused(
        created.id,
        Object.fromEntries(fields.map((field) => [field, null])),
        "BAD_USER_INPUT",
        fields.map((field) => `input.${field}`),
      );
    });

    it("tells the node's coordinator that an e-mail address is another participant's, changing nothing", async () => {
      const [first, second] = [await createParticipant(node), await createParticipant(node)];
      await expectUpdateRefused(second.id, { email: first.email, displayName: "Changed" }, "CONFLICT", ["input.email"]);
    });

    it("answers a person changing their own address alike, whether or not a colleague uses it (no membership oracle)", async () => {
      const [colleague, person] = [await createParticipant(node), await createParticipant(node)];
      const asPerson = node.as(as.participant(person.id));
      const answers = [];
      for (const email of [colleague.email, `unused.${Date.now()}@example.org`, colleague.email.toUpperCase()]) {
        const result = await asPerson.query(UPDATE_PARTICIPANT, { id: person.id, input: { email } });
        answers.push({ errors: result.errors ?? null, email: result.data?.updateParticipant.email });
      }
      expect(answers.map((answer) => answer.errors)).toEqual([null, null, null]);
      expect(answers.map((answer) => answer.email)).toEqual([colleague.email, expect.stringMatching(/^unused\./), colleague.email]);
    });

    it.each([
      [`zcu:participant:${MISSING_UUID}`, "WRONG_NODE"],
      [`mars:participant:${MISSING_UUID}`, "UNKNOWN_NODE"],
      [`hst:participant:${MISSING_UUID}`, "NOT_FOUND"],
      ["hst:participant:not-a-uuid", "BAD_USER_INPUT"],
    ])("refuses to update %s with %s", async (id, code) => {
      const before = await node.sql(`SELECT * FROM participants ORDER BY id`);
      expect(firstError(await update(id, { displayName: "Nobody" }))).toMatchObject({ code, field: "id" });
      expect(await node.sql(`SELECT * FROM participants ORDER BY id`)).toEqual(before);
    });
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await condition()); await sleep(10)) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
  }
}
