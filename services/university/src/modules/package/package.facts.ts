/**
 * Facts of programme events that hosts tell this node (DESIGN.md §9): an
 * event of cohorts (for everyone's package), and its people's registrations,
 * cancellations and attendance there (for theirs). Ids, codes and times only.
 */
import { homeNodeOf, ProofType, tryParseGlobalId, type DisclosureEndProof, type DisclosureProof, type EventAttendanceProof, type ProgrammeEventProof } from "@tandem/shared";
import type { FactApplication, FactHandlers } from "@tandem/party";
import type { EntityManager } from "typeorm";
import type { NodeDirectory } from "../../node-directory.js";
import { ParticipantEntity } from "../participant/participant.entity.js";
import type { ParticipationChange, ProgrammeLedger } from "./programme-ledger.js";

export function packageFactHandlers(directory: NodeDirectory, ledger: ProgrammeLedger): FactHandlers {
  /** Of this node's people who still exist here (an erased person's facts are dropped). */
  const keep = async (manager: EntityManager, participantId: string, change: Omit<ParticipationChange, "participantId">) => {
    const parsed = tryParseGlobalId(participantId);
    if (parsed?.kind !== "participant" || homeNodeOf(participantId) !== directory.self.id) return;
    if (!(await manager.existsBy(ParticipantEntity, { id: parsed.localId }))) return;
    await ledger.keepParticipation(manager, { ...change, participantId: parsed.localId });
  };
  return {
    [ProofType.PROGRAMME_EVENT]: async ({ manager, proof, audit }: FactApplication<ProgrammeEventProof>) => {
      const { eventId, kind, title, status, cohorts, revision } = proof;
      if (await ledger.keepEvent(manager, { eventId, kind, title, status, cohorts, revision, startsAt: new Date(proof.startsAt), endsAt: new Date(proof.endsAt) })) {
        audit.changed("programme-event", "ok", { targetId: eventId });
      }
    },
    [ProofType.EVENT_REGISTRATION]: async ({ manager, proof }: FactApplication<Extract<DisclosureProof, { type: "event-registration" }>>) =>
      keep(manager, proof.participantId, { registrationId: proof.registrationId, eventId: proof.eventId, active: true }),
    [ProofType.REGISTRATION_CANCELLED]: async ({ manager, proof }: FactApplication<Extract<DisclosureEndProof, { type: "registration-cancelled" }>>) =>
      keep(manager, proof.participantId, { registrationId: proof.registrationId, eventId: proof.eventId, active: false }),
    [ProofType.EVENT_ATTENDANCE]: async ({ manager, proof, audit }: FactApplication<EventAttendanceProof>) => {
      await keep(manager, proof.participantId, { registrationId: proof.registrationId, eventId: proof.eventId, attendance: { status: proof.attendance, revision: proof.revision } });
      audit.changed("event-attendance", "ok", { participantId: proof.participantId, targetId: proof.registrationId });
    },
  };
}
