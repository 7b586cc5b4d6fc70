import { AppError, ErrorCode, homeNodeOf, isUser, verifyParticipantActorProof, type CohortMembership } from "@tandem/shared";
import type { NodeContext } from "../../context.js";

/**
 * A participant of another node is registered here only on their home
 * node's signed word, passed by the gateway with the call, that they exist
 * and that the caller may act for them: never on the caller's claim alone.
 * The same word states the cohorts they are enrolled in and their role in
 * each (the home node knows them from the office's enrolment outcomes):
 * what an event of a cohort admits by. Null for participants of this node,
 * whom this node checks against its own tables.
 */
export async function assertAttestedByHome(ctx: NodeContext, participantId: string): Promise<CohortMembership[] | null> {
  if (homeNodeOf(participantId) === ctx.self) return null;
  const actor = isUser(ctx.caller) ? ctx.caller.sub : "";
  for (const attestation of ctx.attestations) {
    const attested = await verifyParticipantActorProof(attestation, ctx.services.registry, { participantId, actor }).then(
      (proof) => proof,
      () => null,
    );
    if (attested) return attested.memberships;
  }
  throw new AppError(ErrorCode.INVALID_PROOF, `participantId: ${homeNodeOf(participantId)} did not attest that ${participantId} exists there and that you may act for them`, {
    field: "participantId",
  });
}
