/**
 * Peer-mentoring groups (DESIGN.md §8): mentees of one cohort, across nodes,
 * meeting on their own. The coordination office holds the group and its
 * members as references with their consent state, never a name; each
 * member's home node decides whether another member sees their display name.
 * It learns who consented from the office's signed roster (a peer-group
 * fact, sent to the home node of every member the group had): a member's
 * name goes to the other members named in it, and only while both are.
 */
import { z } from "zod";
import { homeNodeOf, tryParseGlobalId } from "../ids.js";

export const PeerGroupModes = ["FORMED", "OPEN"] as const;
export type PeerGroupMode = (typeof PeerGroupModes)[number];

export const PeerGroupMemberStatuses = ["INVITED", "CONSENTED"] as const;
export type PeerGroupMemberStatus = (typeof PeerGroupMemberStatuses)[number];

/** A group is small: people who meet on their own. */
export const MAX_PEER_GROUP_SIZE = 30;

/** The members of a group who consented, as the office states them (signed by the coordination office, for their home nodes). */
export interface PeerGroupRosterProof {
  type: "peer-group";
  issuer: string;
  peerGroupId: string;
  cohortId: string;
  /** Participants who consented to the group (global ids): each may see the others' display names. */
  members: string[];
  /** Whether the group's meetings count toward the cohort's package (the programme's setting). */
  meetingsCount: boolean;
  /** Increases with every change: a receiver keeps the highest. */
  revision: number;
}

const ROSTER_SCHEMA = z.object({
  peerGroupId: z.string().max(160),
  cohortId: z.string().max(160),
  members: z.array(z.string().max(160)).max(MAX_PEER_GROUP_SIZE),
  meetingsCount: z.boolean(),
  revision: z.number().int().min(1).max(2_147_483_647),
});

export function isPeerGroupProofKind(kind: unknown): kind is PeerGroupRosterProof["type"] {
  return kind === "peer-group";
}

/** A roster's claims, checked: attested by the coordination office only, about its own group and cohort, naming participants each once. Returns the reason it is refused, or the proof. */
export function checkPeerGroupClaims(issuer: string, coordinationId: string, payload: unknown): PeerGroupRosterProof | string {
  const parsed = ROSTER_SCHEMA.safeParse(payload);
  if (!parsed.success) return `malformed peer-group (${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")})`;
  const claims = parsed.data;
  if (issuer !== coordinationId) return "a peer group is attested by the coordination office only";
  if (tryParseGlobalId(claims.peerGroupId)?.kind !== "peer-group" || homeNodeOf(claims.peerGroupId) !== coordinationId) return "malformed peer-group (group id)";
  if (tryParseGlobalId(claims.cohortId)?.kind !== "cohort" || homeNodeOf(claims.cohortId) !== coordinationId) return "malformed peer-group (cohort id)";
  if (claims.members.some((id) => tryParseGlobalId(id)?.kind !== "participant")) return "malformed peer-group (members are participant ids)";
  if (new Set(claims.members).size !== claims.members.length) return "malformed peer-group (a member named twice)";
  return { ...claims, type: "peer-group", issuer };
}
