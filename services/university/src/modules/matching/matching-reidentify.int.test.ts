/**
 * Re-identification stays at the node: a participant learns their own
 * pseudonym with the node's signed proof (so the coordination office can
 * accept their answer to a proposal), and only the node's coordinators turn
 * pseudonyms back into participants, every time audited.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role, signProof, verifyMatchingPseudonymProof, verifyProof, type Caller } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { MY_PSEUDONYM, REIDENTIFY, WITHDRAW, allMatchingProfiles, cohortId, consentToMatching, createParticipant, firstError, matchingPseudonymOf, ok } from "../../../test/fixtures.js";

describe("re-identification at the node", () => {
  let node: TestNode;
  let ida: Record<string, any>;
  let jan: Record<string, any>;
  let kim: Record<string, any>;
  const cohort = cohortId();
  const otherCohort = cohortId();
  beforeAll(async () => {
    node = await startTestNode("hst");
    ida = await createParticipant(node, { displayName: "Ida Hoffmann" });
    jan = await createParticipant(node, { role: "MENTOR", degreeLevel: null, semester: null, displayName: "Jan Roth" });
    kim = await createParticipant(node, { displayName: "Kim Lang" });
    for (const person of [ida, jan]) await consentToMatching(node, person.id, cohort);
    await consentToMatching(node, kim.id, otherCohort);
  });
  afterAll(() => node.stop());

  describe("a participant's own pseudonym", () => {
    it("is the one in the cohort's profiles, with a proof the shared verifier accepts", async () => {
      const { myMatchingPseudonym } = await ok(node.as(as.participant(ida.id)), MY_PSEUDONYM, { p: ida.id, c: cohort });
      expect(myMatchingPseudonym.pseudonym).toBe(matchingPseudonymOf(ida.id, cohort));
      expect((await allMatchingProfiles(node, cohort)).map((profile) => profile.pseudonym)).toContain(myMatchingPseudonym.pseudonym);
      const claims = { type: "matching-pseudonym", issuer: "hst", cohortId: cohort, pseudonym: myMatchingPseudonym.pseudonym, participantId: ida.id };
      expect(await verifyProof(myMatchingPseudonym.proof, node.trust.registry)).toEqual(claims);
      expect(await verifyMatchingPseudonymProof(myMatchingPseudonym.proof, node.trust.registry)).toEqual(claims);
    });

    it("is refused when another node signs it, or signs as this node", async () => {
      const { pseudonym } = (await ok(node.as(as.participant(ida.id)), MY_PSEUDONYM, { p: ida.id, c: cohort })).myMatchingPseudonym;
      const claims = { type: "matching-pseudonym" as const, cohortId: cohort, pseudonym, participantId: ida.id };
      const zcuKey = node.trust.keys.get("zcu")!;
      await expect(verifyProof(await signProof(zcuKey, "zcu", claims), node.trust.registry)).rejects.toMatchObject({
        extensions: { code: "INVALID_PROOF" },
        message: expect.stringMatching(/home node only/),
      });
      await expect(verifyProof(await signProof(zcuKey, "hst", claims), node.trust.registry)).rejects.toMatchObject({ message: expect.stringMatching(/does not verify/) });
    });

    it("requires consent for that cohort", async () => {
      const result = await node.as(as.participant(kim.id)).query(MY_PSEUDONYM, { p: kim.id, c: cohort });
      expect(result.data!.myMatchingPseudonym).toBeNull();
      expect(firstError(result)).toMatchObject({ code: "CONSENT_REQUIRED", field: "cohortId" });
    });

    it.each<[string, () => Caller]>([
      ["a coordinator of this node", () => as.nodeCoordinator("hst")],
      ["a joint coordinator", () => as.jointCoordinator()],
      ["another participant", () => as.participant(`hst:participant:${randomUUID()}`, Role.MENTOR)],
    ])("is the person's only: FORBIDDEN to %s", async (_who, caller) => {
      expect(firstError(await node.as(caller()).query(MY_PSEUDONYM, { p: ida.id, c: cohort }))).toMatchObject({ code: "FORBIDDEN", rule: "matchingPseudonym.read" });
    });
  });

  describe("reidentifyPseudonyms", () => {
    const reidentify = (pseudonyms: string[], caller: Caller = as.nodeCoordinator("hst"), variables: Record<string, unknown> = {}) =>
      node.as(caller).query(REIDENTIFY, { node: "hst", c: cohort, ps: pseudonyms, ...variables });

    it("names this node's consenting participants, in the order asked; unknown pseudonyms are absent", async () => {
      const unknown = matchingPseudonymOf(`hst:participant:${randomUUID()}`, cohort);
      const otherCohorts = matchingPseudonymOf(kim.id, otherCohort);
      const notConsented = matchingPseudonymOf(kim.id, cohort);
      const asked = [matchingPseudonymOf(jan.id, cohort), unknown, otherCohorts, notConsented, matchingPseudonymOf(ida.id, cohort), matchingPseudonymOf(jan.id, cohort)];
      expect((await ok(node, REIDENTIFY, { node: "hst", c: cohort, ps: asked })).reidentifyPseudonyms).toEqual([
        { pseudonym: matchingPseudonymOf(jan.id, cohort), participantId: jan.id },
        { pseudonym: matchingPseudonymOf(ida.id, cohort), participantId: ida.id },
      ]);
    });

    it("audits one entry per participant re-identified, naming the cohort", async () => {
      await node.sql(`DELETE FROM audit_log WHERE action = 'reidentify'`);
      await ok(node, REIDENTIFY, { node: "hst", c: cohort, ps: [matchingPseudonymOf(ida.id, cohort), matchingPseudonymOf(jan.id, cohort), matchingPseudonymOf(kim.id, cohort)] });
      const entries = await node.sql(`SELECT actor, action, participant_id, target_id, outcome FROM audit_log WHERE action = 'reidentify' ORDER BY id`);
      expect(entries).toEqual([ida, jan].map((person) => ({ actor: "hst:staff:coordinator", action: "reidentify", participant_id: person.id, target_id: cohort, outcome: "ok" })));
    });

    it("finds nobody whose consent was withdrawn", async () => {
      const lou = await createParticipant(node, { displayName: "Lou Berg" });
      await consentToMatching(node, lou.id, cohort);
      const pseudonym = matchingPseudonymOf(lou.id, cohort);
      expect((await ok(node, REIDENTIFY, { node: "hst", c: cohort, ps: [pseudonym] })).reidentifyPseudonyms).toHaveLength(1);
      await ok(node.as(as.participant(lou.id)), WITHDRAW, { p: lou.id, c: cohort });
      expect((await ok(node, REIDENTIFY, { node: "hst", c: cohort, ps: [pseudonym] })).reidentifyPseudonyms).toEqual([]);
    });

    it.each<[string, () => Caller]>([
      ["a joint coordinator", () => as.jointCoordinator()],
      ["a coordinator of another node", () => as.nodeCoordinator("zcu")],
      ["the participant themselves", () => as.participant(`hst:participant:${randomUUID()}`)],
    ])("is FORBIDDEN to %s, and audits nothing", async (_who, caller) => {
      const before = await node.sql(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'reidentify'`);
      const result = await reidentify([matchingPseudonymOf(ida.id, cohort)], caller());
      expect(result.data!.reidentifyPseudonyms).toBeNull();
      expect(firstError(result)).toMatchObject({ code: "FORBIDDEN", rule: "pseudonyms.reidentify" });
      expect(await node.sql(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'reidentify'`)).toEqual(before);
    });

    it.each<[string, Record<string, unknown>, string, string]>([
      ["another node", { node: "zcu" }, "WRONG_NODE", "node"],
      ["a cohort not of the coordination office", { c: `zcu:cohort:${randomUUID()}` }, "BAD_USER_INPUT", "cohortId"],
    ])("refuses %s", async (_what, variables, code, field) => {
      expect(firstError(await reidentify([matchingPseudonymOf(ida.id, cohort)], as.nodeCoordinator("hst"), variables))).toMatchObject({ code, field });
    });

    it.each([
      ["something that is no pseudonym", ["Ida Hoffmann"]],
      ["no pseudonym at all", []],
      ["too many", Array.from({ length: 1001 }, () => matchingPseudonymOf(`hst:participant:${randomUUID()}`, cohort))],
    ])("refuses %s, naming the field", async (_what, pseudonyms) => {
      const error = firstError(await reidentify(pseudonyms));
      expect(error.code).toBe("BAD_USER_INPUT");
      expect(error.fields.map((f: { field: string }) => f.field)).toEqual(["pseudonyms"]);
    });
  });
});
