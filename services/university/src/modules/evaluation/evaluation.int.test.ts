/**
 * Final evaluations at the author's home node (DESIGN.md §8): each partner
 * rates every agreed goal and the programme once; the comment stays here,
 * for the author only; the coordination office receives the codes as a
 * signed fact.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "@tandem/shared/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { createParticipant, fieldsOf, firstError, ok, remoteParticipantId } from "../../../test/fixtures.js";
import { randomUUID } from "node:crypto";
import { ProofType, signProof } from "@tandem/shared";
import { activateTandemAt, deliverFacts, endTandemAt, factsForOffice, type TestTandem } from "../../../test/tandems.js";
import { agreementInput, draftedAgreement } from "../../../test/agreements.js";

const SUBMIT = `mutation($p: ID!, $t: ID!, $input: EvaluationInput!) { submitEvaluation(participantId: $p, tandemId: $t, input: $input) { tandemId side goals { key achievement } programmeRating comment } }`;
const MINE = `query($p: ID!, $t: ID!) { myEvaluation(participantId: $p, tandemId: $t) { side programmeRating comment goals { key achievement } } }`;
const evaluation = (overrides: Record<string, unknown> = {}) => ({
  goals: [
    { key: "short-1", achievement: "FULLY" },
    { key: "long-1", achievement: "PARTLY" },
  ],
  programmeRating: 4,
  comment: "The visit to Škoda was the turning point.",
  ...overrides,
});

describe("final evaluations", () => {
  let hst: TestNode;
  let mentee: Record<string, any>;
  let tandem: TestTandem;
  const self = () => as.participant(mentee.id);
  const submit = (caller = self(), input = evaluation(), participantId = mentee.id, pair = tandem) => hst.as(caller).query(SUBMIT, { p: participantId, t: pair.tandemId, input });
  beforeAll(async () => {
    hst = await startTestNode("hst");
    mentee = await createParticipant(hst, { displayName: "Greta Lindqvist" });
    tandem = await activateTandemAt(hst, { menteeId: mentee.id, mentorId: remoteParticipantId("zcu") });
  });
  afterAll(() => hst.stop());

  it("takes one evaluation per partner, after the close too, and tells the office the codes, never the comment", async () => {
    await endTandemAt(hst, tandem.tandemId);
    const submitted = (await ok(hst.as(self()), SUBMIT, { p: mentee.id, t: tandem.tandemId, input: evaluation() })).submitEvaluation;
    expect(submitted).toEqual({ tandemId: tandem.tandemId, side: "MENTEE", ...evaluation() });
    expect((await ok(hst.as(self()), MINE, { p: mentee.id, t: tandem.tandemId })).myEvaluation).toMatchObject({ comment: "The visit to Škoda was the turning point." });
    expect(firstError(await submit())).toMatchObject({ code: "CONFLICT", field: "tandemId" });
    const facts = (await factsForOffice(hst, "tandem-evaluation")).filter((fact) => fact.tandemId === tandem.tandemId);
    expect(facts).toEqual([{ type: "tandem-evaluation", issuer: "hst", tandemId: tandem.tandemId, participantId: mentee.id, goals: evaluation().goals, programmeRating: 4 }]);
    expect(JSON.stringify(await hst.sql(`SELECT proof FROM facts WHERE receiver = 'coord'`))).not.toContain("Škoda");
    // her data export carries it (GDPR access)
    const exported = (await ok(hst.as(self()), `query($p: ID!) { exportParticipantData(node: "hst", participantId: $p) }`, { p: mentee.id })).exportParticipantData;
    expect(exported.tandemRecord.evaluations).toEqual([
      expect.objectContaining({ tandemId: tandem.tandemId, side: "MENTEE", programmeRating: 4, comment: "The visit to Škoda was the turning point." }),
    ]);
  });

  it("shows it to its author only, and lets no one else submit one for them", async () => {
    for (const caller of [as.participant(tandem.mentorId, "mentor"), as.participant(remoteParticipantId("zcu")), as.nodeCoordinator("hst"), as.nodeCoordinator("zcu"), as.jointCoordinator()]) {
      const read = await hst.as(caller).query(MINE, { p: mentee.id, t: tandem.tandemId });
      expect(firstError(read)).toMatchObject({ code: "FORBIDDEN", rule: "evaluation.read" });
      expect(JSON.stringify(read)).not.toContain("Škoda");
      expect(firstError(await submit(caller))).toMatchObject({ code: "FORBIDDEN", rule: "evaluation.submit" });
    }
  });

  it("validates field by field, leaving no row", async () => {
    const other = await createParticipant(hst, { displayName: "Jonas Weber" });
    const pair = await activateTandemAt(hst, { menteeId: other.id, mentorId: remoteParticipantId("zcu") });
    const before = await hst.countRows("evaluations");
    const cases: [Record<string, unknown>, string][] = [
      [{ programmeRating: 0 }, "programmeRating"],
      [{ programmeRating: 6 }, "programmeRating"],
      [{ goals: [{ key: "a goal with spaces", achievement: "FULLY" }] }, "goals.0.key"],
      [{ goals: Array.from({ length: 21 }, (_, i) => ({ key: `g${i}`, achievement: "NOT" })) }, "goals"],
      [
        {
          goals: [
            { key: "g1", achievement: "NOT" },
            { key: "g1", achievement: "FULLY" },
          ],
        },
        "input.goals",
      ],
      [{ comment: "x".repeat(5001) }, "comment"],
    ];
    for (const [overrides, field] of cases) {
      const error = firstError(await submit(as.participant(other.id), evaluation(overrides), other.id, pair));
      expect(error.code, JSON.stringify(overrides).slice(0, 80)).toBe("BAD_USER_INPUT");
      expect(fieldsOf(error), JSON.stringify(error).slice(0, 300)).toContain(field);
    }
    expect(firstError(await submit(as.participant(other.id), evaluation(), other.id, tandem))).toMatchObject({ code: "BAD_USER_INPUT", field: "participantId" });
    expect(await hst.countRows("evaluations")).toBe(before);
  });

  it("rates every goal of the signed agreement by its key, nothing else, at the mentee's node and (from the version's signed counts) the mentor's", async () => {
    const partner = await createParticipant(hst, { displayName: "Ida Berg" });
    const drafted = await draftedAgreement(
      hst,
      partner.id,
      remoteParticipantId("zcu"),
      agreementInput({ shortTermGoals: [{ text: "Finish the thesis plan." }, { text: "Present at the lab meeting." }] }),
    );
    const read = (await ok(hst.as(as.participant(partner.id)), `query($id: ID!) { agreement(id: $id) { shortTermGoals { key } longTermGoals { key } } }`, { id: drafted.agreementId })).agreement;
    expect(read).toEqual({ shortTermGoals: [{ key: "short-1" }, { key: "short-2" }], longTermGoals: [{ key: "long-1" }] });
    const version = (await factsForOffice(hst, "agreement-version")).find((fact) => fact.tandemId === drafted.tandemId)!;
    expect(version.goalCounts).toEqual({ short: 2, long: 1 });
    const pair = await activateTandemAt(hst, { tandemId: drafted.tandemId, menteeId: partner.id, mentorId: remoteParticipantId("zcu") });
    const rate = (keys: string[]) => submit(as.participant(partner.id), evaluation({ goals: keys.map((key) => ({ key, achievement: "PARTLY" })) }), partner.id, pair);
    const before = await hst.countRows("evaluations");
    expect(firstError(await rate(["short-1", "long-1"]))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.goals", message: expect.stringContaining("missing: short-2") });
    expect(firstError(await rate(["short-1", "short-2", "long-1", "long-2"]))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.goals", message: expect.stringContaining('"long-2" is no goal') });
    expect(await hst.countRows("evaluations")).toBe(before);
    expect((await rate(["long-1", "short-2", "short-1"])).errors).toBeUndefined();

    // the mentor's node knows the goals from the version's signed counts, not the text
    const zcu = await startTestNode("zcu");
    try {
      const mentor = await createParticipant(zcu, { role: "MENTOR", displayName: "Karel Dvořák" });
      const tandemId = `coord:tandem:${randomUUID()}`;
      const claims = { type: ProofType.AGREEMENT_VERSION, agreementId: `hst:agreement:${tandemId.split(":")[2]}`, tandemId, menteeId: partner.id, mentorId: mentor.id, version: 1 };
      await deliverFacts(zcu, "hst", [
        await signProof(zcu.trust.keys.get("hst")!, "hst", { ...claims, versionHash: "a".repeat(64), versionedAt: new Date().toISOString(), goalCounts: { short: 1, long: 2 } }),
      ]);
      const atZcu = await activateTandemAt(zcu, { tandemId, menteeId: partner.id, mentorId: mentor.id });
      const mentorRates = (keys: string[]) =>
        zcu.as(as.participant(mentor.id, "mentor")).query(SUBMIT, { p: mentor.id, t: atZcu.tandemId, input: evaluation({ goals: keys.map((key) => ({ key, achievement: "FULLY" })) }) });
      expect(firstError(await mentorRates(["short-1", "short-2"]))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.goals" });
      expect((await mentorRates(["short-1", "long-1", "long-2"])).errors).toBeUndefined();
    } finally {
      await zcu.stop();
    }
  });
});
