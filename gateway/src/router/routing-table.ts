/**
 * How every root field of the university subgraph reaches the nodes. The
 * gateway refuses to start when a field has no rule (NO_ROUTING_RULE): a new
 * field must say how it is routed before anyone can call it.
 */
import { buildASTDefinitions } from "../documents/sdl.js";
import { AppError, ErrorCode } from "@tandem/shared";

export type RoutingRule =
  /**
   * One node: the home node named by a global id argument. `attest` names a
   * participant id argument: when that participant belongs to another node,
   * their home node must first attest that they exist and the caller may act
   * for them, and the attestation travels with the call.
   */
  | { kind: "byId"; arg: string; attest?: string }
  /** One node: named by a node id argument. */
  | { kind: "byNode"; arg: string }
  /** Every node (or those in `nodesArg`), connections merged k-way by their sort-key cursors. */
  | { kind: "fanOutConnection"; nodesArg: string };

export type RoutingTable = Record<"Query" | "Mutation", Record<string, RoutingRule>>;

const byId = (arg: string, attest?: string): RoutingRule => ({ kind: "byId", arg, ...(attest ? { attest } : {}) });
const byNode = (arg: string): RoutingRule => ({ kind: "byNode", arg });
const fanOut = (nodesArg = "nodes"): RoutingRule => ({ kind: "fanOutConnection", nodesArg });

export const UNIVERSITY_ROUTES: RoutingTable = {
  Query: {
    participant: byId("id"),
    participants: byNode("node"),
    event: byId("id"),
    events: fanOut(),
    registration: byId("id"),
    participantRegistrations: fanOut(),
    disclosureGrants: byId("participantId"),
    auditLog: byNode("node"),
    exportParticipantData: byNode("node"),
    matchingConsents: byId("participantId"),
    matchingProfiles: fanOut(),
    myMatchingPseudonym: byId("participantId"),
    reidentifyPseudonyms: byNode("node"),
    participantAttestation: byId("participantId"),
    application: byId("id"),
    myApplications: byId("participantId"),
    reviewApplications: byNode("node"),
    factPositions: byNode("node"),
    agreement: byId("id"),
    meetings: byId("menteeId"),
    meeting: byId("id"),
    checkIns: byId("participantId"),
    myInterestSurveys: byId("participantId"),
    myEvaluation: byId("participantId"),
    concern: byId("id"),
    myConcerns: byId("participantId"),
    programmePackage: byId("participantId"),
    packageCompletion: byNode("node"),
    // certificates live at the holder's home node (a credential's global id names it)
    credentials: byId("participantId"),
    credential: byId("id"),
    completionProgress: byId("participantId"),
  },
  Mutation: {
    createParticipant: byNode("node"),
    updateParticipant: byId("id"),
    createEvent: byNode("node"),
    updateEvent: byId("id"),
    cancelEvent: byId("id"),
    registerForEvent: byId("eventId", "participantId"),
    cancelRegistration: byId("id"),
    recordDisclosure: byNode("node"),
    eraseParticipantData: byNode("node"),
    consentToMatching: byId("participantId"),
    withdrawMatchingConsent: byId("participantId"),
    createMyProfile: byId("participantId"),
    saveApplication: byId("participantId"),
    submitApplication: byId("participantId"),
    withdrawApplication: byId("participantId"),
    withdrawJointOfficeConsent: byId("participantId"),
    reviewApplication: byId("id"),
    receiveFacts: byNode("node"),
    draftAgreement: byId("id"),
    reviseAgreement: byId("id"),
    signAgreement: byId("participantId"),
    logMeeting: byId("menteeId"),
    confirmMeeting: byId("id"),
    answerCheckIn: byId("participantId"),
    submitEvaluation: byId("participantId"),
    raiseConcern: byId("participantId"),
    rankSurveyTopics: byId("participantId"),
    createCalendarFeed: byId("participantId"),
    issueCertificate: byId("participantId"),
    revokeCertificate: byId("id"),
    revokeCalendarFeed: byId("participantId"),
    updateConcern: byId("id"),
    recordAttendance: byId("registrationId"),
    checkInToEvent: byId("registrationId"),
    issueCheckInCode: byId("eventId"),
  },
};

/**
 * Checks the table against the subgraph SDL: every Query and Mutation field
 * has a rule whose argument exists; mutations go to exactly one node; a field
 * routed to one node is nullable, so that one unreachable node cannot blank
 * a whole response.
 */
export function assertRoutingComplete(universitySdl: string, table: RoutingTable = UNIVERSITY_ROUTES): void {
  const problems: string[] = [];
  const types = buildASTDefinitions(universitySdl);
  for (const rootType of ["Query", "Mutation"] as const) {
    for (const field of types.get(rootType) ?? []) {
      if (field.name.startsWith("_")) continue;
      const rule = table[rootType][field.name];
      const where = `${rootType}.${field.name}`;
      if (!rule) {
        problems.push(`${where} has no routing rule`);
        continue;
      }
      if (rule.kind !== "fanOutConnection") {
        if (!field.args.includes(rule.arg)) problems.push(`${where}: routing argument "${rule.arg}" does not exist`);
        if (rule.kind === "byId" && rule.attest && !field.args.includes(rule.attest)) problems.push(`${where}: attested argument "${rule.attest}" does not exist`);
        if (field.nonNull) problems.push(`${where} is routed to one node and must be nullable`);
      } else {
        if (rootType === "Mutation") problems.push(`${where}: a mutation must go to exactly one node`);
        if (!field.args.includes(rule.nodesArg)) problems.push(`${where}: nodes argument "${rule.nodesArg}" does not exist`);
        if (!field.args.includes("after") || !field.args.includes("first")) problems.push(`${where}: a merged connection needs first/after`);
      }
    }
  }
  if (problems.length) {
    throw new AppError(ErrorCode.NO_ROUTING_RULE, `University subgraph fields without a valid routing rule:\n  - ${problems.join("\n  - ")}`, { problems });
  }
}
