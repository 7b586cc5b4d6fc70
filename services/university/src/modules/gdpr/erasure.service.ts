/**
 * Erasure at this node (GDPR art. 17): the home node deletes the person's
 * profile and the grants they gave; every node deletes grants naming them
 * and anonymises registrations referring to them. Running it again finds
 * nothing left and confirms with zero counts.
 */
import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { formatGlobalId } from "@tandem/shared";
import type { NodeDirectory } from "../../node-directory.js";
import { DisclosureGrantEntity } from "../disclosure/disclosure-grant.entity.js";
import { ParticipantEntity } from "../participant/participant.entity.js";
import { PARTICIPANT_KIND } from "../participant/participant.type.js";
import { RegistrationEntity } from "../registration/registration.entity.js";
import type { ErasureConfirmation } from "@tandem/shared";

/** Kind of an anonymised participant reference: the gateway never resolves it to a Participant. */
export const ERASED_KIND = "erased";

export class ErasureService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: NodeDirectory,
  ) {}

  async erase(participantId: string): Promise<ErasureConfirmation> {
    const person = this.directory.parseReference(participantId, PARTICIPANT_KIND, "participantId");
    const atHome = person.node === this.directory.self.id;
    return this.dataSource.transaction(async (manager) => {
      let removedRecords = 0;
      let heldPersonalData = false;
      if (atHome) {
        removedRecords += (await manager.delete(DisclosureGrantEntity, { participantId: person.localId })).affected ?? 0;
        const profiles = (await manager.delete(ParticipantEntity, { id: person.localId })).affected ?? 0;
        heldPersonalData = profiles > 0;
        removedRecords += profiles;
      }
      removedRecords += (await manager.delete(DisclosureGrantEntity, { grantee: participantId })).affected ?? 0;
      const replacement = formatGlobalId(person.node, ERASED_KIND, randomUUID());
      const anonymisedRecords = (await manager.update(RegistrationEntity, { participantId }, { participantId: replacement })).affected ?? 0;
      return { party: this.directory.self.id, participantId, heldPersonalData, removedRecords, anonymisedRecords, confirmedAt: new Date() };
    });
  }
}
