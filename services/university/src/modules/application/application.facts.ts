/**
 * What the coordination office made of an accepted application, delivered as
 * a signed fact (DESIGN.md §9): the applicant's status follows it.
 */
import { ProofType, type EnrolmentOutcomeProof } from "@tandem/shared";
import type { FactApplication, FactHandlers } from "@tandem/party";
import { assertStorable } from "../programme/programme.facts.js";
import type { ApplicationReviewService } from "./application-review.service.js";

export function applicationFactHandlers(reviews: ApplicationReviewService): FactHandlers {
  const outcome = async ({ manager, proof, audit }: FactApplication<EnrolmentOutcomeProof>) => {
    assertStorable(proof.revision, "revision");
    assertStorable(proof.waitlistPosition, "waitlistPosition");
    const changed = await reviews.applyOutcome(manager, proof);
    audit.changed(`enrolment-outcome:${proof.status}`, changed ? "ok" : "unchanged", { participantId: proof.participantId, targetId: proof.applicationId });
  };
  return { [ProofType.ENROLMENT_OUTCOME]: outcome };
}
