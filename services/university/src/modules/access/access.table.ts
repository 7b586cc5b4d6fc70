/**
 * Who may run each operation of the university subgraph: every root field,
 * field resolver and reference resolver names its rule here, and the node
 * refuses to start (NO_ACCESS_RULE) when one does not. The rules are in
 * access.rules.ts, the disclosure policy in the disclosure module; the
 * checks run in one place (@tandem/party access/guard-resolvers.ts).
 */
import { FACT_INBOX_ACCESS, before, emptyConnection, inside, onResult, withParent, type Access, type AccessTable, type Resolution } from "@tandem/party";
import type { NodeContext } from "../../context.js";
import { personalFields, PERSONAL_FIELDS } from "../disclosure/disclosure.policy.js";
import type { Event } from "../event/event.type.js";
import { CODED_FIELDS, MATCHING_FIELDS, PARTICIPANT_KIND, type Participant } from "../participant/participant.type.js";
import type { Registration } from "../registration/registration.type.js";
import { rules } from "./access.rules.js";
import type { TandemPartners } from "../active-tandem/active-tandem.service.js";
import type { Meeting } from "../meeting/meeting.type.js";
import type { ConcernView } from "../concern/concern.service.js";
import type { Concern } from "../concern/concern.type.js";
import type { Credential } from "../credential/credential.type.js";

type Table = AccessTable<NodeContext>;

/** A participant id argument naming someone of this node: malformed or foreign ones are the caller's input error, before any rule judges them. */
const localParticipant =
  (arg: string) =>
  ({ args, ctx }: Resolution<NodeContext>): string => {
    ctx.services.directory.parseLocal(args[arg] as string, PARTICIPANT_KIND, arg);
    return args[arg] as string;
  };

/** A participant id argument naming someone of any node of the consortium. */
const anyParticipant =
  (arg: string) =>
  ({ args, ctx }: Resolution<NodeContext>): string => {
    ctx.services.directory.parseReference(args[arg] as string, PARTICIPANT_KIND, arg);
    return args[arg] as string;
  };

const nullInstead = () => null;

const visibleEvent = [before<NodeContext>(rules.readEvents), onResult<NodeContext, Pick<Event, "visibility"> | null | undefined, Event>(rules.seeEvent, { otherwise: nullInstead })];
/** A registration is seen by those rule registration.read lets through, and only when its event is visible to them (event.node-only). */
const visibleRegistration = [
  onResult<NodeContext, string, Registration>(rules.readRegistration, { target: (registration) => registration.participantId }),
  onResult<NodeContext, Pick<Event, "visibility"> | null | undefined, Registration>(rules.seeEvent, { target: (registration, ctx) => ctx.loaders.event.load(registration.eventLocalId) }),
];

/** A field a rule or the disclosure policy refuses is withheld: null, named in `Participant.disclosure`, counted in the answer's one NOT_DISCLOSED summary. */
const participantFields: Table = Object.fromEntries([
  ...PERSONAL_FIELDS.map((field) => [`Participant.${field}`, inside<NodeContext>(personalFields)]),
  ...CODED_FIELDS.map((field) => [`Participant.${field}`, before<NodeContext>(rules.readCodedFields, { otherwise: "withhold" })]),
  ...MATCHING_FIELDS.map((field) => [`Participant.${field}`, before<NodeContext, string>(rules.readMatchingFields, { target: ({ parent }) => (parent as Participant).id, otherwise: "withhold" })]),
  // asks the disclosure policy and the rules of the coded and matching fields
  ["Participant.disclosure", inside<NodeContext>(personalFields)],
]) as Record<string, Access<NodeContext>>;

export const NODE_ACCESS: Table = {
  "Query.participant": before(rules.readParticipant),
  "Query.participants": before(rules.listParticipants, { addressed: "node" }),
  "Participant.__resolveReference": before(rules.readParticipant),
  ...participantFields,
  "Query.participantAttestation": before(rules.actForParticipant, { target: localParticipant("participantId") }),
  "Mutation.createParticipant": before(rules.createParticipant, { addressed: "node" }),
  "Mutation.updateParticipant": before(rules.updateParticipant, { target: localParticipant("id") }),
  "Mutation.createMyProfile": before(rules.createOwnProfile, {
    target: (resolution) => ({ participantId: localParticipant("participantId")(resolution), role: (resolution.args.input as { role: string }).role }),
  }),

  "Query.event": visibleEvent,
  "Event.__resolveReference": visibleEvent,
  // the list applies event.node-only in SQL (ctx.access.scope)
  "Query.events": [before(rules.readEvents), inside(rules.seeEvent)],
  "Event.confirmedCount": withParent(),
  "Event.waitlistCount": withParent(),
  "Event.seatsLeft": withParent(),
  "Event.peerGroupId": withParent(),
  // texts in the language asked for (README: Languages): whoever sees the event
  "Event.title": withParent(),
  "Event.description": withParent(),
  "Mutation.createEvent": before(rules.manageEvents, { addressed: "node" }),
  "Mutation.updateEvent": before(rules.manageEvents),
  "Mutation.cancelEvent": before(rules.manageEvents),

  "Query.registration": visibleRegistration,
  "Registration.__resolveReference": visibleRegistration,
  "Query.participantRegistrations": [before(rules.readRegistration, { target: anyParticipant("participantId"), otherwise: () => emptyConnection() }), inside(rules.seeEvent)],
  "Event.registrations": onResult<NodeContext, string, Registration>(rules.readRegistration, { target: (registration) => registration.participantId }),
  "Registration.event": onResult<NodeContext, Pick<Event, "visibility">, Event>(rules.seeEvent),
  "Registration.waitlistPosition": withParent(),
  // only for an active registration of a person; the resolver asks once it knows
  "Registration.disclosureProof": inside(rules.readDisclosureProof),
  "Mutation.registerForEvent": before(rules.register, { target: anyParticipant("participantId") }),
  // the registrant is known once the registration is loaded
  "Mutation.cancelRegistration": inside(rules.cancelRegistration),

  "Mutation.recordAttendance": before(rules.recordAttendance),
  "Mutation.issueCheckInCode": before(rules.recordAttendance),
  // the registrant is known once the registration is loaded
  "Mutation.checkInToEvent": inside(rules.checkIn),
  "Query.programmePackage": before(rules.readPackage, { target: localParticipant("participantId") }),
  "Query.packageCompletion": before(rules.readPackageCompletion, { addressed: "node" }),
  "Query.completionProgress": before(rules.readCompletion, { target: localParticipant("participantId") }),

  // the proof names who may record it, once verified
  "Mutation.recordDisclosure": inside(rules.recordDisclosure),
  "Query.disclosureGrants": before(rules.readGrants, { target: localParticipant("participantId") }),
  "Query.auditLog": before(rules.readAuditLog, { addressed: "node" }),
  "Query.exportParticipantData": before(rules.exerciseDataRights, { addressed: "node", target: anyParticipant("participantId") }),
  "Mutation.eraseParticipantData": before(rules.exerciseDataRights, { addressed: "node", target: anyParticipant("participantId") }),

  "Mutation.consentToMatching": before(rules.manageMatchingConsent, { target: localParticipant("participantId") }),
  "Mutation.withdrawMatchingConsent": before(rules.manageMatchingConsent, { target: localParticipant("participantId") }),
  "Query.matchingConsents": before(rules.readMatchingConsents, { target: localParticipant("participantId") }),
  "Query.matchingProfiles": before(rules.readMatchingProfiles),
  "Query.myMatchingPseudonym": before(rules.readOwnMatchingPseudonym, { target: localParticipant("participantId") }),
  "Query.reidentifyPseudonyms": before(rules.reidentifyPseudonyms, { addressed: "node" }),

  // what the applicant wrote: the applicant, their node's coordinators once submitted, joint coordinators what the applicant shared with them
  "Query.application": inside(rules.readApplication),
  "Application.__resolveReference": inside(rules.readApplication),
  "Query.myApplications": before(rules.readOwnApplications, { target: localParticipant("participantId") }),
  // the list applies application.read in SQL (ctx.access.scope)
  "Query.reviewApplications": [before(rules.listApplications, { addressed: "node" }), inside(rules.readApplication)],
  "Application.participant": withParent(),
  "Application.matchingConsentNeeded": withParent(),
  "Application.applicationsCloseAt": withParent(),
  "Mutation.saveApplication": before(rules.apply, { target: localParticipant("participantId") }),
  "Mutation.submitApplication": before(rules.apply, { target: localParticipant("participantId") }),
  "Mutation.withdrawApplication": before(rules.apply, { target: localParticipant("participantId") }),
  "Mutation.withdrawJointOfficeConsent": before(rules.apply, { target: localParticipant("participantId") }),
  // who decides depends on the locked application (its consent, the programme's reviewer)
  "Mutation.reviewApplication": inside(rules.reviewApplication),

  ...FACT_INBOX_ACCESS,

  // the agreement's partners are known once its tandem is loaded (and the partner grant looked up)
  "Query.agreement": inside(rules.readAgreement),
  "Agreement.__resolveReference": inside(rules.readAgreement),
  "Mutation.draftAgreement": inside(rules.draftAgreement),
  "Mutation.reviseAgreement": inside(rules.reviseAgreement),
  "Mutation.signAgreement": inside(rules.signAgreement),
  // a tandem's meetings: the pair only (the tandem is known once loaded; a meeting names its partners)
  "Query.meetings": inside(rules.readMeetings),
  "Query.meeting": onResult<NodeContext, TandemPartners, Meeting>(rules.readMeetings),
  "Meeting.__resolveReference": onResult<NodeContext, TandemPartners, Meeting>(rules.readMeetings),
  "Meeting.notes": before<NodeContext, TandemPartners>(rules.readMeetingNotes, { target: ({ parent }) => parent as Meeting, otherwise: nullInstead }),
  "Mutation.logMeeting": inside(rules.logMeeting),
  "Mutation.confirmMeeting": inside(rules.confirmMeeting),

  // a check-in's answer: its author only (their partner, their coordinators and the joint office see none of it here)
  "Query.checkIns": before(rules.readCheckIns, { target: localParticipant("participantId") }),
  "Mutation.answerCheckIn": before(rules.answerCheckIn, { target: localParticipant("participantId") }),

  // a final evaluation: its author only (the comment never leaves this node)
  "Query.myEvaluation": before(rules.readOwnEvaluation, { target: localParticipant("participantId") }),
  "Mutation.submitEvaluation": before(rules.evaluate, { target: localParticipant("participantId") }),

  // a concern: its author; its codes for the coordinators, its words for the mediators only while the author lets them
  "Query.concern": onResult<NodeContext, ConcernView, Concern>(rules.readConcern),
  "Concern.__resolveReference": onResult<NodeContext, ConcernView, Concern>(rules.readConcern, { otherwise: nullInstead }),
  "Concern.statement": before<NodeContext, ConcernView>(rules.readConcernStatement, { target: ({ parent }) => parent as Concern, otherwise: nullInstead }),
  "Query.myConcerns": before(rules.readOwnConcerns, { target: localParticipant("participantId") }),
  "Mutation.raiseConcern": before(rules.raiseConcern, { target: localParticipant("participantId") }),
  // a ranking is the person's own: not even their node's coordinators read it (the office receives sums)
  "Query.myInterestSurveys": before(rules.readOwnSurveys, { target: localParticipant("participantId") }),
  "Mutation.rankSurveyTopics": before(rules.rankSurveyTopics, { target: localParticipant("participantId") }),
  "Mutation.updateConcern": inside(rules.updateConcern),

  "Mutation.createCalendarFeed": before(rules.manageCalendarFeed, { target: localParticipant("participantId") }),
  "Mutation.revokeCalendarFeed": before(rules.manageCalendarFeed, { target: localParticipant("participantId") }),

  // certificates: a foreign participant id is refused before the rule (WRONG_NODE): only the holder's home node issues
  "Mutation.issueCertificate": before(rules.issueCertificate, { target: localParticipant("participantId") }),
  "Mutation.revokeCertificate": before(rules.revokeCertificate),
  "Query.credentials": before(rules.readCredentials, { target: localParticipant("participantId") }),
  "Query.credential": onResult<NodeContext, string | null, Credential>(rules.readCredentials, { target: (credential) => credential.participantId, otherwise: nullInstead }),
  "Credential.pdf": withParent(),
};
