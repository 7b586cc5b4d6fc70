import type { DataSource } from "typeorm";
import { ProofType, signProof, type SigningKey } from "@tandem/shared";
import type { NodeDirectory } from "../../node-directory.js";
import { enrolledMemberships } from "../package/cohort-memberships.js";

/**
 * Signs, as a participant's home node, that the participant exists here and
 * that a caller may act for them: what another node needs before it stores
 * a reference to them (a registration for its event), with the cohorts they
 * are enrolled in and their role in each (an event of a cohort admits its
 * members by it). The gateway fetches it and hands it to that node with the
 * call, so no person carries it.
 */
export class ParticipantAttestationSigner {
  constructor(
    private readonly key: SigningKey,
    private readonly directory: NodeDirectory,
    private readonly dataSource: DataSource,
  ) {}

  async sign(participantId: string, actor: string): Promise<string> {
    const localId = this.directory.parseLocal(participantId, "participant", "participantId");
    const memberships = await enrolledMemberships(this.dataSource, localId);
    return signProof(this.key, this.directory.self.id, { type: ProofType.PARTICIPANT_ACTOR, participantId, actor, memberships });
  }
}

/** Header in which the gateway passes attestations of other nodes to the node it calls. */
export const ATTESTATION_HEADER = "x-tandem-attestation";

/** The attestations a call carries (comma-separated compact JWS). */
export function attestationsOf(header: string | string[] | undefined): string[] {
  const value = Array.isArray(header) ? header.join(",") : (header ?? "");
  return value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0 && part.length <= 4096)
    .slice(0, 50);
}
