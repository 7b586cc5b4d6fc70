import { ProofType, signProof, type SigningKey } from "@tandem/shared";
import type { NodeDirectory } from "../../node-directory.js";

/**
 * Signs, as this (home) node, that a cohort's matching pseudonym belongs to
 * a participant of this node. The coordination office accepts the person's
 * answer to a proposal only with it, and verifies it against the registry
 * (shared verifyMatchingPseudonymProof): only the participant's home node
 * can have signed it.
 */
export class MatchingPseudonymProofSigner {
  constructor(
    private readonly key: SigningKey,
    private readonly directory: NodeDirectory,
  ) {}

  sign(claims: { cohortId: string; pseudonym: string; participantId: string }): Promise<string> {
    return signProof(this.key, this.directory.self.id, { type: ProofType.MATCHING_PSEUDONYM, ...claims });
  }
}
