/**
 * A tandem as the coordination office's signed facts tell a node about it:
 * activated (partners, start, check-in dates) and ended, delivered as the
 * gateway delivers facts.
 */
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { ProofType, signProof, verifyProof, type Proof } from "@tandem/shared";
import { as } from "@tandem/shared/testkit";
import type { TestNode } from "./test-node.js";

const RECEIVE = `mutation($node: String!, $source: String!, $facts: [FactInput!]!) { receiveFacts(node: $node, source: $source, facts: $facts) { applied refused } }`;
const seqs = new Map<string, number>();

/** Delivers proofs signed by `source` to the node, each at the source's next position; expects each applied. */
export async function deliverFacts(node: TestNode, source: string, proofs: readonly string[]): Promise<void> {
  const key = `${node.nodeId}<${source}`;
  const facts = proofs.map((proof) => {
    const seq = (seqs.get(key) ?? 0) + 1;
    seqs.set(key, seq);
    return { seq: String(seq), proof };
  });
  const result = await node.as(as.system()).query(RECEIVE, { node: node.nodeId, source, facts });
  expect(result.errors).toBeUndefined();
  expect(result.data!.receiveFacts).toMatchObject({ applied: proofs.length, refused: 0 });
}

/** `YYYY-MM-DD`, `days` from today (UTC). */
export function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 24 * 3600_000).toISOString().slice(0, 10);
}

export interface TestTandem {
  tandemId: string;
  menteeId: string;
  mentorId: string;
  startedOn: string;
  checkInsDue: string[];
}

/** Tells `node` that a tandem started (as the office would): 30 days ago unless said otherwise. */
/** `tandemId`: a tandem the node knows already (e.g. accepted, with an agreement). */
export async function activateTandemAt(node: TestNode, pair: { menteeId: string; mentorId: string; tandemId?: string; startedOn?: string; checkInsDue?: string[] }): Promise<TestTandem> {
  const tandem = { tandemId: `coord:tandem:${randomUUID()}`, startedOn: dayFromToday(-30), checkInsDue: [dayFromToday(-1)], ...pair };
  const proof = await signProof(node.trust.keys.get("coord")!, "coord", { type: ProofType.TANDEM_ACTIVATED, cohortId: `coord:cohort:${randomUUID()}`, ...tandem });
  await deliverFacts(node, "coord", [proof]);
  return tandem;
}

export async function endTandemAt(node: TestNode, tandemId: string): Promise<void> {
  await deliverFacts(node, "coord", [await signProof(node.trust.keys.get("coord")!, "coord", { type: ProofType.TANDEM_ENDED, tandemId })]);
}

/** The facts the node wrote for the coordination office, verified, of one kind, oldest first. */
export async function factsForOffice<T extends Proof["type"]>(node: TestNode, kind: T): Promise<Extract<Proof, { type: T }>[]> {
  const rows = await node.sql<{ proof: string }>(`SELECT proof FROM facts WHERE receiver = 'coord' AND kind = $1 ORDER BY seq`, [kind]);
  const proofs = [];
  for (const row of rows) proofs.push((await verifyProof(row.proof, node.trust.registry)) as Extract<Proof, { type: T }>);
  return proofs;
}
