/**
 * What the nodes learn of a cohort: its state and application window, as a
 * cohort-state fact signed by the coordination office (DESIGN.md §9) with a
 * revision that increases with every change, written in the transaction of
 * the change to every participating node. A node takes applications only
 * while the cohort it verified is APPLICATIONS_OPEN and inside the window.
 */
import type { EntityManager } from "typeorm";
import { ProofType, signProof, type SigningKey } from "@tandem/shared";
import { publishFact } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import { ProgrammeEntity } from "../programme/programme.entity.js";
import { PROGRAMME_KIND } from "../programme/programme.type.js";
import type { CohortEntity } from "./cohort.entity.js";
import { COHORT_KIND } from "./cohort.type.js";

export class CohortFacts {
  constructor(
    private readonly directory: ConsortiumDirectory,
    private readonly signingKey: SigningKey,
  ) {}

  /** The cohort as it stands, to `receivers` (its programme's nodes); dated by its last change, so a revision always gives the same proof. */
  async stateOf(manager: EntityManager, cohort: CohortEntity, receivers: readonly string[]): Promise<void> {
    const programme = await manager.findOneByOrFail(ProgrammeEntity, { id: cohort.programmeId });
    const proof = await signProof(
      this.signingKey,
      this.directory.selfId,
      {
        type: ProofType.COHORT_STATE,
        cohortId: this.directory.globalId(COHORT_KIND, cohort.id),
        programmeId: this.directory.globalId(PROGRAMME_KIND, cohort.programmeId),
        state: cohort.state,
        applicationsOpenAt: cohort.applicationsOpenAt?.toISOString() ?? null,
        applicationsCloseAt: cohort.applicationsCloseAt?.toISOString() ?? null,
        revision: cohort.revision,
        // what the nodes' certificates name (issue 15)
        details: { name: cohort.name, programmeName: programme.name, language: programme.language, startsOn: cohort.startsOn, endsOn: cohort.endsOn },
      },
      cohort.updatedAt,
    );
    for (const receiver of new Set(receivers)) {
      if (this.directory.node(receiver)) await publishFact(manager, { receiver, kind: ProofType.COHORT_STATE, proof, subjects: [] });
    }
  }
}
