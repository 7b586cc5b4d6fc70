import { ProofType, signProof, type SigningKey } from "@tandem/shared";
import type { NodeDirectory } from "../../node-directory.js";
import { EVENT_KIND } from "../event/event.type.js";
import type { Registration } from "./registration.type.js";

/**
 * Signs, as this (host) node, that a participant registered for one of its
 * events. The registrant's home node records a NAME grant from it
 * (recordDisclosure), so that this node's coordinators see the name.
 */
export class RegistrationProofSigner {
  constructor(
    private readonly key: SigningKey,
    private readonly directory: NodeDirectory,
  ) {}

  sign(registration: Registration): Promise<string> {
    return signProof(
      this.key,
      this.directory.self.id,
      {
        type: ProofType.EVENT_REGISTRATION,
        registrationId: registration.id,
        eventId: this.directory.globalId(EVENT_KIND, registration.eventLocalId),
        participantId: registration.participantId,
      },
      registration.registeredAt,
    );
  }
}
