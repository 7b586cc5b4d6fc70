/** Building blocks for certificate tests: a cohort the office described, an enrolment, a tandem in it that ran to its close. */
import { randomUUID } from "node:crypto";
import { DEFAULT_ELIGIBILITY_RULES, ProofType, signProof } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { statusListUrl } from "@tandem/shared/credentials";
import { enrolHere } from "./programme.js";
import { deliverFacts, dayFromToday } from "./tandems.js";
import type { TestNode } from "./test-node.js";

export const PUBLIC_GATEWAY = "http://127.0.0.1:4000";

export const CREDENTIAL_FIELDS = `id participantId role cohortId language issuedAt revokedAt revocationReason credential verificationUrl`;
export const ISSUE_CERTIFICATE = `mutation($p: ID!, $c: ID!, $l: String) { issueCertificate(participantId: $p, cohortId: $c, language: $l) { ${CREDENTIAL_FIELDS} } }`;
export const REVOKE_CERTIFICATE = `mutation($id: ID!, $reason: String!) { revokeCertificate(id: $id, reason: $reason) { ${CREDENTIAL_FIELDS} } }`;
export const CREDENTIALS = `query($p: ID!) { credentials(participantId: $p) { ${CREDENTIAL_FIELDS} } }`;

/** The completion rules of the tests' programme: each role's final evaluation, and for mentees a complete package (no mandatory event: complete). */
export const TEST_COMPLETION_RULES = {
  mentee: [
    { code: "FINAL_EVALUATION_SUBMITTED", count: null },
    { code: "PACKAGE_COMPLETE", count: null },
  ],
  mentor: [{ code: "FINAL_EVALUATION_SUBMITTED", count: null }],
};

/** A closing cohort of a programme with completion rules, with the names and days certificates print, as the office's facts tell the node. */
export async function describedCohort(node: TestNode, details: { name?: string; programmeName?: string; language?: string } = {}): Promise<string> {
  const cohortId = `coord:cohort:${randomUUID()}`;
  const programmeId = `coord:programme:${randomUUID()}`;
  const key = node.trust.keys.get("coord")!;
  const rules = await signProof(key, "coord", {
    type: ProofType.PROGRAMME_RULES,
    programmeId,
    version: 1,
    rules: DEFAULT_ELIGIBILITY_RULES,
    reviewer: "HOME_NODE",
    participatingNodeIds: [],
    trackCodes: ["health"],
    completion: TEST_COMPLETION_RULES,
  } as never);
  const state = await signProof(key, "coord", {
    type: ProofType.COHORT_STATE,
    cohortId,
    programmeId,
    state: "CLOSING",
    applicationsOpenAt: null,
    applicationsCloseAt: null,
    revision: 1,
    details: {
      name: details.name ?? "2025/26",
      programmeName: details.programmeName ?? "Industrial Mentorship Programme",
      language: details.language ?? "en",
      startsOn: "2025-11-01",
      endsOn: "2026-07-15",
    },
  });
  await deliverFacts(node, "coord", [rules, state]);
  return cohortId;
}

const EVALUATE = `mutation($p: ID!, $t: ID!) { submitEvaluation(participantId: $p, tandemId: $t, input: { goals: [{ key: "short-1", achievement: FULLY }], programmeRating: 5, comment: "" }) { side } }`;

/** Enrols the person and starts their tandem in the cohort (with a partner of another node); `complete()` meets the rules: their final evaluation, and the tandem closed. */
export async function tandemInCohort(node: TestNode, cohortId: string, participantId: string, role: "MENTEE" | "MENTOR", partnerId: string) {
  await enrolHere(node, participantId, cohortId, role);
  const tandemId = `coord:tandem:${randomUUID()}`;
  const pair = role === "MENTEE" ? { menteeId: participantId, mentorId: partnerId } : { menteeId: partnerId, mentorId: participantId };
  const key = node.trust.keys.get("coord")!;
  await deliverFacts(node, "coord", [await signProof(key, "coord", { type: ProofType.TANDEM_ACTIVATED, tandemId, cohortId, ...pair, startedOn: dayFromToday(-200), checkInsDue: [] })]);
  return {
    tandemId,
    complete: async () => {
      const answer = await node.as(as.participant(participantId, role === "MENTEE" ? "mentee" : "mentor")).query(EVALUATE, { p: participantId, t: tandemId });
      if (answer.errors) throw new Error(`evaluation refused: ${JSON.stringify(answer.errors)}`);
      await deliverFacts(node, "coord", [await signProof(key, "coord", { type: ProofType.TANDEM_ENDED, tandemId })]);
    },
  };
}

/** The node's signed status list, as the gateway serves it, by URL. */
export async function publishedStatusLists(node: TestNode): Promise<Map<string, unknown>> {
  const rows = await node.sql<{ list_number: number; publication: unknown }>(`SELECT list_number, publication FROM credential_status_lists`);
  return new Map(rows.map((row) => [statusListUrl(PUBLIC_GATEWAY, node.nodeId, row.list_number), row.publication]));
}
