/**
 * Consent to joint matching is the person's own decision, per cohort of the
 * coordination office: given once however often asked, withdrawn by
 * deleting it, readable by the person and their node's coordinators, and
 * published nowhere.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role, type Caller } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { CONSENT, CONSENTS, MISSING_UUID, WITHDRAW, cohortId, consentToMatching, createParticipant, firstError, ok } from "../../../test/fixtures.js";

describe("consent to joint matching", () => {
  let node: TestNode;
  let mia: Record<string, any>;
  const cohort = cohortId();
  beforeAll(async () => {
    node = await startTestNode("hst");
    mia = await createParticipant(node, { displayName: "Mia Wagner" });
  });
  afterAll(() => node.stop());

  const asMia = () => node.as(as.participant(mia.id));
  const rows = (participantId = mia.id) => node.sql(`SELECT cohort_id, consented_at FROM matching_consents WHERE participant_id = $1 ORDER BY consented_at`, [participantId.split(":")[2]]);

  it("is recorded for the person, once however often given", async () => {
    const outboxBefore = await node.countRows("outbox");
    const first = await consentToMatching(node, mia.id, cohort);
    expect(first).toEqual({ participantId: mia.id, cohortId: cohort, consentedAt: expect.any(String) });
    const again = await consentToMatching(node, mia.id, cohort);
    expect(again).toEqual(first);
    expect(await rows()).toEqual([{ cohort_id: cohort, consented_at: new Date(first.consentedAt) }]);
    expect(await node.countRows("outbox")).toBe(outboxBefore);
  });

  it("is kept per cohort and listed oldest first to the person and this node's coordinators", async () => {
    const other = cohortId();
    await consentToMatching(node, mia.id, other);
    for (const caller of [as.participant(mia.id), as.nodeCoordinator("hst")]) {
      const consents = (await ok(node.as(caller), CONSENTS, { p: mia.id })).matchingConsents;
      expect(consents.map((consent: any) => consent.cohortId)).toEqual([cohort, other]);
    }
    expect(await ok(asMia(), WITHDRAW, { p: mia.id, c: other })).toEqual({ withdrawMatchingConsent: true });
  });

  it.each<[string, () => Caller]>([
    ["a coordinator of this node", () => as.nodeCoordinator("hst")],
    ["a joint coordinator", () => as.jointCoordinator()],
    ["another participant", () => as.participant(`hst:participant:${randomUUID()}`, Role.MENTOR)],
  ])("is the person's own decision: %s may neither give nor withdraw it", async (_who, caller) => {
    const other = cohortId();
    for (const [operation, field] of [
      [CONSENT, "consentToMatching"],
      [WITHDRAW, "withdrawMatchingConsent"],
    ] as const) {
      const result = await node.as(caller()).query(operation, { p: mia.id, c: other });
      expect(result.data![field]).toBeNull();
      expect(firstError(result)).toMatchObject({ code: "FORBIDDEN", rule: "matchingConsent.manage" });
    }
    expect((await rows()).map((row) => row.cohort_id)).toEqual([cohort]);
  });

  it.each<[string, () => Caller]>([
    ["a joint coordinator", () => as.jointCoordinator()],
    ["a coordinator of another node", () => as.nodeCoordinator("zcu")],
    ["another participant", () => as.participant(`hst:participant:${randomUUID()}`)],
  ])("are not listed to %s", async (_who, caller) => {
    const result = await node.as(caller()).query(CONSENTS, { p: mia.id });
    expect(result.data!.matchingConsents).toBeNull();
    expect(firstError(result)).toMatchObject({ code: "FORBIDDEN", rule: "matchingConsents.read" });
  });

  it("is withdrawn by deleting it; withdrawing again is harmless", async () => {
    const later = cohortId();
    await consentToMatching(node, mia.id, later);
    expect(await ok(asMia(), WITHDRAW, { p: mia.id, c: later })).toEqual({ withdrawMatchingConsent: true });
    expect((await rows()).map((row) => row.cohort_id)).toEqual([cohort]);
    expect(await ok(asMia(), WITHDRAW, { p: mia.id, c: later })).toEqual({ withdrawMatchingConsent: false });
  });

  it("is audited with the person and the cohort, and no value", async () => {
    const entries = await node.sql(`SELECT action, participant_id, target_id, outcome FROM audit_log WHERE action IN ('consentToMatching', 'withdrawMatchingConsent') AND target_id = $1`, [cohort]);
    expect(entries).toEqual(expect.arrayContaining([{ action: "consentToMatching", participant_id: mia.id, target_id: cohort, outcome: "ok" }]));
    const refused = await node.sql(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'consentToMatching' AND outcome = 'FORBIDDEN'`);
    expect(refused[0]!.n).toBe(3);
  });

  it.each([
    [{ c: "coord:cohort:42" }, "BAD_USER_INPUT", "cohortId", /not a valid id/],
    [{ c: `coord:programme:${randomUUID()}` }, "BAD_USER_INPUT", "cohortId", /programme id, expected a cohort id/],
    [{ c: `hst:cohort:${randomUUID()}` }, "BAD_USER_INPUT", "cohortId", /held by the coordination office "coord"/],
    [{ c: "cohort-1" }, "BAD_USER_INPUT", "cohortId", /not a valid id/],
    [{ p: `zcu:participant:${MISSING_UUID}` }, "WRONG_NODE", "participantId", /belongs to zcu/],
    [{ p: `hst:participant:${MISSING_UUID}` }, "NOT_FOUND", "participantId", /no participant/],
  ])("refuses %o with %s naming %s", async (variables, code, field, message) => {
    const p = (variables as { p?: string }).p ?? mia.id;
    const before = await node.countRows("matching_consents");
    const result = await node.as(as.participant(p)).query(CONSENT, { p, c: cohort, ...variables });
    expect(firstError(result)).toMatchObject({ code, field, message: expect.stringMatching(message) });
    expect(await node.countRows("matching_consents")).toBe(before);
  });

  it("goes with the person: in their data export, and deleted by their erasure", async () => {
    const leo = await createParticipant(node, { displayName: "Leo Braun" });
    await consentToMatching(node, leo.id, cohort);
    const exported = (await ok(node.as(as.participant(leo.id)), `query($p: ID!) { exportParticipantData(node: "hst", participantId: $p) }`, { p: leo.id })).exportParticipantData;
    expect(exported.matchingConsents).toEqual([{ cohortId: cohort, consentedAt: expect.any(String) }]);
    const erased = (await ok(node.as(as.participant(leo.id)), `mutation($p: ID!) { eraseParticipantData(node: "hst", participantId: $p) { removedRecords } }`, { p: leo.id })).eraseParticipantData;
    expect(erased.removedRecords).toBe(2);
    expect(await rows(leo.id)).toEqual([]);
  });
});
