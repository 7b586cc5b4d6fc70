/**
 * Who may do what at a university node, every rule by name in one place.
 * Each operation of the subgraph names its rule in access.table.ts, where
 * it is checked; resolvers and services that need a rule at a target only
 * they hold ask `ctx.access`. A refusal names the rule, so that a caller
 * knows what it lacks. The disclosure of a participant's fields is the
 * disclosure policy's (modules/disclosure/disclosure.policy.ts).
 */
import { ProofType, hasRole, homeNodeOf, isJointCoordinator, isNodeCoordinatorOf, isSubject, isUser, rule, scopedRule, type Caller, type DisclosureProof, type Role } from "@tandem/shared";
import type { AgreementAccessView } from "../agreement/agreement.service.js";
import type { ApplicationAccessView } from "../application/application-review.service.js";
import type { ReviewScope } from "../application/application.service.js";
import { codedFieldsRule, matchingFieldsRule } from "../disclosure/disclosure.policy.js";
import type { EventEntity } from "../event/event.entity.js";
import { sideOf, type TandemPartners } from "../active-tandem/active-tandem.service.js";
import { isEventVisibleTo, type Viewer } from "../event/event.service.js";
import type { ConcernView } from "../concern/concern.service.js";

const anyUser = (caller: Caller) => isUser(caller);
const coordinatorHere = (caller: Caller, _target: void, nodeId: string) => isNodeCoordinatorOf(caller, nodeId);
/** A coordinator of the node a participant id names (erased references keep their node). */
const homeCoordinatorOf = (caller: Caller, participantId: string) => {
  const home = homeNodeOf(participantId);
  return home !== null && isNodeCoordinatorOf(caller, home);
};

/** The home node that decides which events a caller sees. */
export function viewerHomeNode(caller: Caller): string | null {
  return isUser(caller) ? caller.homeNode : null;
}

/** Read only when an event is node-only, so that answers not depending on the home node are shared. */
function viewerOf(caller: Caller): Viewer {
  return {
    get homeNode() {
      return viewerHomeNode(caller);
    },
  };
}

export const rules = {
  readParticipant: rule("participant.read", "authenticated users (pseudonymous fields)", anyUser),
  readCodedFields: codedFieldsRule,
  listParticipants: rule("participants.list", "coordinators of this node", coordinatorHere),
  createParticipant: rule("participant.create", "coordinators of this node", coordinatorHere),
  updateParticipant: rule<string>("participant.update", "the person and coordinators of their home node", (c, id, n) => isSubject(c, id) || isNodeCoordinatorOf(c, n)),
  actForParticipant: rule<string>("participant.actFor", "the person and coordinators of their home node", (c, id, n) => isSubject(c, id) || isNodeCoordinatorOf(c, n)),

  readEvents: rule("event.read", "authenticated users", anyUser),
  /** Node-only events are shown to, and accept registrations of, people whose home is this node; lists apply it in SQL. */
  seeEvent: scopedRule<Pick<EventEntity, "visibility"> | null | undefined, Viewer>(
    "event.node-only",
    "people of this node",
    (c, event, n) => !!event && isEventVisibleTo(event, viewerOf(c), n),
    viewerOf,
  ),
  manageEvents: rule("event.manage", "coordinators of this node", coordinatorHere),

  register: rule<string>("registration.create", "the participant and coordinators of their home node", (c, pid) => isSubject(c, pid) || homeCoordinatorOf(c, pid)),
  cancelRegistration: rule<string>(
    "registration.cancel",
    "the registrant and coordinators of their home node or of this (host) node",
    (c, pid, n) => isSubject(c, pid) || homeCoordinatorOf(c, pid) || isNodeCoordinatorOf(c, n),
  ),
  readRegistration: rule<string>(
    "registration.read",
    "the registrant, coordinators of their home node or of this (host) node, and joint coordinators",
    (c, pid, n) => isSubject(c, pid) || homeCoordinatorOf(c, pid) || isNodeCoordinatorOf(c, n) || isJointCoordinator(c),
  ),
  readDisclosureProof: rule<string>(
    "registration.disclosureProof",
    "the registrant and coordinators of their home node or of this node",
    (c, pid, n) => isSubject(c, pid) || homeCoordinatorOf(c, pid) || isNodeCoordinatorOf(c, n),
  ),

  recordAttendance: rule("attendance.record", "coordinators of this (host) node", coordinatorHere),
  checkIn: rule<string>("attendance.checkIn", "the registrant themselves", (c, pid) => isSubject(c, pid)),
  readPackage: rule<string>("package.read", "the person and coordinators of their home node", (c, pid, n) => isSubject(c, pid) || isNodeCoordinatorOf(c, n)),
  // codes and counts of a person's completion: the person, their node's coordinators, and joint coordinators, who hold their enrolment and tandem states anyway
  readCompletion: rule<string>(
    "completion.read",
    "the person, coordinators of their home node and joint coordinators",
    (c, pid, n) => isSubject(c, pid) || isNodeCoordinatorOf(c, n) || isJointCoordinator(c),
  ),
  readPackageCompletion: rule("package.completion", "coordinators of this node", coordinatorHere),

  recordDisclosure: rule<DisclosureProof>(
    "disclosure.record",
    "people named in the proof, coordinators of this node, joint coordinators and, for registrations, coordinators of the host node",
    (c, proof, n) => isNodeCoordinatorOf(c, n) || isJointCoordinator(c) || namedInProof(c, proof),
  ),
  readGrants: rule<string>("disclosureGrants.read", "the person and coordinators of this node", (c, pid, n) => isSubject(c, pid) || isNodeCoordinatorOf(c, n)),
  readAuditLog: rule("auditLog.read", "coordinators of this node", coordinatorHere),
  exerciseDataRights: rule<string>("gdpr.rights", "the person and coordinators of their home node", (c, pid) => isSubject(c, pid) || homeCoordinatorOf(c, pid)),
  // Joint matching (DESIGN.md §7): consent is the person's own decision; profiles leave only pseudonymised; re-identification stays at the node.
  readMatchingFields: matchingFieldsRule,
  manageMatchingConsent: rule<string>("matchingConsent.manage", "the person themselves", (c, pid) => isSubject(c, pid)),
  readMatchingConsents: rule<string>("matchingConsents.read", "the person and coordinators of this node", (c, pid, n) => isSubject(c, pid) || isNodeCoordinatorOf(c, n)),
  readMatchingProfiles: rule("matchingProfiles.read", "joint coordinators and coordinators of this node", (c, _target: void, n) => isNodeCoordinatorOf(c, n) || isJointCoordinator(c)),
  readOwnMatchingPseudonym: rule<string>("matchingPseudonym.read", "the person themselves", (c, pid) => isSubject(c, pid)),
  reidentifyPseudonyms: rule("pseudonyms.reidentify", "coordinators of this node", coordinatorHere),
  /** Self-service: a person whom this node signed in, without a profile yet, creates their own (coordinators create external mentors). */
  createOwnProfile: rule<{ participantId: string; role: string }>(
    "participant.createOwn",
    "people signed in at this node, for themselves, in a role their sign-in grants",
    (c, own) => isSubject(c, own.participantId) && hasRole(c, own.role.toLowerCase() as Role),
  ),

  // Applications (DESIGN.md §8): what a person wrote stays at their home node; who reads and decides is this node's rule.
  apply: rule<string>("application.apply", "the person themselves", (c, pid) => isSubject(c, pid)),
  readOwnApplications: rule<string>("applications.own", "the person themselves", (c, pid) => isSubject(c, pid)),
  readApplication: scopedRule<ApplicationAccessView, ReviewScope>(
    "application.read",
    "the applicant; once submitted, coordinators of their home node and, for an application its applicant shared with the joint office, joint coordinators",
    (c, application, n) => isSubject(c, application.participantId) || (application.submitted && (isNodeCoordinatorOf(c, n) || (isJointCoordinator(c) && application.sharedWithJointOffice))),
    (c, n) => (isNodeCoordinatorOf(c, n) ? "HOME_NODE" : isJointCoordinator(c) ? "JOINT_OFFICE" : "NONE"),
  ),
  listApplications: rule("applications.reviewList", "coordinators of this node and joint coordinators", (c, _target: void, n) => isNodeCoordinatorOf(c, n) || isJointCoordinator(c)),
  reviewApplication: rule<ApplicationAccessView>(
    "application.review",
    "coordinators of the applicant's home node or, for an application to a programme the joint office reviews that its applicant shared with it, joint coordinators (and then only they)",
    (c, application, n) => application.submitted && (reviewedByJointOffice(application) ? isJointCoordinator(c) : isNodeCoordinatorOf(c, n)),
  ),

  // Agreements (DESIGN.md §8): the pair's text, at the mentee's home node; the mentor under the tandem-partner rule; nobody else, coordinators included.
  readAgreement: rule<AgreementAccessView>("agreement.read", "the mentee and, while this node discloses the mentee to them as tandem partner, the mentor", (c, a) => isPartnerOf(c, a)),
  draftAgreement: rule<AgreementAccessView>("agreement.draft", "the mentee (the active part)", (c, a) => isSubject(c, a.menteeId)),
  reviseAgreement: rule<AgreementAccessView>("agreement.revise", "the mentee and, while this node discloses the mentee to them as tandem partner, the mentor", (c, a) => isPartnerOf(c, a)),
  signAgreement: rule<string>("agreement.sign", "the person themselves, at their home node", (c, pid) => isSubject(c, pid)),
  // A tandem's log (DESIGN.md §8): the tandem-partner rule, judged against the partners the office's signed facts named (modules/active-tandem).
  logMeeting: rule<TandemPartners>("meeting.log", "the tandem's mentee and mentor (tandem-partner rule)", isPartner),
  readMeetings: rule<TandemPartners>("meeting.read", "the tandem's mentee and mentor (tandem-partner rule)", isPartner),
  readMeetingNotes: rule<TandemPartners>("meeting.notes", "the tandem's mentee and mentor only", isPartner),
  confirmMeeting: rule<TandemPartners>("meeting.confirm", "the tandem's mentor", (c, tandem) => isSubject(c, tandem.mentorId)),
  answerCheckIn: rule<string>("checkIn.answer", "the person themselves (a partner of the tandem)", (c, pid) => isSubject(c, pid)),
  readCheckIns: rule<string>("checkIn.read", "the person themselves", (c, pid) => isSubject(c, pid)),
  evaluate: rule<string>("evaluation.submit", "the person themselves (a partner of the tandem)", (c, pid) => isSubject(c, pid)),
  readOwnEvaluation: rule<string>("evaluation.read", "the person themselves", (c, pid) => isSubject(c, pid)),

  rankSurveyTopics: rule<string>("survey.answer", "the person themselves (enrolled in the survey's cohort)", (c, pid) => isSubject(c, pid)),
  readOwnSurveys: rule<string>("survey.read", "the person themselves", (c, pid) => isSubject(c, pid)),

  raiseConcern: rule<string>("concern.raise", "the person themselves (a partner of the tandem)", (c, pid) => isSubject(c, pid)),
  readOwnConcerns: rule<string>("concerns.own", "the person themselves", (c, pid) => isSubject(c, pid)),
  readConcern: rule<ConcernView>(
    "concern.read",
    "its author, joint coordinators and coordinators of this node (never the partner)",
    (c, v, n) => isSubject(c, v.participantId) || isJointCoordinator(c) || isNodeCoordinatorOf(c, n),
  ),
  readConcernStatement: rule<ConcernView>(
    "concern.statement",
    "its author; while the author lets them, its mediators: joint coordinators, and coordinators of this node when it asks for mediation at home",
    (c, v, n) => isSubject(c, v.participantId) || (v.mediatorMayRead && (isJointCoordinator(c) || (v.mediator === "HOME_NODE" && isNodeCoordinatorOf(c, n)))),
  ),
  updateConcern: rule<ConcernView>("concern.update", "its author", (c, v) => isSubject(c, v.participantId)),

  // a personal calendar feed: its secret URL reads the person's registrations and meetings, so only they make or revoke it
  manageCalendarFeed: rule<string>("calendarFeed.manage", "the person themselves", (c, pid) => isSubject(c, pid)),

  // Certificates (issue 15): issued and revoked by the holder's home node, which alone holds the name it certifies
  issueCertificate: rule<string>("certificate.issue", "coordinators of the person's home node", (c, _pid, n) => isNodeCoordinatorOf(c, n)),
  revokeCertificate: rule("certificate.revoke", "coordinators of the issuing node", coordinatorHere),
  readCredentials: rule<string | null>("certificate.read", "the holder and coordinators of their home node", (c, pid, n) => (pid !== null && isSubject(c, pid)) || isNodeCoordinatorOf(c, n)),
};

function isPartnerOf(caller: Caller, agreement: AgreementAccessView): boolean {
  return isSubject(caller, agreement.menteeId) || (agreement.partnerDisclosed && isSubject(caller, agreement.mentorId));
}

function isPartner(caller: Caller, tandem: TandemPartners): boolean {
  return sideOf(caller, tandem) !== null;
}

/** The joint office decides on an application only with its applicant's consent; without it, the home node does. */
function reviewedByJointOffice(application: ApplicationAccessView): boolean {
  return application.reviewer === "JOINT_OFFICE" && application.sharedWithJointOffice;
}

function namedInProof(caller: Caller, proof: DisclosureProof): boolean {
  if (proof.type === ProofType.TANDEM_ACCEPTED) return isSubject(caller, proof.menteeId) || isSubject(caller, proof.mentorId);
  return isSubject(caller, proof.participantId) || isNodeCoordinatorOf(caller, proof.issuer);
}
