/**
 * The node's audit log: every disclosure of a personal field group and every
 * mutation, written before the answer leaves (or the answer does not leave),
 * never a value or a token; readable by the node's coordinators.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role, signProof, type Caller } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { UPDATE_PARTICIPANT, createEvent, createParticipant, firstError, ok, remoteParticipantId } from "../../../test/fixtures.js";

const READ = `query($id: ID!) { participant(id: $id) { id displayName email phone } }`;
const LOG = `query($node: String!, $participantId: ID, $first: Int, $after: String) {
  auditLog(node: $node, participantId: $participantId, first: $first, after: $after) {
    totalCount edges { cursor node { id at actor actorHome actorRoles via requestId action participantId fieldGroup targetId outcome } } pageInfo { hasNextPage endCursor }
  }
}`;
const PERSON = { displayName: "Ines Hoffmann", phone: "+49 651 8103 77", organisation: "Klinikum Mutterhaus", about: "Nurse, mentoring since 2019" };

describe("the audit log of a node", () => {
  let node: TestNode;
  let ines: Record<string, any>;
  const tokensUsed: string[] = [];
  beforeAll(async () => {
    node = await startTestNode("hst");
    ines = await createParticipant(node, PERSON);
  });
  afterAll(() => node.stop());

  const entriesAbout = (participantId: string) =>
    node.sql(`SELECT actor, actor_home, actor_roles, via, request_id, action, participant_id, field_group, target_id, outcome FROM audit_log WHERE participant_id = $1 OR target_id = $1 ORDER BY id`, [
      participantId,
    ]);
  /** Sends as `caller` with a token kept for the scan below. */
  async function sendAs(caller: Caller, query: string, variables: Record<string, unknown>) {
    const token = await node.token(caller);
    tokensUsed.push(token);
    return node.post(query, variables, { authorization: `Bearer ${token}` });
  }

  it("records each disclosed field group once per request, with who, when, via and request id", async () => {
    const caller = { ...as.participant(ines.id), requestId: "gw-req-42" };
    const before = (await entriesAbout(ines.id)).length;
    const result = await sendAs(caller, READ, { id: ines.id });
    expect(result.data!.participant).toMatchObject({ displayName: PERSON.displayName, phone: PERSON.phone });
    expect((await entriesAbout(ines.id)).slice(before)).toEqual([
      {
        actor: ines.id,
        actor_home: "hst",
        actor_roles: ["mentee"],
        via: "gateway",
        request_id: "gw-req-42",
        action: "disclose",
        participant_id: ines.id,
        field_group: "name",
        target_id: null,
        outcome: "ok",
      },
      {
        actor: ines.id,
        actor_home: "hst",
        actor_roles: ["mentee"],
        via: "gateway",
        request_id: "gw-req-42",
        action: "disclose",
        participant_id: ines.id,
        field_group: "contact",
        target_id: null,
        outcome: "ok",
      },
    ]);
  });

  it("records nothing for fields it did not disclose", async () => {
    const before = (await entriesAbout(ines.id)).length;
    const result = await sendAs(as.jointCoordinator(), READ, { id: ines.id });
    expect(result.errors!.map((error) => error.extensions!.code)).toEqual(["NOT_DISCLOSED"]);
    expect((await entriesAbout(ines.id)).length).toBe(before);
  });

  it("records mutations with their outcome, refused ones too", async () => {
    const other = await createParticipant(node);
    await sendAs(as.participant(ines.id), UPDATE_PARTICIPANT, { id: ines.id, input: { about: PERSON.about } });
    await sendAs(as.participant(other.id, Role.MENTOR), UPDATE_PARTICIPANT, { id: ines.id, input: { about: "changed by someone else" } });
    const changes = (await entriesAbout(ines.id)).filter((entry) => entry.action === "updateParticipant");
    expect(changes.map((entry) => [entry.actor, entry.target_id, entry.outcome])).toEqual([
      [ines.id, ines.id, "ok"],
      [other.id, ines.id, "FORBIDDEN"],
    ]);
  });

  it("records the grants a proof establishes, by participant and reference", async () => {
    const tandemId = `coord:tandem:${randomUUID()}`;
    const proof = await signProof(node.trust.keys.get("coord")!, "coord", { type: "tandem-accepted", tandemId, menteeId: ines.id, mentorId: remoteParticipantId("zcu") });
    tokensUsed.push(proof);
    await sendAs(as.participant(ines.id), `mutation($p: String!) { recordDisclosure(node: "hst", proof: $p) { scope } }`, { p: proof });
    expect(await node.sql(`SELECT action, participant_id, target_id, outcome FROM audit_log WHERE action LIKE 'grant:%'`)).toEqual([
      { action: "grant:CONTACT", participant_id: ines.id, target_id: tandemId, outcome: "ok" },
    ]);
    expect(await node.sql(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'recordDisclosure' AND outcome = 'ok'`)).toEqual([{ n: 1 }]);
  });

  it("holds no personal value and no token, in any column", async () => {
    await createEvent(node);
    const rows = (await node.sql<{ row: string }>(`SELECT row_to_json(a)::text AS row FROM audit_log a`)).map((r) => r.row);
    expect(rows.length).toBeGreaterThan(5);
    const secrets = [...Object.values(PERSON), ines.email, ...tokensUsed, ...tokensUsed.map((token) => token.split(".")[2]!)];
    for (const row of rows) {
      for (const secret of secrets) expect(row).not.toContain(secret);
      expect(row).not.toMatch(/eyJ[\w-]+\.eyJ/);
    }
  });

  describe("when the log cannot be written (fail closed)", () => {
    beforeAll(() =>
      node.sql(`CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit storage offline'; END $$;
                CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_audit();`),
    );
    afterAll(() => node.sql(`DROP TRIGGER refuse_audit ON audit_log; DROP FUNCTION refuse_audit();`));

    it("withholds an answer that discloses personal fields", async () => {
      const result = await node.as(as.participant(ines.id)).query(READ, { id: ines.id });
      expect(result.data ?? null).toBeNull();
      expect(result.errors).toEqual([{ message: "The audit log could not be written; nothing was disclosed", extensions: { code: "AUDIT_UNAVAILABLE" } }]);
      expect(JSON.stringify(result)).not.toContain(PERSON.displayName);
    });

    it("refuses a mutation, which then changes nothing", async () => {
      const [before] = await node.sql(`SELECT semester FROM participants WHERE id = $1`, [ines.id.split(":")[2]]);
      const result = await node.query(UPDATE_PARTICIPANT, { id: ines.id, input: { semester: 3 } });
      expect(result.data ?? null).toBeNull();
      expect(firstError(result)).toMatchObject({ code: "AUDIT_UNAVAILABLE" });
      expect(await node.sql(`SELECT semester FROM participants WHERE id = $1`, [ines.id.split(":")[2]])).toEqual([before]);
    });

    it("still answers what needs no entry", async () => {
      expect((await ok(node.as(as.jointCoordinator()), `{ events { totalCount } }`)).events.totalCount).toBeGreaterThan(0);
    });
  });

  describe("reading the log", () => {
    it("gives the node's coordinators every entry, newest first, page by page", async () => {
      const total = await node.countRows("audit_log");
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: Record<string, any> = (await ok(node, LOG, { node: "hst", first: 4, after })).auditLog;
        expect(page.totalCount).toBe(total);
        seen.push(...page.edges.map((edge: any) => edge.node.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      const expected = (await node.sql<{ id: string }>(`SELECT a.id::text AS id FROM audit_log a ORDER BY a.at DESC, a.id DESC`)).map((row) => `hst:audit-entry:${row.id}`);
      expect(seen).toEqual(expected);
      expect(new Set(seen).size).toBe(seen.length);
    });

    it("filters by participant", async () => {
      const { auditLog } = await ok(node, LOG, { node: "hst", participantId: ines.id, first: 100 });
      expect(auditLog.edges.length).toBeGreaterThan(3);
      expect(auditLog.edges.every((edge: any) => edge.node.participantId === ines.id || edge.node.targetId === ines.id)).toBe(true);
      expect(auditLog.edges[0].node).toMatchObject({ actorHome: expect.any(String), via: "gateway", outcome: expect.any(String) });
    });

    it.each<[string, () => Caller]>([
      ["a coordinator of another node", () => as.nodeCoordinator("zcu")],
      ["a joint coordinator", () => as.jointCoordinator()],
      ["the participant", () => as.participant(ines.id)],
    ])("is FORBIDDEN to %s", async (_who, caller) => {
      const result = await node.as(caller()).query(LOG, { node: "hst", first: 5 });
      expect(result.data!.auditLog).toBeNull();
      expect(firstError(result)).toMatchObject({ code: "FORBIDDEN", rule: "auditLog.read" });
    });

    it.each([
      [{ node: "zcu" }, "WRONG_NODE", "node"],
      [{ node: "hst", after: "garbage" }, "BAD_CURSOR", "after"],
    ])("refuses %o with %s", async (variables, code, field) => {
      expect(firstError(await node.query(LOG, { first: 5, ...variables }))).toMatchObject({ code, field });
    });
  });
});
