/**
 * The facts of the application journey at a node (DESIGN.md §9): the
 * coordination office's programme rules (every version kept) and cohort
 * states (the highest revision wins), applied once each and only when the
 * office signed them; and the node's own signed records for the office,
 * on its /feed for the gateway to deliver.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ELIGIBILITY_RULES, ProofType, signProof, verifyProof } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { postFeedQuery } from "@tandem/party/testkit";
import { startTestNode, type TestNode } from "../../../test/test-node.js";
import { createParticipant, firstError } from "../../../test/fixtures.js";
import { apply, cohortStateProof, deliverFacts, openCohort, programmeId, programmeRulesProof } from "../../../test/applications.js";

describe("the application journey's facts at a node", () => {
  let hst: TestNode;
  beforeAll(async () => {
    hst = await startTestNode("hst");
  });
  afterAll(() => hst.stop());

  const RECEIVE = `mutation($source: String!, $facts: [FactInput!]!) { receiveFacts(node: "hst", source: $source, facts: $facts) { applied duplicates refused } }`;

  it("keeps every version of a programme's rules, each once", async () => {
    const id = programmeId();
    const v1 = await programmeRulesProof(hst, { programmeId: id, version: 1 });
    const v2 = await programmeRulesProof(hst, { programmeId: id, version: 2, reviewer: "JOINT_OFFICE", trackCodes: ["health"] });
    expect(await deliverFacts(hst, "coord", [v2, v1])).toMatchObject({ applied: 2 });
    expect(await deliverFacts(hst, "coord", [v1])).toMatchObject({ applied: 0, duplicates: 1 });
    expect(await hst.sql(`SELECT version, reviewer, track_codes, rules FROM programme_rules WHERE programme_id = $1 ORDER BY version`, [id])).toEqual([
      { version: 1, reviewer: "HOME_NODE", track_codes: ["health", "sustainability", "digitalisation"], rules: DEFAULT_ELIGIBILITY_RULES },
      { version: 2, reviewer: "JOINT_OFFICE", track_codes: ["health"], rules: DEFAULT_ELIGIBILITY_RULES },
    ]);
    expect(await hst.sql(`SELECT action, outcome FROM audit_log WHERE target_id = $1 ORDER BY action`, [id])).toEqual([
      { action: "programme-rules:v1", outcome: "ok" },
      { action: "programme-rules:v2", outcome: "ok" },
    ]);
  });

  it("keeps a cohort's state of the highest revision, whatever order the facts arrive in", async () => {
    const ids = { programmeId: programmeId(), cohortId: `coord:cohort:${randomUUID()}` };
    const open = await cohortStateProof(hst, { ...ids, state: "APPLICATIONS_OPEN", revision: 2 });
    const review = await cohortStateProof(hst, { ...ids, state: "REVIEW", revision: 3 });
    const draft = await cohortStateProof(hst, { ...ids, state: "DRAFT", opensAt: null, closesAt: null, revision: 1 });
    expect(await deliverFacts(hst, "coord", [review])).toMatchObject({ applied: 1 });
    expect(await deliverFacts(hst, "coord", [draft, open])).toMatchObject({ applied: 2 });
    expect(await hst.sql(`SELECT state, revision FROM cohort_states WHERE cohort_id = $1`, [ids.cohortId])).toEqual([{ state: "REVIEW", revision: 3 }]);
    expect(await hst.sql(`SELECT action, outcome FROM audit_log WHERE target_id = $1 ORDER BY id`, [ids.cohortId])).toEqual([
      { action: "cohort-state:REVIEW", outcome: "ok" },
      { action: "cohort-state:DRAFT", outcome: "stale" },
      { action: "cohort-state:APPLICATIONS_OPEN", outcome: "stale" },
    ]);
  });

  it("takes rules and states from the coordination office only: signed by a node, they are refused and nothing is kept", async () => {
    const id = programmeId();
    const forged = await signProof(hst.trust.keys.get("zcu")!, "zcu", {
      type: ProofType.PROGRAMME_RULES,
      programmeId: id,
      version: 1,
      rules: DEFAULT_ELIGIBILITY_RULES,
      reviewer: "HOME_NODE",
      participatingNodeIds: [],
      trackCodes: ["health"],
    });
    const result = await hst.as(as.system()).query(RECEIVE, { source: "zcu", facts: [{ seq: "1", proof: forged }] });
    expect(firstError(result)).toMatchObject({ code: "INVALID_PROOF", field: "facts.proof" });
    expect(await hst.sql(`SELECT count(*)::int AS n FROM programme_rules WHERE programme_id = $1`, [id])).toEqual([{ n: 0 }]);
  });

  it("refuses (records, does not retry) a revision too large to keep", async () => {
    const ids = { programmeId: programmeId(), cohortId: `coord:cohort:${randomUUID()}` };
    expect(await deliverFacts(hst, "coord", [await cohortStateProof(hst, { ...ids, revision: 2 ** 40 })])).toMatchObject({ applied: 0, refused: 1 });
    expect(await hst.sql(`SELECT count(*)::int AS n FROM cohort_states WHERE cohort_id = $1`, [ids.cohortId])).toEqual([{ n: 0 }]);
  });

  it("applies no application record of another node (a node keeps only its own)", async () => {
    const proof = await signProof(hst.trust.keys.get("zcu")!, "zcu", {
      type: ProofType.APPLICATION_RECORD,
      applicationId: `zcu:application:${randomUUID()}`,
      cohortId: `coord:cohort:${randomUUID()}`,
      participantId: `zcu:participant:${randomUUID()}`,
      role: "MENTEE",
      trackCodes: [],
      eligible: true,
      ruleVersion: 1,
      status: "SUBMITTED",
      sharedWithJointOffice: false,
      submittedAt: new Date().toISOString(),
      revision: 1,
    });
    expect(await deliverFacts(hst, "zcu", [proof])).toMatchObject({ applied: 0, refused: 1 });
  });

  it("puts its signed application records on its /feed for the coordination office, for the gateway only", async () => {
    const { cohortId } = await openCohort(hst);
    const person = await createParticipant(hst, { degreeLevel: "MASTER", semester: 2 });
    const submitted = await apply(hst, person.id, cohortId);
    const FACTS = `query($after: String) { factsSince(receiver: "coord", after: $after) { seq kind proof } }`;
    const { body } = await postFeedQuery<{ factsSince: { kind: string; proof: string }[] }>(hst.feedHttpUrl, FACTS, { after: null }, { authorization: `Bearer ${await hst.token(as.system())}` });
    const records = body.data!.factsSince.filter((fact) => fact.kind === "application-record");
    expect(records).toHaveLength(1);
    expect(await verifyProof(records[0]!.proof, hst.trust.registry)).toMatchObject({
      type: "application-record",
      issuer: "hst",
      applicationId: submitted.id,
      participantId: person.id,
      status: "SUBMITTED",
    });
    const refused = await postFeedQuery(hst.feedHttpUrl, FACTS, { after: null }, { authorization: `Bearer ${await hst.token(as.nodeCoordinator("hst"))}` });
    expect(refused.status).toBe(403);
  });
});
