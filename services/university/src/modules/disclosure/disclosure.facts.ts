/**
 * The facts a node applies (DESIGN.md §9), delivered by the gateway: a
 * tandem both partners accepted (signed by the coordination office) and a
 * registration at another node's event (signed by the host) grant
 * disclosure; the tandem's end and the registration's cancellation end it.
 * The same checks as a proof recorded by hand (recordDisclosure), which
 * stays as a fallback.
 */
import { ProofType, tryParseGlobalId, type DisclosureEndProof, type DisclosureProof } from "@tandem/shared";
import type { FactApplication, FactHandlers } from "@tandem/party";
import type { DisclosureService } from "./disclosure.service.js";

export function disclosureFactHandlers(disclosures: DisclosureService): FactHandlers {
  const grant = async ({ proof, source, audit }: FactApplication<DisclosureProof>) => {
    const verified = disclosures.checkIds(proof);
    const recorded = await disclosures.record(disclosures.grantsOf(verified), `fact:${source}`);
    for (const entry of recorded) {
      audit.changed(`grant:${entry.scope}`, "ok", { participantId: disclosures.participantGlobalId(entry.participantId), targetId: entry.referenceId });
    }
  };
  const end = async ({ proof, audit }: FactApplication<DisclosureEndProof>) => {
    const referenceId = proof.type === ProofType.TANDEM_ENDED ? proof.tandemId : proof.registrationId;
    if (!tryParseGlobalId(referenceId)) return;
    for (const entry of await disclosures.end(referenceId)) {
      audit.changed(`grant-ended:${entry.scope}`, "ok", { participantId: disclosures.participantGlobalId(entry.participantId), targetId: referenceId });
    }
  };
  return {
    [ProofType.TANDEM_ACCEPTED]: grant,
    [ProofType.EVENT_REGISTRATION]: grant,
    [ProofType.TANDEM_ENDED]: end,
    [ProofType.REGISTRATION_CANCELLED]: end,
  };
}
