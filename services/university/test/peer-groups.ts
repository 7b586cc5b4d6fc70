/** Building blocks for peer groups at a node: the office's signed roster, as the node receives it. */
import { randomUUID } from "node:crypto";
import { ProofType, signProof } from "@tandem/shared";
import { deliverFacts } from "./applications.js";
import type { TestNode } from "./test-node.js";

export interface RosterFacts {
  peerGroupId?: string;
  cohortId?: string;
  members: string[];
  meetingsCount?: boolean;
  revision: number;
}

/** The office tells the node a group's roster (the members who consented); the group's id. */
export async function tellRoster(node: TestNode, facts: RosterFacts): Promise<string> {
  const peerGroupId = facts.peerGroupId ?? `coord:peer-group:${randomUUID()}`;
  const proof = await signProof(node.trust.keys.get("coord")!, "coord", {
    type: ProofType.PEER_GROUP,
    peerGroupId,
    cohortId: facts.cohortId ?? `coord:cohort:${randomUUID()}`,
    members: facts.members,
    meetingsCount: facts.meetingsCount ?? false,
    revision: facts.revision,
  });
  await deliverFacts(node, "coord", [proof]);
  return peerGroupId;
}
