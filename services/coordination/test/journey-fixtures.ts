/**
 * Building blocks for the application journey's tests: application-record
 * facts as a home node signs them, their delivery as the gateway makes it,
 * and the facts the office wrote for a node, verified and decoded.
 */
import { randomUUID } from "node:crypto";
import { ProofType, signProof, verifyProof, type ApplicationRecordProof, type Proof } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import { postFeedQuery } from "@tandem/party/testkit";
import type { TestCoordination } from "./test-coordination.js";

export type RecordClaims = Omit<ApplicationRecordProof, "type" | "issuer">;

export function applicationId(node: string): string {
  return `${node}:application:${randomUUID()}`;
}

/** A submitted mentee application of a fresh applicant of `node`, eligible under version 1. */
export function record(cohortId: string, node: string, overrides: Partial<RecordClaims> = {}): RecordClaims {
  return {
    applicationId: applicationId(node),
    cohortId,
    participantId: `${node}:participant:${randomUUID()}`,
    role: "MENTEE",
    trackCodes: ["health"],
    eligible: true,
    ruleVersion: 1,
    status: "SUBMITTED",
    sharedWithJointOffice: false,
    submittedAt: "2026-06-15T09:30:00.000Z",
    revision: 1,
    ...overrides,
  };
}

/** The record as its home node signs it (`signer` to forge one with another party's key, claiming the home node). */
export async function recordProof(service: TestCoordination, claims: RecordClaims, signer?: string): Promise<string> {
  const issuer = claims.applicationId.split(":")[0]!;
  return signProof(service.trust.keys.get(signer ?? issuer)!, issuer, { type: ProofType.APPLICATION_RECORD, ...claims });
}

const RECEIVE = `mutation($s: String!, $f: [FactInput!]!) { receiveFacts(node: "coord", source: $s, facts: $f) { source position applied duplicates refused } }`;
const seqs = new Map<string, number>();

/** Delivers proofs of `source` as the gateway does, each at the source's next position; answers the receipt, or the errors. */
export async function deliver(service: TestCoordination, source: string, proofs: readonly string[]) {
  const facts = proofs.map((proof) => {
    const seq = (seqs.get(source) ?? 0) + 1;
    seqs.set(source, seq);
    return { seq: String(seq), proof };
  });
  return service.as(as.system()).query<{ receiveFacts: { applied: number; duplicates: number; refused: number } }>(RECEIVE, { s: source, f: facts });
}

/** Delivers records (each signed by its home node) and expects every one applied. */
export async function deliverRecords(service: TestCoordination, ...records: RecordClaims[]): Promise<void> {
  for (const claims of records) {
    const result = await deliver(service, claims.applicationId.split(":")[0]!, [await recordProof(service, claims)]);
    if (result.errors || result.data!.receiveFacts.applied !== 1) throw new Error(`record not applied: ${JSON.stringify(result.errors ?? result.data)}`);
  }
}

const FACTS = `query($r: String!, $after: String) { factsSince(receiver: $r, after: $after) { seq kind proof } }`;

/** Every fact the office wrote for `receiver`, verified against the registry, in order. */
export async function factsFor(service: TestCoordination, receiver: string): Promise<(Proof & { seq: string })[]> {
  const answer = await postFeedQuery<{ factsSince: { seq: string; kind: string; proof: string }[] }>(
    service.feedHttpUrl,
    FACTS,
    { r: receiver, after: null },
    { authorization: `Bearer ${await service.token(as.system())}` },
  );
  const facts = [];
  for (const fact of answer.body.data!.factsSince) facts.push({ ...(await verifyProof(fact.proof, service.trust.registry)), seq: fact.seq });
  return facts;
}

/** The facts of one kind for `receiver`, without issuer and position. */
export async function factsOfKind<T extends Proof["type"]>(service: TestCoordination, receiver: string, kind: T): Promise<Omit<Extract<Proof, { type: T }>, "type" | "issuer">[]> {
  return (await factsFor(service, receiver))
    .filter((fact): fact is Extract<Proof, { type: T }> & { seq: string } => fact.type === kind)
    .map(({ type: _type, issuer: _issuer, seq: _seq, ...claims }) => claims as Omit<Extract<Proof, { type: T }>, "type" | "issuer">);
}
