/**
 * What a node tells others of an agreement, in the transaction of the change:
 * versions and signatures as facts it signs (DESIGN.md §9) — ids, numbers,
 * hashes and dates, never the text — and changes on the agreement's topic
 * for the partners' live updates.
 */
import type { EntityManager } from "typeorm";
import { ProofType, agreementTopic, homeNodeOf, signProof, type AgreementChangeKind, type AgreementSignedProof, type SigningKey } from "@tandem/shared";
import { publishChange, publishFact } from "@tandem/party";
import type { NodeDirectory } from "../../node-directory.js";
import type { AgreementTandemEntity } from "./agreement.entity.js";

export class AgreementPublisher {
  constructor(
    private readonly key: SigningKey,
    private readonly directory: NodeDirectory,
  ) {}

  /** A new version: for the coordination office (status) and the mentor's home node (what the mentor may sign). */
  async version(manager: EntityManager, agreementId: string, tandem: AgreementTandemEntity): Promise<void> {
    const versionedAt = tandem.versionedAt ?? new Date();
    const claims = {
      type: ProofType.AGREEMENT_VERSION,
      agreementId,
      tandemId: tandem.tandemId,
      menteeId: tandem.menteeId,
      mentorId: tandem.mentorId,
      version: tandem.version,
      versionHash: tandem.versionHash!,
      versionedAt: versionedAt.toISOString(),
      ...(tandem.shortGoals && tandem.longGoals ? { goalCounts: { short: tandem.shortGoals, long: tandem.longGoals } } : {}),
    };
    const proof = await signProof(this.key, this.directory.self.id, claims, versionedAt);
    for (const receiver of this.receivers(tandem.mentorId)) await publishFact(manager, { receiver, kind: ProofType.AGREEMENT_VERSION, proof, subjects: [tandem.menteeId, tandem.mentorId] });
  }

  /** A signature of a person of this node: for the coordination office and, for the mentor's, the mentee's home node (which holds the agreement). Returns the proof. */
  async signed(manager: EntityManager, claims: Omit<AgreementSignedProof, "type" | "issuer">, tandem: AgreementTandemEntity): Promise<string> {
    const proof = await signProof(this.key, this.directory.self.id, { type: ProofType.AGREEMENT_SIGNED, ...claims }, new Date(claims.signedAt));
    const partner = claims.role === "MENTOR" ? tandem.menteeId : null;
    for (const receiver of this.receivers(partner)) await publishFact(manager, { receiver, kind: ProofType.AGREEMENT_SIGNED, proof, subjects: [claims.signerId] });
    return proof;
  }

  changed(manager: EntityManager, agreementId: string, kind: AgreementChangeKind): Promise<void> {
    return publishChange(manager, { topics: [agreementTopic(agreementId)], kind, refs: { agreementId } });
  }

  /** The coordination office, and the home node of `participantId` unless it is this node. */
  private receivers(participantId: string | null): string[] {
    const home = participantId ? homeNodeOf(participantId) : null;
    return [this.directory.coordinationId, ...(home && home !== this.directory.self.id ? [home] : [])];
  }
}
