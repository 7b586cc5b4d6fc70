/**
 * Erasure at this node (GDPR art. 17): the home node deletes the person's
 * profile, the grants they gave and their consents to joint matching, and
 * revokes their certificates (keeping the bit, naming no one); every
 * node deletes grants naming them and replaces every reference to them
 * (registrations, audit log) with one pseudonym. Running it again finds
 * nothing left and confirms with zero counts.
 */
import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { formatGlobalId } from "@tandem/shared";
import { anonymiseAuditEntries, forgetFactsNaming, forgetIdempotentAnswers, inTransaction } from "@tandem/party";
import type { NodeDirectory } from "../../node-directory.js";
import { eraseFromAgreements } from "../agreement/agreement.gdpr.js";
import { ApplicationEntity } from "../application/application.entity.js";
import { ActiveTandemEntity } from "../active-tandem/active-tandem.entity.js";
import { CheckInEntity } from "../checkin/check-in.entity.js";
import { SurveyRankingEntity } from "../survey/survey.entity.js";
import { ConcernEntity } from "../concern/concern.entity.js";
import { CalendarFeedEntity } from "../calendar/calendar-feed.entity.js";
import { EvaluationEntity } from "../evaluation/evaluation.entity.js";
import { MeetingEntity } from "../meeting/meeting.entity.js";
import { DisclosureGrantEntity } from "../disclosure/disclosure-grant.entity.js";
import { MatchingConsentEntity } from "../matching/matching-consent.entity.js";
import { ParticipantEntity } from "../participant/participant.entity.js";
import { PARTICIPANT_KIND } from "../participant/participant.type.js";
import { RegistrationEntity } from "../registration/registration.entity.js";
import type { ErasureConfirmation } from "@tandem/party";
import { eraseCredentialsOf } from "../credential/credential.gdpr.js";
import type { CredentialService } from "../credential/credential.service.js";

/** Kind of an anonymised participant reference: the gateway never resolves it to a Participant. */
export const ERASED_KIND = "erased";

export class ErasureService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: NodeDirectory,
    private readonly credentials: CredentialService,
  ) {}

  /** The confirmation, and the pseudonym that now stands for the person here (for this request's own audit entries). */
  async erase(participantId: string): Promise<{ confirmation: ErasureConfirmation; pseudonym: string }> {
    const person = this.directory.parseReference(participantId, PARTICIPANT_KIND, "participantId");
    const atHome = person.node === this.directory.self.id;
    return inTransaction(this.dataSource, async (manager) => {
      let removedRecords = 0;
      let heldPersonalData = false;
      let credentials = 0;
      if (atHome) {
        // certificates: revoked (copies verify as REVOKED), then the document and the holder's id dropped; the status bit stays
        credentials = await eraseCredentialsOf(manager, this.credentials, person.localId);
        removedRecords += (await manager.delete(DisclosureGrantEntity, { participantId: person.localId })).affected ?? 0;
        removedRecords += (await manager.delete(MatchingConsentEntity, { participantId: person.localId })).affected ?? 0;
        removedRecords += (await manager.delete(ApplicationEntity, { participantId: person.localId })).affected ?? 0;
        removedRecords += (await manager.delete(MeetingEntity, { menteeId: person.localId })).affected ?? 0;
        removedRecords += (await manager.delete(CheckInEntity, { participantId: person.localId })).affected ?? 0;
        removedRecords += (await manager.delete(ConcernEntity, { participantId: person.localId })).affected ?? 0;
        removedRecords += (await manager.delete(EvaluationEntity, { participantId: person.localId })).affected ?? 0;
        // sums the office received already keep the answer, counted among others: they name no one
        removedRecords += (await manager.delete(SurveyRankingEntity, { participantId: person.localId })).affected ?? 0;
        removedRecords += (await manager.delete(CalendarFeedEntity, { participantId: person.localId })).affected ?? 0;
        const profiles = (await manager.delete(ParticipantEntity, { id: person.localId })).affected ?? 0;
        heldPersonalData = profiles > 0;
        removedRecords += profiles;
      }
      removedRecords += (await manager.delete(DisclosureGrantEntity, { grantee: participantId })).affected ?? 0;
      const replacement = formatGlobalId(person.node, ERASED_KIND, randomUUID());
      const registrations = (await manager.update(RegistrationEntity, { participantId }, { participantId: replacement })).affected ?? 0;
      const agreements = await eraseFromAgreements(manager, participantId, replacement);
      removedRecords += agreements.removed;
      // a partner's tandem record keeps the tandem, naming the erased person by the pseudonym only (who can no longer act in it)
      const asMentee = (await manager.update(ActiveTandemEntity, { menteeId: participantId }, { menteeId: replacement })).affected ?? 0;
      const asMentor = (await manager.update(ActiveTandemEntity, { mentorId: participantId }, { mentorId: replacement })).affected ?? 0;
      // the office's rosters named them: its next roster will not (its erasure tells this node)
      await manager.query(`UPDATE peer_group_rosters SET members = array_remove(members, $1) WHERE $1 = ANY(members)`, [participantId]);
      const auditEntries = await anonymiseAuditEntries(manager, participantId, replacement);
      removedRecords += await forgetIdempotentAnswers(manager, participantId);
      removedRecords += await forgetFactsNaming(manager, participantId);
      const confirmation = {
        party: this.directory.self.id,
        participantId,
        heldPersonalData,
        removedRecords,
        anonymisedRecords: registrations + agreements.anonymised + asMentee + asMentor + auditEntries + credentials,
        confirmedAt: new Date(),
      };
      return { confirmation, pseudonym: replacement };
    });
  }
}
