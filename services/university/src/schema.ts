/**
 * The university subgraph: the same schema at every node. Resolvers,
 * reference resolvers and entities are listed here explicitly, and who may
 * run each operation in the access table.
 */
import { FactInboxResolver, buildSubgraph, type AccessTable, type Subgraph } from "@tandem/party";
import type { NodeContext } from "./context.js";
import { NODE_ACCESS } from "./modules/access/access.table.js";
import { AgreementResolver } from "./modules/agreement/agreement.resolver.js";
import { agreementReference } from "./modules/agreement/agreement.reference.js";
import { ApplicationResolver } from "./modules/application/application.resolver.js";
import { applicationReference } from "./modules/application/application.reference.js";
import { AuditLogResolver } from "./modules/audit/audit-log.resolver.js";
import { DisclosureResolver } from "./modules/disclosure/disclosure.resolver.js";
import { EventResolver } from "./modules/event/event.resolver.js";
import { EventTextsResolver } from "./modules/event/event-translations.js";
import { eventReference } from "./modules/event/event.reference.js";
import { GdprResolver } from "./modules/gdpr/gdpr.resolver.js";
import { MatchingResolver } from "./modules/matching/matching.resolver.js";
import { ParticipantAttestationResolver } from "./modules/participant/participant-attestation.resolver.js";
import { ParticipantDisclosureResolver } from "./modules/participant/participant-disclosure.resolver.js";
import { ParticipantCodedFieldsResolver } from "./modules/participant/participant-coded.resolver.js";
import { ParticipantMatchingFieldsResolver } from "./modules/participant/participant-matching.resolver.js";
import { ParticipantPersonalFieldsResolver } from "./modules/participant/participant-personal.resolver.js";
import { ParticipantResolver } from "./modules/participant/participant.resolver.js";
import { participantReference } from "./modules/participant/participant.reference.js";
import { EventRegistrationsResolver, RegistrationResolver } from "./modules/registration/registration.resolver.js";
import { registrationReference } from "./modules/registration/registration.reference.js";
import { MeetingResolver } from "./modules/meeting/meeting.resolver.js";
import { meetingReference } from "./modules/meeting/meeting.reference.js";
import { concernReference } from "./modules/concern/concern.reference.js";
import { ConcernResolver } from "./modules/concern/concern.resolver.js";
import { CheckInResolver } from "./modules/checkin/check-in.resolver.js";
import { EvaluationResolver } from "./modules/evaluation/evaluation.resolver.js";
import { AttendanceResolver } from "./modules/registration/attendance.resolver.js";
import { PackageResolver } from "./modules/package/package.resolver.js";
import { CompletionResolver } from "./modules/completion/completion.resolver.js";
import { SurveyResolver } from "./modules/survey/survey.resolver.js";
import { CalendarResolver } from "./modules/calendar/calendar.resolver.js";
import { EventPeerGroupResolver } from "./modules/event/event-peer-group.resolver.js";
import { CredentialResolver } from "./modules/credential/credential.resolver.js";

export const SUBGRAPH_NAME = "university";

/** `access` is the table every operation must appear in (tests leave one out to see the subgraph refused). */
export function buildUniversitySubgraph(access: AccessTable<NodeContext> = NODE_ACCESS): Promise<Subgraph> {
  return buildSubgraph({
    resolvers: [
      ParticipantResolver,
      ParticipantPersonalFieldsResolver,
      ParticipantCodedFieldsResolver,
      ParticipantMatchingFieldsResolver,
      ParticipantDisclosureResolver,
      ParticipantAttestationResolver,
      EventResolver,
      EventTextsResolver,
      RegistrationResolver,
      EventRegistrationsResolver,
      DisclosureResolver,
      AuditLogResolver,
      GdprResolver,
      MatchingResolver,
      ApplicationResolver,
      FactInboxResolver,
      AgreementResolver,
      MeetingResolver,
      CheckInResolver,
      EvaluationResolver,
      ConcernResolver,
      AttendanceResolver,
      PackageResolver,
      CompletionResolver,
      SurveyResolver,
      CalendarResolver,
      EventPeerGroupResolver,
      CredentialResolver,
    ],
    referenceResolvers: { ...participantReference, ...eventReference, ...registrationReference, ...applicationReference, ...agreementReference, ...meetingReference, ...concernReference },
    access,
  });
}
