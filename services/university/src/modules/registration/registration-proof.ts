import { ProofType, signProof, type SigningKey } from "@tandem/shared";
import type { NodeDirectory } from "../../node-directory.js";
import { EVENT_KIND } from "../event/event.type.js";
import type { RegistrationEntity } from "./registration.entity.js";
import { REGISTRATION_KIND } from "./registration.type.js";

/**
 * Signs, as this (host) node, that a participant registered for one of its
 * events, or that the registration was cancelled. The registrant's home node
 * records (or ends) a NAME grant from it, so that this node's coordinators
 * see the name while the registration lasts; the proofs reach it as facts
 * (DESIGN.md §9), the registration proof also by hand (recordDisclosure).
 */
export class RegistrationProofSigner {
  constructor(
    private readonly key: SigningKey,
    private readonly directory: NodeDirectory,
  ) {}

  /** The same registration always gives the same proof (dated at its registration). */
  registered(registration: Pick<RegistrationEntity, "id" | "eventId" | "participantId" | "registeredAt">): Promise<string> {
    return signProof(this.key, this.directory.self.id, { type: ProofType.EVENT_REGISTRATION, ...this.claims(registration) }, registration.registeredAt);
  }

  cancelled(registration: Pick<RegistrationEntity, "id" | "eventId" | "participantId" | "cancelledAt">): Promise<string> {
    return signProof(this.key, this.directory.self.id, { type: ProofType.REGISTRATION_CANCELLED, ...this.claims(registration) }, registration.cancelledAt ?? new Date());
  }

  /** The registrant's attendance, at its revision (the home node keeps the highest). */
  attendance(registration: Pick<RegistrationEntity, "id" | "eventId" | "participantId" | "attendance" | "attendanceRevision" | "attendanceRecordedAt">): Promise<string> {
    return signProof(
      this.key,
      this.directory.self.id,
      { type: ProofType.EVENT_ATTENDANCE, ...this.claims(registration), attendance: registration.attendance!, revision: registration.attendanceRevision },
      registration.attendanceRecordedAt ?? new Date(),
    );
  }

  private claims(registration: Pick<RegistrationEntity, "id" | "eventId" | "participantId">) {
    return {
      registrationId: this.directory.globalId(REGISTRATION_KIND, registration.id),
      eventId: this.directory.globalId(EVENT_KIND, registration.eventId),
      participantId: registration.participantId,
    };
  }
}
