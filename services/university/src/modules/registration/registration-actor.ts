import { AppError, ErrorCode, homeNodeOf, isUser, verifyParticipantActorProof } from "@tandem/shared";
import type { NodeContext } from "../../context.js";

/**
 * A participant of another node is registered here only on their home
 * node's signed word, passed by the gateway with the call, that they exist
 * and that the caller may act for them: never on the caller's claim alone.
 * (Participants of this node are checked against its own table.)
 */
export async function assertAttestedByHome(ctx: NodeContext, participantId: string): Promise<void> {
  if (homeNodeOf(participantId) === ctx.self) return;
  const actor = isUser(ctx.caller) ? ctx.caller.sub : "";
  for (const attestation of ctx.attestations) {
    const attested = await verifyParticipantActorProof(attestation, ctx.services.registry, { participantId, actor }).then(
      () => true,
      () => false,
    );
    if (attested) return;
  }
  throw new AppError(ErrorCode.INVALID_PROOF, `participantId: ${homeNodeOf(participantId)} did not attest that ${participantId} exists there and that you may act for them`, {
    field: "participantId",
  });
}
