import type { DataSource } from "typeorm";
import { type ConsortiumRegistry, type SigningKey } from "@tandem/shared";
import { FactInbox, combineFactHandlers } from "@tandem/party";
import type { NodeDirectory } from "./node-directory.js";
import { agreementFactHandlers } from "./modules/agreement/agreement.facts.js";
import { AgreementPublisher } from "./modules/agreement/agreement.publish.js";
import { AgreementService } from "./modules/agreement/agreement.service.js";
import { applicationFactHandlers } from "./modules/application/application.facts.js";
import { ApplicationRecords } from "./modules/application/application.record.js";
import { ApplicationReviewService } from "./modules/application/application-review.service.js";
import { ApplicationService } from "./modules/application/application.service.js";
import { AuditLogService } from "./modules/audit/audit-log.service.js";
import { disclosureFactHandlers } from "./modules/disclosure/disclosure.facts.js";
import { DisclosureService } from "./modules/disclosure/disclosure.service.js";
import { EventService } from "./modules/event/event.service.js";
import { DataExportService } from "./modules/gdpr/data-export.service.js";
import { ErasureService } from "./modules/gdpr/erasure.service.js";
import { ConflictTokens } from "./modules/matching/conflict-tokens.js";
import { MatchingConsentService } from "./modules/matching/matching-consent.service.js";
import { MatchingProfileService } from "./modules/matching/matching-profile.service.js";
import { MatchingPseudonymProofSigner } from "./modules/matching/matching-pseudonym-proof.js";
import { MatchingPseudonyms } from "./modules/matching/matching-pseudonyms.js";
import { ParticipantAttestationSigner } from "./modules/participant/participant-attestation.js";
import { ParticipantService } from "./modules/participant/participant.service.js";
import { activeTandemFactHandlers } from "./modules/active-tandem/active-tandem.facts.js";
import { completionFactHandlers } from "./modules/completion/completion.facts.js";
import { CompletionService } from "./modules/completion/completion.service.js";
import { ActiveTandemService } from "./modules/active-tandem/active-tandem.service.js";
import { MeetingService } from "./modules/meeting/meeting.service.js";
import { CheckInService } from "./modules/checkin/check-in.service.js";
import { ConcernService } from "./modules/concern/concern.service.js";
import { surveyFactHandlers } from "./modules/survey/survey.facts.js";
import { peerGroupFactHandlers } from "./modules/peer-group/peer-group.facts.js";
import { SurveyService } from "./modules/survey/survey.service.js";
import { EvaluationService } from "./modules/evaluation/evaluation.service.js";
import { MeetingTallies } from "./modules/meeting/meeting.tally.js";
import { programmeFactHandlers } from "./modules/programme/programme.facts.js";
import { ProgrammeStore } from "./modules/programme/programme.store.js";
import { RegistrationProofSigner } from "./modules/registration/registration-proof.js";
import { RegistrationService } from "./modules/registration/registration.service.js";
import { AttendanceService } from "./modules/registration/attendance.service.js";
import { EventProgrammeAnnouncer } from "./modules/event/event-programme.js";
import { packageFactHandlers } from "./modules/package/package.facts.js";
import { PackageService } from "./modules/package/package.service.js";
import { ProgrammeLedger } from "./modules/package/programme-ledger.js";
import { CalendarEntries } from "./modules/calendar/calendar-entries.js";
import { CalendarFeedService } from "./modules/calendar/calendar-feed.service.js";
import { credentialSigner } from "@tandem/shared/credentials";
import { CredentialService } from "./modules/credential/credential.service.js";

/** The node's service singletons, wired once at start. */
export interface NodeServices {
  directory: NodeDirectory;
  participants: ParticipantService;
  participantAttestations: ParticipantAttestationSigner;
  events: EventService;
  registrations: RegistrationService;
  registrationProofs: RegistrationProofSigner;
  /** Attendance at this node's events, recorded here; told to the attendees' home nodes. */
  attendance: AttendanceService;
  /** This node's people's programme packages (from the programme ledger). */
  packages: PackageService;
  completion: CompletionService;
  disclosures: DisclosureService;
  /** The coordination office's programme rules and cohort states, as its facts stated them. */
  programmes: ProgrammeStore;
  applications: ApplicationService;
  applicationReviews: ApplicationReviewService;
  /** Facts of other parties, delivered by the gateway: tandem acceptances and ends, registrations and cancellations, programme rules, cohort states, enrolment outcomes. */
  factInbox: FactInbox;
  /** The consortium registry: who signs what. */
  registry: ConsortiumRegistry;
  auditLog: AuditLogService;
  dataExport: DataExportService;
  erasure: ErasureService;
  matchingConsents: MatchingConsentService;
  matchingProfiles: MatchingProfileService;
  /** Agreements of accepted tandems: the text of those whose mentee lives here, the current version of those whose mentor does. */
  agreements: AgreementService;
  /** Tandems with a partner of this node, as the office's facts told them (active, ended). */
  activeTandems: ActiveTandemService;
  meetings: MeetingService;
  checkIns: CheckInService;
  evaluations: EvaluationService;
  /** Concerns partners of this node raised: their words stay here. */
  concerns: ConcernService;
  /** The office's interest surveys and this node's people's rankings (which stay here). */
  surveys: SurveyService;
  /** Participants' secret calendar feeds (hashed tokens). */
  calendarFeeds: CalendarFeedService;
  /** What this node puts into calendars. */
  calendarEntries: CalendarEntries;
  /** The gateway's public address: calendar feed URLs start with it. */
  calendarBaseUrl: string;
  /** Certificates this node issued to its people, and its revocation list. */
  credentials: CredentialService;
}

export interface NodeTrust {
  /** The consortium registry: who signs what (proofs are verified against it). */
  registry: ConsortiumRegistry;
  /** This node's own key: it signs registration, matching pseudonym and application record proofs. */
  signingKey: SigningKey;
  /** Keys of joint matching: this node's own for pseudonyms, the consortium's for conflict tokens. */
  matching: { pseudonymSecret: string; conflictSecret: string };
}

export function createNodeServices(dataSource: DataSource, directory: NodeDirectory, trust: NodeTrust, options: { calendarBaseUrl?: string } = {}): NodeServices {
  const registrationProofs = new RegistrationProofSigner(trust.signingKey, directory);
  const ledger = new ProgrammeLedger(directory);
  const registrations = new RegistrationService(dataSource, directory, registrationProofs, ledger);
  const disclosures = new DisclosureService(dataSource, directory, trust.registry);
  const auditLog = new AuditLogService(dataSource);
  const matchingConsents = new MatchingConsentService(dataSource, directory);
  const matchingProfiles = new MatchingProfileService(
    dataSource,
    directory,
    matchingConsents,
    new MatchingPseudonyms(trust.matching.pseudonymSecret),
    new ConflictTokens(trust.matching.conflictSecret),
    new MatchingPseudonymProofSigner(trust.signingKey, directory),
  );
  const programmes = new ProgrammeStore(dataSource);
  const applicationRecords = new ApplicationRecords(trust.signingKey, directory);
  const applicationReviews = new ApplicationReviewService(dataSource, directory, programmes, applicationRecords);
  const agreementPublisher = new AgreementPublisher(trust.signingKey, directory);
  const activeTandems = new ActiveTandemService(dataSource, directory);
  const surveys = new SurveyService(dataSource, directory, trust.signingKey);
  const credentials = credentialServiceOf(dataSource, directory, trust.signingKey, options.calendarBaseUrl ?? "http://127.0.0.1:4000");
  const factHandlers = combineFactHandlers(
    disclosureFactHandlers(disclosures),
    programmeFactHandlers(programmes),
    applicationFactHandlers(applicationReviews),
    agreementFactHandlers(directory, agreementPublisher),
    activeTandemFactHandlers(directory.self.id),
    packageFactHandlers(directory, ledger),
    surveyFactHandlers(surveys),
    peerGroupFactHandlers(directory.self.id),
    completionFactHandlers(directory.self.id),
  );
  return {
    directory,
    participants: new ParticipantService(dataSource, directory),
    participantAttestations: new ParticipantAttestationSigner(trust.signingKey, directory, dataSource),
    events: new EventService(dataSource, directory, registrations, new EventProgrammeAnnouncer(trust.signingKey, directory, ledger)),
    registrations,
    registrationProofs,
    attendance: new AttendanceService(dataSource, directory, registrationProofs, ledger),
    packages: new PackageService(dataSource, directory),
    completion: new CompletionService(dataSource, directory),
    disclosures,
    programmes,
    applications: new ApplicationService(dataSource, directory, programmes, applicationRecords),
    applicationReviews,
    factInbox: new FactInbox(dataSource, trust.registry, directory.self.id, factHandlers),
    registry: trust.registry,
    auditLog,
    dataExport: new DataExportService(dataSource, directory, disclosures, auditLog, matchingConsents),
    erasure: new ErasureService(dataSource, directory, credentials),
    matchingConsents,
    matchingProfiles,
    agreements: new AgreementService(dataSource, directory, agreementPublisher),
    activeTandems,
    meetings: new MeetingService(dataSource, directory, activeTandems, new MeetingTallies(trust.signingKey, directory)),
    checkIns: new CheckInService(dataSource, directory, activeTandems, trust.signingKey),
    evaluations: new EvaluationService(dataSource, directory, activeTandems, trust.signingKey),
    concerns: new ConcernService(dataSource, directory, trust.signingKey),
    surveys,
    calendarFeeds: new CalendarFeedService(dataSource, directory),
    calendarEntries: new CalendarEntries(dataSource, directory),
    calendarBaseUrl: options.calendarBaseUrl ?? "http://127.0.0.1:4000",
    credentials,
  };
}

/** Certificates are signed with the node's registry key, under the public gateway's did:web. */
function credentialServiceOf(dataSource: DataSource, directory: NodeDirectory, signingKey: SigningKey, publicGatewayUrl: string): CredentialService {
  return new CredentialService(dataSource, directory, { publicGatewayUrl, signer: credentialSigner(signingKey, directory.self.id, publicGatewayUrl) });
}
