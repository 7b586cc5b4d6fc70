/**
 * The concerns the office applies (DESIGN.md §9): a partner raised a concern
 * at their home node, which signed the codes and the statement's reference
 * (the inbox verified signature and signer); the author must be a partner of
 * the tandem. The statement itself stays at that node.
 */
import { ProofType, type ConcernRaisedProof } from "@tandem/shared";
import type { FactApplication, FactHandlers } from "@tandem/party";
import type { ConsortiumDirectory } from "../../consortium-directory.js";
import { partnerSide } from "../checkin/check-in.facts.js";
import type { MediationCaseService } from "./mediation-case.service.js";
import { MEDIATION_CASE_KIND } from "./mediation-case.type.js";

export function mediationFactHandlers(directory: ConsortiumDirectory, cases: Pick<MediationCaseService, "raise">): FactHandlers {
  return {
    [ProofType.CONCERN_RAISED]: async ({ manager, proof, audit }: FactApplication<ConcernRaisedProof>) => {
      await manager.query(`SELECT 1 FROM tandems WHERE id = $1 FOR UPDATE`, [directory.parseLocal(proof.tandemId, "tandem", "facts.proof.tandemId")]);
      const { side, tandem } = await partnerSide(manager, directory, proof.tandemId, proof.participantId);
      const found = await cases.raise(manager, proof, tandem, side);
      audit.changed("concern-raised", "ok", { participantId: proof.participantId, targetId: directory.globalId(MEDIATION_CASE_KIND, found.id) });
    },
  };
}
