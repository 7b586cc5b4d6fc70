/** Building blocks for certificate tests: a cohort the office described, an enrolment, a tandem in it that ran to its close. */
import { randomUUID } from "node:crypto";
import { ProofType, signProof } from "@tandem/shared";
import { statusListUrl } from "@tandem/shared/credentials";
import { enrolHere } from "./programme.js";
import { deliverFacts, dayFromToday } from "./tandems.js";
import type { TestNode } from "./test-node.js";

export const PUBLIC_GATEWAY = "http://127.0.0.1:4000";

export const CREDENTIAL_FIELDS = `id participantId role cohortId language issuedAt revokedAt revocationReason credential verificationUrl`;
export const ISSUE_CERTIFICATE = `mutation($p: ID!, $c: ID!, $l: String) { issueCertificate(participantId: $p, cohortId: $c, language: $l) { ${CREDENTIAL_FIELDS} } }`;
export const REVOKE_CERTIFICATE = `mutation($id: ID!, $reason: String!) { revokeCertificate(id: $id, reason: $reason) { ${CREDENTIAL_FIELDS} } }`;
export const CREDENTIALS = `query($p: ID!) { credentials(participantId: $p) { ${CREDENTIAL_FIELDS} } }`;

/** A running cohort of a programme, with the names and days certificates print, as the office's cohort fact tells the node. */
export async function describedCohort(node: TestNode, details: { name?: string; programmeName?: string; language?: string } = {}): Promise<string> {
  const cohortId = `coord:cohort:${randomUUID()}`;
  const proof = await signProof(node.trust.keys.get("coord")!, "coord", {
    type: ProofType.COHORT_STATE,
    cohortId,
    programmeId: `coord:programme:${randomUUID()}`,
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
  await deliverFacts(node, "coord", [proof]);
  return cohortId;
}

/** Enrols the person and starts their tandem in the cohort (with a partner of another node); `end()` closes it. */
export async function tandemInCohort(node: TestNode, cohortId: string, participantId: string, role: "MENTEE" | "MENTOR", partnerId: string) {
  await enrolHere(node, participantId, cohortId, role);
  const tandemId = `coord:tandem:${randomUUID()}`;
  const pair = role === "MENTEE" ? { menteeId: participantId, mentorId: partnerId } : { menteeId: partnerId, mentorId: participantId };
  const key = node.trust.keys.get("coord")!;
  await deliverFacts(node, "coord", [await signProof(key, "coord", { type: ProofType.TANDEM_ACTIVATED, tandemId, cohortId, ...pair, startedOn: dayFromToday(-200), checkInsDue: [] })]);
  return { tandemId, end: async () => deliverFacts(node, "coord", [await signProof(key, "coord", { type: ProofType.TANDEM_ENDED, tandemId })]) };
}

/** The node's signed status list, as the gateway serves it, by URL. */
export async function publishedStatusLists(node: TestNode): Promise<Map<string, unknown>> {
  const rows = await node.sql<{ list_number: number; publication: unknown }>(`SELECT list_number, publication FROM credential_status_lists`);
  return new Map(rows.map((row) => [statusListUrl(PUBLIC_GATEWAY, node.nodeId, row.list_number), row.publication]));
}
