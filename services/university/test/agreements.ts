/** Agreements in tests: operations, a valid text, and a tandem accepted by the coordination office's fact. */
import { randomUUID } from "node:crypto";
import { ProofType, signProof } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import type { TestNode } from "./test-node.js";
import { ok } from "./fixtures.js";

export const AGREEMENT_FIELDS = `id tandemId menteeId mentorId status version versionHash authorId shortTermGoals { text targetDate } longTermGoals { text targetDate } contactForms frequency feedbackForm additions signatures { signerId role version versionHash signedAt proof } versions { version versionHash authorId }`;
export const READ_AGREEMENT = `query($id: ID!) { agreement(id: $id) { ${AGREEMENT_FIELDS} } }`;
export const DRAFT_AGREEMENT = `mutation($id: ID!, $input: AgreementInput!) { draftAgreement(id: $id, input: $input) { ${AGREEMENT_FIELDS} } }`;
export const REVISE_AGREEMENT = `mutation($id: ID!, $basedOn: String!, $input: AgreementInput!) { reviseAgreement(id: $id, basedOnVersionHash: $basedOn, input: $input) { ${AGREEMENT_FIELDS} } }`;
export const SIGN_AGREEMENT = `mutation($p: ID!, $a: ID!, $h: String!) { signAgreement(participantId: $p, agreementId: $a, versionHash: $h) { signerId role version versionHash signedAt proof } }`;

export function agreementInput(overrides: Record<string, unknown> = {}) {
  return {
    shortTermGoals: [{ text: "Prepare a convincing application for a data science internship.", targetDate: "2027-02-28" }],
    longTermGoals: [{ text: "Find a first position in health informatics after the master's degree." }],
    contactForms: ["ONLINE", "IN_PERSON"],
    frequency: "every two weeks, one hour",
    feedbackForm: "Short written feedback after each meeting, a longer talk every three months.",
    ...overrides,
  };
}

let seq = 1_000_000;

/** The coordination office's acceptance of a new tandem, delivered to `node` as the gateway would; the agreement's id at the mentee's node. */
export async function acceptedTandem(node: TestNode, menteeId: string, mentorId: string): Promise<{ tandemId: string; agreementId: string }> {
  const uuid = randomUUID();
  const tandemId = `coord:tandem:${uuid}`;
  const proof = await signProof(node.trust.keys.get("coord")!, "coord", { type: ProofType.TANDEM_ACCEPTED, tandemId, menteeId, mentorId });
  await ok(node.as(as.system()), `mutation($f: [FactInput!]!) { receiveFacts(node: "${node.nodeId}", source: "coord", facts: $f) { applied } }`, { f: [{ seq: String(++seq), proof }] });
  return { tandemId, agreementId: `${menteeId.split(":")[0]}:agreement:${uuid}` };
}

/** A drafted agreement: its id and the hash of version 1. */
export async function draftedAgreement(node: TestNode, menteeId: string, mentorId: string, input = agreementInput()): Promise<{ tandemId: string; agreementId: string; versionHash: string }> {
  const tandem = await acceptedTandem(node, menteeId, mentorId);
  const { draftAgreement } = await ok(node.as(as.participant(menteeId)), DRAFT_AGREEMENT, { id: tandem.agreementId, input });
  return { ...tandem, versionHash: draftAgreement.versionHash as string };
}
