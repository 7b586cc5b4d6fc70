/**
 * The gateway's own small subgraph, executed in-process:
 * - `Registration.participant`: a registration stores only the participant's
 *   global id; turning it into an entity reference here makes the planner
 *   fetch the participant from *their* home node, not from the event's host;
 * - the consortium, its nodes and its coordination office, from the
 *   registry, with what the gateway's health checks know of each party's
 *   status: served here, they answer while any party, the coordination
 *   office included, is down;
 * - the GDPR rights, which reach every party: `exportMyData` and
 *   `eraseParticipant` (each party still decides who may).
 */
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse, type GraphQLSchema } from "graphql";
import { JSONResolver } from "graphql-scalars";
import { AppError, ErrorCode, FEDERATION_LINK, Role, hasRole, isJointCoordinator, normaliseTextArguments, tryParseGlobalId, type ConsortiumRegistry, type UserCaller } from "@tandem/shared";
import type { CredentialVerification } from "@tandem/shared/credentials";
import type { DeliveryState } from "./facts/fact-relay.js";
import { authOf, erasePersonalData, exportPersonalData, subjectOf } from "./gdpr/personal-data.js";
import type { Party } from "./gdpr/outcome.js";
import type { PartyHealth } from "./parties/party-health.js";

export const GATEWAY_SUBGRAPH_NAME = "gateway";

export const GATEWAY_SUBGRAPH_SDL = `${FEDERATION_LINK}

type Registration @key(fields: "id") {
  id: ID!
  participantId: ID! @external
  """The registered participant, resolved at their home node (null when that node cannot answer)."""
  participant: Participant @requires(fields: "participantId")
}

type Participant @key(fields: "id", resolvable: false) {
  id: ID!
}

"""Whether the gateway can use a party (a node or the coordination office) right now."""
enum NodeStatus {
  """Answering, with the composed schema (university for a node, coordination for the office)."""
  UP
  """Not answering, or answering without its database (statusReason says which)."""
  DOWN
  """Answering with a different schema; excluded: not called."""
  INCOMPATIBLE
  """Not checked yet."""
  UNKNOWN
}

scalar JSON

type Query {
  """The consortium as the registry describes it, with each party's status as the gateway sees it."""
  consortium: Consortium!
  """
  Everything the consortium holds about a person, from every node and the
  coordination office, as one JSON document. A participant exports their own
  data (participantId defaults to themselves); a coordinator of the person's
  home node may export it on their behalf. Each party checks this itself.
  """
  exportMyData(participantId: ID): JSON!
  """
  Checks a certificate (an Open Badges 3.0 credential, as JSON) against the
  consortium registry's keys and its issuer's current status list. Anyone may
  ask, signed in or not. The answer shows only what the credential itself says.
  """
  verifyCredential(credential: JSON!): CredentialVerification!
}

"""A certificate check's outcome."""
enum CredentialVerdict {
  """Signed by a consortium node with a key the registry publishes, unchanged, not revoked."""
  VALID
  """Changed after signing, not a credential, or its status list could not be checked."""
  INVALID
  """Genuine, and revoked by its issuer."""
  REVOKED
  """Not signed by a node of the registry, or with a key the registry does not publish."""
  UNKNOWN_ISSUER
}

type CredentialVerification {
  verdict: CredentialVerdict!
  """Why it is not VALID (English); null when VALID."""
  reason: String
  """What the credential says, for VALID and REVOKED only."""
  credential: CredentialContent
}

"""A certificate's own content, read from the credential (nothing from any database)."""
type CredentialContent {
  id: String
  title: String
  issuerId: String
  issuerName: String
  holderName: String
  role: String
  programme: String
  cohort: String
  activityStartDate: String
  activityEndDate: String
  achievementDescription: String
  criteria: String
  language: String
  validFrom: String
}

"""
Live updates over graphql-ws on /graphql (token in connection_init). Every
update carries a cursor: subscribe again with \`after\` set to the last cursor
you saw to receive everything you missed, then live updates.
"""
type Subscription {
  """Changes to one event (time, place, capacity, cancellation), from its host node."""
  eventUpdated(eventId: ID!, after: String): EventUpdate!
  """Registrations, cancellations and waitlist promotions of one event."""
  eventRegistrations(eventId: ID!, after: String): RegistrationUpdate!
  """Consortium-visible events created, changed or cancelled at any node (or those in \`nodes\`)."""
  consortiumEvents(nodes: [String!], after: String): EventUpdate!
  """Status changes of one tandem, from the coordination office."""
  tandemUpdated(tandemId: ID!, after: String): TandemUpdate!
  """
  Changes of one application, from the applicant's home node: saved,
  submitted, decided, enrolled or waitlisted, withdrawn. For the applicant and
  whoever may review it.
  """
  applicationUpdated(applicationId: ID!, after: String): ApplicationUpdate!
  """
  A cohort's application pipeline at the coordination office: a record
  arrived or changed, an applicant was enrolled, waitlisted or moved up, an
  application withdrawn (re-read \`applicationPipeline\` for the counts).
  With \`nodeId\`: the applications of that home node, for whoever may read
  that node's pipeline (its coordinators, joint coordinators). Without: every
  node's, for whoever may read the cohort's application records (joint
  coordinators).
  """
  applicationPipelineUpdated(cohortId: ID!, nodeId: String, after: String): ApplicationPipelineUpdate!
  """
  Changes of one tandem's agreement, from the mentee's home node: a new
  version (drafted, revised) or a signature — the partner's arrives from
  their own node. For the mentee and, under the tandem-partner rule, the mentor.
  """
  agreementUpdated(agreementId: ID!, after: String): AgreementUpdate!
  """
  A tandem's meeting log, from the mentee's home node: a meeting logged or
  confirmed. For the tandem's two partners.
  """
  tandemMeetings(tandemId: ID!, menteeId: ID!, after: String): MeetingUpdate!
  """
  One mediation case at the coordination office: opened, a partner's
  statement added (by reference), resolved. For its raiser and its mediators.
  """
  mediationCaseUpdated(caseId: ID!, after: String): MediationCaseUpdate!
  """
  A cohort's mediation cases raised at one node, for its coordinators and
  joint coordinators; \`nodeId\` the coordination office's id: the cases joint
  coordinators raised, for them only.
  """
  mediationCasesUpdated(cohortId: ID!, nodeId: String!, after: String): MediationCaseUpdate!
  """
  A cohort's monitoring figures of one node (its mentees' tandems) changed:
  a tandem's state, an agreement, the meeting log, a check-in, an evaluation,
  a case. Re-read \`tandemMonitoring\` (the update names no tandem). For
  the node's coordinators and joint coordinators.
  """
  tandemMonitoringUpdated(cohortId: ID!, nodeId: String!, after: String): MonitoringUpdate!
  """
  Attendance at one event, from its host node: recorded by its coordinators
  or checked in by a registrant. Each update's registration is resolved as
  the subscriber (the registrant, coordinators of their home node or of the
  host, joint coordinators).
  """
  eventAttendance(eventId: ID!, after: String): AttendanceUpdate!
  """
  One person's programme package in a cohort changed at their home node (an
  event of the cohort, their registration, their attendance), followed by
  their enrolled application's id: re-read \`programmePackage\`.
  """
  programmePackageUpdated(applicationId: ID!, after: String): PackageUpdate!
  """
  A cohort's package completion of one node's people changed: re-read
  \`packageCompletion\` (the update names no one). For that node's coordinators.
  """
  packageCompletionUpdated(cohortId: ID!, nodeId: String!, after: String): PackageUpdate!
  """
  One interest survey at the coordination office: opened, its results
  changed (a node's sums arrived), closed, trainings chosen, a training
  scheduled as an event. For whoever may
  read the survey: joint coordinators, coordinators of the programme's nodes,
  the cohort's enrolled participants.
  """
  surveyUpdated(surveyId: ID!, after: String): SurveyUpdate!
  """
  One peer group at the coordination office: a member invited, consented,
  left or removed, the meetings rule changed. The update names the group,
  never a member: select \`peerGroup { … }\` to read it again as yourself.
  For whoever may read the group: joint coordinators, coordinators of the
  programme's nodes, the cohort's enrolled participants, its members.
  """
  peerGroupUpdated(peerGroupId: ID!, after: String): PeerGroupUpdate!
  """
  One matching round at the coordination office, as it runs: started
  (PENDING), each status it enters (FETCHING, SOLVING), each step of its
  progress, then SOLVED or FAILED. Select \`matchingRound { status progress … }\`
  to read it as yourself at that moment. For whoever may read the round (joint
  coordinators, coordinators of the programme's nodes).
  """
  matchingRoundUpdated(id: ID!, after: String): MatchingRoundUpdate!
}

enum MatchingRoundChange {
  STARTED
  FETCHING
  SOLVING
  """The round's progress (0–100) moved on."""
  PROGRESS
  SOLVED
  FAILED
}

type MatchingRoundUpdate {
  cursor: String!
  change: MatchingRoundChange!
  at: String!
  roundId: ID!
  cohortId: ID!
  matchingRound: MatchingRound
}

type MatchingRound @key(fields: "id", resolvable: false) {
  id: ID!
}

enum PeerGroupChange {
  CREATED
  MEMBER_ADDED
  CONSENTED
  LEFT
  REMOVED
  RULES_CHANGED
}

type PeerGroupUpdate {
  cursor: String!
  change: PeerGroupChange!
  at: String!
  peerGroupId: ID!
  peerGroup: PeerGroup
}

type PeerGroup @key(fields: "id", resolvable: false) {
  id: ID!
}

enum AttendanceChange {
  RECORDED
  CHECKED_IN
}

type AttendanceUpdate {
  cursor: String!
  change: AttendanceChange!
  at: String!
  """The event's host node."""
  node: String!
  eventId: ID!
  registration: Registration
  event: Event
}

enum PackageChange {
  EVENT
  REGISTRATION
  ATTENDANCE
}

type PackageUpdate {
  cursor: String!
  change: PackageChange!
  at: String!
  """The home node keeping the package."""
  node: String!
  """The enrolled application, for a person's package (null for completion counts)."""
  applicationId: ID
  """The event the change concerns."""
  eventId: ID!
}

enum SurveyChange {
  OPENED
  RESULTS_CHANGED
  CLOSED
  TRAININGS_CHOSEN
  """A node scheduled (or changed, or cancelled) an event as one of the chosen trainings: \`eventId\`."""
  TRAINING_SCHEDULED
}

type SurveyUpdate {
  cursor: String!
  change: SurveyChange!
  at: String!
  surveyId: ID!
  """The event scheduled as a training (TRAINING_SCHEDULED only)."""
  eventId: ID
  interestSurvey: InterestSurvey
}

type InterestSurvey @key(fields: "id", resolvable: false) {
  id: ID!
}

enum MediationCaseChange {
  OPENED
  STATEMENT_ADDED
  RESOLVED
}

type MediationCaseUpdate {
  cursor: String!
  change: MediationCaseChange!
  at: String!
  caseId: ID!
  cohortId: ID!
  mediationCase: MediationCase
}

type MediationCase @key(fields: "id", resolvable: false) {
  id: ID!
}

enum MonitoringChange {
  TANDEM
  AGREEMENT
  MEETINGS
  CHECK_IN
  EVALUATION
  CASE
}

type MonitoringUpdate {
  cursor: String!
  change: MonitoringChange!
  at: String!
  cohortId: ID!
}

enum AgreementChange {
  DRAFTED
  REVISED
  SIGNED
}

type AgreementUpdate {
  cursor: String!
  change: AgreementChange!
  at: String!
  """The mentee's home node, which holds the agreement."""
  node: String!
  agreementId: ID!
  agreement: Agreement
}

type Agreement @key(fields: "id", resolvable: false) {
  id: ID!
}

enum MeetingChange {
  LOGGED
  CONFIRMED
}

type MeetingUpdate {
  cursor: String!
  change: MeetingChange!
  at: String!
  """The mentee's home node, which keeps the log."""
  node: String!
  tandemId: ID!
  meeting: Meeting
}

type Meeting @key(fields: "id", resolvable: false) {
  id: ID!
}

enum EventChange {
  CREATED
  UPDATED
  CANCELLED
}

type EventUpdate {
  """Pass as \`after\` to resume after this update."""
  cursor: String!
  change: EventChange!
  """When the change happened at its node."""
  at: String!
  """The node it happened at."""
  node: String!
  event: Event
}

enum RegistrationChange {
  REGISTERED
  WAITLISTED
  PROMOTED
  CANCELLED
}

type RegistrationUpdate {
  cursor: String!
  change: RegistrationChange!
  at: String!
  node: String!
  registration: Registration
  event: Event
}

enum TandemChange {
  PROPOSED
  RESPONDED
  ACCEPTED
  ACTIVATED
  "A coordinator recorded that the active tandem really started on an earlier day (startedOn)."
  START_MOVED
  CLOSED
}

type TandemUpdate {
  cursor: String!
  change: TandemChange!
  at: String!
  tandem: Tandem
}

enum ApplicationChange {
  SAVED
  SUBMITTED
  DECIDED
  ENROLLED
  WAITLISTED
  WITHDRAWN
}

type ApplicationUpdate {
  cursor: String!
  change: ApplicationChange!
  at: String!
  """The applicant's home node."""
  node: String!
  application: Application
}

type ApplicationPipelineUpdate {
  cursor: String!
  change: ApplicationChange!
  at: String!
  cohortId: ID!
  """The application the change concerns (a pseudonymous record at the coordination office)."""
  applicationId: ID!
  cohort: Cohort
}

type Cohort @key(fields: "id", resolvable: false) {
  id: ID!
}

type Application @key(fields: "id", resolvable: false) {
  id: ID!
}

type Event @key(fields: "id", resolvable: false) {
  id: ID!
}

type Tandem @key(fields: "id", resolvable: false) {
  id: ID!
}

type Mutation {
  """
  Erases a person: deletes them at their home node and anonymises every
  reference at the other nodes and the coordination office. For the person or
  a coordinator of their home node. Running it again is harmless.
  """
  eraseParticipant(participantId: ID!): ErasureReceipt!
}

enum PartyKind {
  NODE
  COORDINATION
}

enum PartyStatus {
  """The party did it and confirmed."""
  CONFIRMED
  """The party could not be reached; run again later."""
  UNAVAILABLE
  """The party refused the caller."""
  REFUSED
  """The party answered with an error."""
  FAILED
}

type ErasurePartyReceipt {
  party: String!
  kind: PartyKind!
  status: PartyStatus!
  """Whether the party still held personal data of the person before this run."""
  heldPersonalData: Boolean
  removedRecords: Int
  anonymisedRecords: Int
  confirmedAt: String
  error: String
}

type ErasureReceipt {
  participantId: ID!
  """True when every party confirmed."""
  completed: Boolean!
  parties: [ErasurePartyReceipt!]!
}

"""The consortium, its member nodes and its coordination office."""
type Consortium {
  id: ID!
  name: String!
  nodes: [ConsortiumNode!]!
  """The joint coordination office, with its status as the gateway sees it."""
  coordination: CoordinationOffice!
  """
  Delivery of signed facts between the parties (tandem acceptances and ends,
  registrations and cancellations…), as this gateway sees it. Joint
  coordinators see every pair; node coordinators the pairs of their node.
  """
  deliveries: [FactDelivery!]
}

"""Facts one party signed for another, and how far the receiver has applied them."""
type FactDelivery {
  source: String!
  receiver: String!
  """The receiver's position in the source's facts (null: not known yet)."""
  position: String
  """The source's last fact for the receiver (null: not known yet)."""
  head: String
  """Facts read but not yet applied at the last attempt (0: caught up)."""
  pending: Int!
  """Facts this gateway delivered since it started."""
  delivered: Int!
  lastDeliveredAt: String
  """Why the last attempt failed (the receiver or the source down…); null when it did not."""
  lastError: String
  lastErrorAt: String
}

"""The consortium's joint coordination office, running the coordination service."""
type CoordinationOffice {
  """Its party id, e.g. coord."""
  id: ID!
  name: String!
  """Seen by the gateway's health checks (its schema compared with the composed coordination schema)."""
  status: NodeStatus!
  """Why the office is not UP, when it is not."""
  statusReason: String
  statusCheckedAt: String
}

"""A member university of the consortium, running its own node."""
type ConsortiumNode @key(fields: "id") {
  """Short stable node id, e.g. hst."""
  id: ID!
  name: String!
  shortName: String!
  """ISO 3166-1 alpha-2 code, e.g. DE."""
  country: String!
  city: String!
  """IANA time zone, e.g. Europe/Berlin."""
  timeZone: String!
  """Seen by the gateway's health checks."""
  status: NodeStatus!
  """Why the node is not UP, when it is not."""
  statusReason: String
  statusCheckedAt: String
}
`;

export interface LocalSubgraphDeps {
  deliveries: () => DeliveryState[];
  registry: Pick<ConsortiumRegistry, "consortium" | "nodes" | "coordination">;
  /** Any party's health (node or coordination office), as the gateway's checks and calls found it. */
  health: { get(party: string): PartyHealth };
  parties: readonly Party[];
  nodeIds: readonly string[];
  /** Checks certificates against the registry and the nodes' status lists. */
  credentials: { verify(credential: unknown): Promise<CredentialVerification> };
}

type Context = { caller?: UserCaller | null; requestId?: string };

/** Joint coordinators see every delivery; a node's coordinators those from and to their node; nobody else any. */
function deliveriesFor(caller: UserCaller | null, all: DeliveryState[]) {
  const joint = caller ? isJointCoordinator(caller) : false;
  const node = caller && hasRole(caller, Role.NODE_COORDINATOR) ? caller.homeNode : null;
  if (!joint && !node) throw new AppError(ErrorCode.FORBIDDEN, "deliveries: only coordinators may see the delivery of facts", { rule: "deliveries.read" });
  return all
    .filter((state) => joint || state.source === node || state.receiver === node)
    .map((state) => ({ ...state, lastDeliveredAt: state.lastDeliveredAt?.toISOString() ?? null, lastErrorAt: state.lastErrorAt?.toISOString() ?? null }));
}

export function buildGatewayLocalSchema(deps: LocalSubgraphDeps): GraphQLSchema {
  const { registry, health, parties, nodeIds, deliveries, credentials } = deps;
  const nodeOf = (id: string) => {
    const node = registry.nodes.find((candidate) => candidate.id === id);
    return node ? { id: node.id, name: node.name, shortName: node.shortName, country: node.country, city: node.city, timeZone: node.timeZone } : null;
  };
  const statusFields = {
    status: (party: { id: string }) => health.get(party.id).status,
    statusReason: (party: { id: string }) => health.get(party.id).reason,
    statusCheckedAt: (party: { id: string }) => health.get(party.id).checkedAt?.toISOString() ?? null,
  };
  const typeDefs = parse(GATEWAY_SUBGRAPH_SDL);
  const resolvers: Record<string, unknown> = {
    JSON: JSONResolver,
    Consortium: {
      deliveries: (_: unknown, __: unknown, context: Context) => deliveriesFor(context.caller ?? null, deliveries()),
    },
    Query: {
      consortium: () => ({
        id: registry.consortium.id,
        name: registry.consortium.name,
        nodes: registry.nodes.map((node) => nodeOf(node.id)),
        coordination: { id: registry.coordination.id, name: registry.coordination.name },
      }),
      exportMyData: (_: unknown, args: { participantId?: string | null }, context: Context) => {
        const auth = authOf(context);
        return exportPersonalData(parties, auth, subjectOf(auth.caller, args.participantId, nodeIds));
      },
      verifyCredential: async (_: unknown, args: { credential: unknown }) => {
        const result = await credentials.verify(args.credential);
        const summary = result.credential;
        return { ...result, credential: summary ? { ...summary, issuerId: summary.issuer.id, issuerName: summary.issuer.name } : null };
      },
    },
    Mutation: {
      eraseParticipant: (_: unknown, args: { participantId: string }, context: Context) => {
        const auth = authOf(context);
        return erasePersonalData(parties, auth, subjectOf(auth.caller, args.participantId, nodeIds));
      },
    },
    Registration: {
      __resolveReference: (reference: { id: string; participantId?: string }) => reference,
      participant: (registration: { participantId?: string }) =>
        tryParseGlobalId(registration.participantId ?? "")?.kind === "participant" ? { __typename: "Participant", id: registration.participantId } : null,
    },
    ConsortiumNode: {
      __resolveReference: (reference: { id: string }) => nodeOf(reference.id),
      ...statusFields,
    },
    CoordinationOffice: { ...statusFields },
  };
  // the same text rule as every subgraph's: normalised ids, control characters refused naming the argument
  normaliseTextArguments(buildSubgraphSchema({ typeDefs }), resolvers);
  return buildSubgraphSchema({ typeDefs, resolvers: resolvers as never });
}
