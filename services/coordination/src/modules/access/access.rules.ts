/**
 * Who may do what at the coordination office: every rule in one place, each
 * with a name that a refusal reports. Each operation of the subgraph names
 * its rule in access.table.ts, where it is checked; resolvers and services
 * that need a rule at a target only they hold ask `ctx.access`. Lists apply
 * the read rules' visibility in SQL (`ctx.access.scope`, access.sql.ts).
 */
import { homeNodeOf, isJointCoordinator, isNodeCoordinatorOf, isSubject, isUser, rule, scopedRule, type Caller } from "@tandem/shared";

/** The participants a record is about, as global ids at their home nodes. */
export interface Partners {
  menteeId: string;
  mentorId: string;
}

/** What the mediation rules judge a case by: who raised it, at which node, who mediates. */
export interface CaseParties {
  raiserId: string | null;
  raiserNodeId: string | null;
  mediator: "JOINT_OFFICE" | "HOME_NODE";
}

/** Which participants' records a caller may see: all, those of some nodes, or their own. */
export interface Visibility {
  all: boolean;
  nodes: readonly string[];
  subjects: readonly string[];
}

export function visibilityOf(caller: Caller): Visibility {
  if (!isUser(caller)) return { all: false, nodes: [], subjects: [] };
  if (isJointCoordinator(caller)) return { all: true, nodes: [], subjects: [] };
  const nodes = isNodeCoordinatorOf(caller, caller.homeNode) ? [caller.homeNode] : [];
  return { all: false, nodes, subjects: [caller.sub] };
}

/** True when any of the participants is visible: the caller themselves, or of a node they coordinate. */
export function sees(visibility: Visibility, participantIds: readonly string[]): boolean {
  if (visibility.all) return true;
  return participantIds.some((id) => visibility.subjects.includes(id) || visibility.nodes.includes(homeNodeOf(id) ?? ""));
}

/** A node coordinator of the home node named by the id (an erased reference keeps its node). */
function coordinatesHomeOf(caller: Caller, participantId: string): boolean {
  const node = homeNodeOf(participantId);
  return node !== null && isNodeCoordinatorOf(caller, node);
}

const jointOrHomeCoordinator = (caller: Caller, ids: readonly string[]) => isJointCoordinator(caller) || ids.some((id) => coordinatesHomeOf(caller, id));
const jointOrCoordinatorOfAny = (caller: Caller, nodeIds: readonly string[]) => isJointCoordinator(caller) || nodeIds.some((node) => isNodeCoordinatorOf(caller, node));
const isPartner = (caller: Caller, tandem: Partners) => isSubject(caller, tandem.menteeId) || isSubject(caller, tandem.mentorId);

export const rules = {
  readCatalogue: rule("read-catalogue", "any signed-in person", (caller) => isUser(caller)),
  manageCatalogue: rule("manage-catalogue", "joint coordinators", (caller) => isJointCoordinator(caller)),
  enrol: rule<string>("enrol", "joint coordinators and coordinators of the participant's home node", (caller, participantId) => jointOrHomeCoordinator(caller, [participantId])),
  withdrawEnrolment: rule<{ participantId: string }>(
    "withdraw-enrolment",
    "joint coordinators, coordinators of the participant's home node and the participant",
    (caller, enrolment) => jointOrHomeCoordinator(caller, [enrolment.participantId]) || isSubject(caller, enrolment.participantId),
  ),
  readEnrolment: scopedRule<{ participantId: string }, Visibility>(
    "read-enrolment",
    "joint coordinators, coordinators of the participant's home node and the participant",
    (caller, enrolment) => sees(visibilityOf(caller), [enrolment.participantId]),
    visibilityOf,
  ),
  proposeTandem: rule<Partners>("propose-tandem", "joint coordinators and coordinators of the mentee's or the mentor's node", (caller, pair) =>
    jointOrHomeCoordinator(caller, [pair.menteeId, pair.mentorId]),
  ),
  respondToTandem: rule<Partners>("respond-to-tandem", "the mentee and the mentor themselves", isPartner),
  activateTandem: rule<Partners>("activate-tandem", "joint coordinators and coordinators of the mentee's or the mentor's node", (caller, tandem) =>
    jointOrHomeCoordinator(caller, [tandem.menteeId, tandem.mentorId]),
  ),
  closeTandem: rule<Partners>(
    "close-tandem",
    "joint coordinators, coordinators of the mentee's or the mentor's node and the two partners",
    (caller, tandem) => jointOrHomeCoordinator(caller, [tandem.menteeId, tandem.mentorId]) || isPartner(caller, tandem),
  ),
  readTandem: scopedRule<Partners, Visibility>(
    "read-tandem",
    "joint coordinators, coordinators of the partners' nodes and the two partners",
    (caller, tandem) => sees(visibilityOf(caller), [tandem.menteeId, tandem.mentorId]),
    visibilityOf,
  ),
  readAcceptanceProof: rule<Partners>(
    "read-acceptance-proof",
    "the two partners, coordinators of their home nodes and joint coordinators",
    (caller, tandem) => jointOrHomeCoordinator(caller, [tandem.menteeId, tandem.mentorId]) || isPartner(caller, tandem),
  ),
  readAuditLog: rule("read-audit-log", "joint coordinators", (caller) => isJointCoordinator(caller)),
  /** The target: the one node asked for (null: the nodes the caller may see). */
  readApplicationPipeline: scopedRule<string | null, Visibility>(
    "read-application-pipeline",
    "joint coordinators (every node) and node coordinators (their own node)",
    (caller, nodeId) => isJointCoordinator(caller) || (isUser(caller) && isNodeCoordinatorOf(caller, caller.homeNode) && (nodeId === null || nodeId === caller.homeNode)),
    visibilityOf,
  ),
  readApplicationRecords: rule("read-application-records", "joint coordinators", (caller) => isJointCoordinator(caller)),
  manageMatching: rule("manage-matching", "joint coordinators", (caller) => isJointCoordinator(caller)),
  reviewMatching: rule<readonly string[]>("review-matching", "joint coordinators and coordinators of the programme's participating nodes", jointOrCoordinatorOfAny),
  readMatchingEntry: rule<readonly string[]>("read-matching-entry", "joint coordinators and coordinators of the nodes a proposal or unmatched mentee involves", jointOrCoordinatorOfAny),
  respondToProposal: rule<{ participantId: string; side: string | null }>(
    "respond-to-proposal",
    "the mentee or the mentor a proposal names, with their home node's matching-pseudonym proof",
    (caller, claim) => claim.side !== null && isSubject(caller, claim.participantId),
  ),
  readOwnProposals: rule<string>("read-own-proposals", "the participant the matching-pseudonym proof names", (caller, participantId) => isSubject(caller, participantId)),
  /** The target: the one node asked for (null: the nodes the caller may see). */
  readMonitoring: scopedRule<string | null, Visibility>(
    "read-monitoring",
    "joint coordinators (every node) and node coordinators (their own node)",
    (caller, nodeId) => isJointCoordinator(caller) || (isUser(caller) && isNodeCoordinatorOf(caller, caller.homeNode) && (nodeId === null || nodeId === caller.homeNode)),
    visibilityOf,
  ),
  openMediationCase: rule<Partners>(
    "open-mediation-case",
    "the two partners, coordinators of their nodes and joint coordinators",
    (caller, tandem) => jointOrHomeCoordinator(caller, [tandem.menteeId, tandem.mentorId]) || isPartner(caller, tandem),
  ),
  readMediationCase: scopedRule<CaseParties, Visibility>(
    "read-mediation-case",
    "joint coordinators, coordinators of the raiser's node and the partner who raised it",
    (caller, parties) =>
      isJointCoordinator(caller) || (parties.raiserNodeId !== null && isNodeCoordinatorOf(caller, parties.raiserNodeId)) || (parties.raiserId !== null && isSubject(caller, parties.raiserId)),
    visibilityOf,
  ),
  /** The target: the node whose cases are asked for (the office's id: those joint coordinators raised; null: no node named). */
  readNodeMediationCases: rule<string | null>(
    "read-node-mediation-cases",
    "joint coordinators, and the coordinators of the node named",
    (caller, nodeId) => nodeId === null || isJointCoordinator(caller) || (isUser(caller) && isNodeCoordinatorOf(caller, nodeId)),
  ),
  resolveMediationCase: rule<CaseParties>(
    "resolve-mediation-case",
    "joint coordinators, and for a case mediated at home the coordinators of the raiser's node",
    (caller, parties) => isJointCoordinator(caller) || (parties.mediator === "HOME_NODE" && parties.raiserNodeId !== null && isNodeCoordinatorOf(caller, parties.raiserNodeId)),
  ),
  exerciseDataRights: rule<string>(
    "exercise-data-rights",
    "the person themselves and coordinators of their home node",
    (caller, participantId) => isSubject(caller, participantId) || coordinatesHomeOf(caller, participantId),
  ),
  // A tandem's months (DESIGN.md §8): the office holds codes; who asked for help is for coordinators only.
  readAttention: scopedRule<Partners, Visibility>(
    "read-attention",
    "joint coordinators and coordinators of the partners' nodes (not the partners: one's check-in is not shown to the other)",
    (caller, tandem) => jointOrHomeCoordinator(caller, [tandem.menteeId, tandem.mentorId]),
    (caller) => ({ ...visibilityOf(caller), subjects: [] }),
  ),
  readSurvey: rule<{ participatingNodeIds: readonly string[]; callerEnrolled: boolean }>(
    "read-survey",
    "joint coordinators, coordinators of the programme's nodes and the cohort's enrolled participants",
    (caller, audience) => jointOrCoordinatorOfAny(caller, audience.participatingNodeIds) || audience.callerEnrolled,
  ),
  // Peer groups: the office holds references and consent states; names are the members' home nodes' to disclose
  readPeerGroup: rule<{ participatingNodeIds: readonly string[]; callerEnrolled: boolean; callerMember: boolean }>(
    "read-peer-group",
    "joint coordinators, coordinators of the programme's nodes, the cohort's enrolled participants and the group's members",
    (caller, audience) => jointOrCoordinatorOfAny(caller, audience.participatingNodeIds) || audience.callerEnrolled || audience.callerMember,
  ),
  readPeerGroupMembers: rule<{ participatingNodeIds: readonly string[]; callerMember: boolean }>(
    "read-peer-group-members",
    "joint coordinators, coordinators of the programme's nodes and the group's members (invited or consented)",
    (caller, audience) => jointOrCoordinatorOfAny(caller, audience.participatingNodeIds) || audience.callerMember,
  ),
  joinPeerGroup: rule<string>("join-peer-group", "the person themselves (invited to the group, or an enrolled mentee of an open group's cohort)", (caller, participantId) =>
    isSubject(caller, participantId),
  ),
  leavePeerGroup: rule<string>("leave-peer-group", "the member themselves and joint coordinators", (caller, participantId) => isSubject(caller, participantId) || isJointCoordinator(caller)),
  readOwnPeerGroups: rule<string>("read-own-peer-groups", "the person themselves", (caller, participantId) => isSubject(caller, participantId)),
  readEvaluations: rule<Partners>("read-evaluations", "joint coordinators and coordinators of the partners' nodes", (caller, tandem) =>
    jointOrHomeCoordinator(caller, [tandem.menteeId, tandem.mentorId]),
  ),
} as const;
