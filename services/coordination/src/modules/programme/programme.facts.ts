/**
 * What the nodes learn of a programme: each version of its rules for
 * applications, as a programme-rules fact signed by the coordination office
 * (DESIGN.md §9), written in the transaction of the change. A node
 * evaluates eligibility only against rules it verified came from here.
 */
import type { EntityManager } from "typeorm";
import { ProofType, signProof, type SigningKey } from "@tandem/shared";
import { publishFact } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import type { ProgrammeRulesVersionEntity } from "./programme-rules-version.entity.js";
import { PROGRAMME_KIND } from "./programme.type.js";

export class ProgrammeFacts {
  constructor(
    private readonly directory: ConsortiumDirectory,
    private readonly signingKey: SigningKey,
  ) {}

  /**
   * Tells `receivers` (the version's nodes, and those a change left out, so
   * that they learn they are out) and marks the version published. Dated by
   * the version, so the same version always gives the same proof.
   */
  async rulesChanged(manager: EntityManager, version: ProgrammeRulesVersionEntity, receivers: readonly string[]): Promise<void> {
    const proof = await signProof(
      this.signingKey,
      this.directory.selfId,
      {
        type: ProofType.PROGRAMME_RULES,
        programmeId: this.directory.globalId(PROGRAMME_KIND, version.programmeId),
        version: version.version,
        rules: version.eligibility,
        reviewer: version.reviewer,
        participatingNodeIds: version.participatingNodeIds,
        trackCodes: version.trackCodes,
        // absent while none are set: a node holds a version without completion rules as "none set"
        ...(version.completion ? { completion: version.completion } : {}),
      },
      version.createdAt,
    );
    for (const receiver of new Set(receivers)) {
      if (this.directory.node(receiver)) await publishFact(manager, { receiver, kind: ProofType.PROGRAMME_RULES, proof, subjects: [] });
    }
    await manager.query(`UPDATE programme_rules_versions SET published_at = now() WHERE programme_id = $1 AND version = $2 AND published_at IS NULL`, [version.programmeId, version.version]);
  }
}
