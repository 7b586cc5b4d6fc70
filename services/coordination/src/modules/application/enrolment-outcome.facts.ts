/**
 * What an applicant's home node learns of an accepted application: enrolled
 * (with the enrolment), waitlisted (with the place on the waitlist of its
 * node and role) or withdrawn, as an enrolment-outcome fact signed by the
 * coordination office (DESIGN.md §9), with a revision that increases per
 * application, written in the transaction of the change.
 */
import type { EntityManager } from "typeorm";
import { ProofType, signProof, type SigningKey } from "@tandem/shared";
import { publishFact } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import { COHORT_KIND } from "../cohort/cohort.type.js";
import { ENROLMENT_KIND } from "../enrolment/enrolment.type.js";
import type { ApplicationRecordEntity, Placement } from "./application-record.entity.js";

export class EnrolmentOutcomeFacts {
  constructor(
    private readonly directory: ConsortiumDirectory,
    private readonly signingKey: SigningKey,
  ) {}

  /** The record's placement, as of its outcome revision, to its home node. */
  async send(manager: EntityManager, record: ApplicationRecordEntity & { placement: Placement }, at: Date): Promise<void> {
    const proof = await signProof(
      this.signingKey,
      this.directory.selfId,
      {
        type: ProofType.ENROLMENT_OUTCOME,
        applicationId: record.applicationId,
        cohortId: this.directory.globalId(COHORT_KIND, record.cohortId),
        participantId: record.participantId,
        status: record.placement,
        enrolmentId: record.enrolmentId && record.placement !== "WAITLISTED" ? this.directory.globalId(ENROLMENT_KIND, record.enrolmentId) : null,
        waitlistPosition: record.placement === "WAITLISTED" ? record.waitlistPosition : null,
        revision: record.outcomeRevision,
      },
      at,
    );
    await publishFact(manager, { receiver: record.nodeId, kind: ProofType.ENROLMENT_OUTCOME, proof, subjects: [record.participantId] });
  }
}
