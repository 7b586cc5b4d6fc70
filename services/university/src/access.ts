/**
 * Who may do what at a university node, every rule by name in one place.
 * Resolvers, reference resolvers and services ask these rules; nothing else
 * decides. A refusal names the rule, so that a caller knows what it lacks.
 * Callers come verified from the gateway token (see node.ts); the rules only
 * read the shared caller predicates.
 */
import { AppError, ErrorCode, ProofType, Role, hasRole, homeNodeOf, isJointCoordinator, isNodeCoordinatorOf, isSubject, isUser, type Caller, type DisclosureProof } from "@tandem/shared";
import { type FieldGroup } from "@tandem/party";
import type { GrantScope } from "./modules/disclosure/disclosure-grant.entity.js";

export interface Rule<A extends unknown[] = []> {
  name: string;
  /** Who passes, in words: the message of a refusal. */
  who: string;
  allows(caller: Caller, nodeId: string, ...args: A): boolean;
}

function rule<A extends unknown[] = []>(name: string, who: string, allows: Rule<A>["allows"]): Rule<A> {
  return { name, who, allows };
}

const anyUser = (caller: Caller) => isUser(caller);
const coordinatorHere = (caller: Caller, nodeId: string) => isNodeCoordinatorOf(caller, nodeId);
/** A coordinator of the node a participant id names (erased references keep their node). */
const homeCoordinatorOf = (caller: Caller, participantId: string) => {
  const home = homeNodeOf(participantId);
  return home !== null && isNodeCoordinatorOf(caller, home);
};

export const rules = {
  readParticipant: rule("participant.read", "authenticated users (pseudonymous fields)", anyUser),
  // The joint office holds the pseudonymised matching profiles: it must not also read what could join them back to people.
  readCodedFields: rule("participant.codedFields", "signed-in users other than the joint coordination office", (c) => isUser(c) && !isJointCoordinator(c)),
  listParticipants: rule("participants.list", "coordinators of this node", coordinatorHere),
  createParticipant: rule("participant.create", "coordinators of this node", coordinatorHere),
  updateParticipant: rule<[string]>("participant.update", "the person and coordinators of their home node", (c, n, id) => isSubject(c, id) || coordinatorHere(c, n)),
  actForParticipant: rule<[string]>("participant.actFor", "the person and coordinators of their home node", (c, n, id) => isSubject(c, id) || coordinatorHere(c, n)),

  readEvents: rule("event.read", "authenticated users", anyUser),
  manageEvents: rule("event.manage", "coordinators of this node", coordinatorHere),

  register: rule<[string]>("registration.create", "the participant and coordinators of their home node", (c, _n, pid) => isSubject(c, pid) || homeCoordinatorOf(c, pid)),
  cancelRegistration: rule<[string]>(
    "registration.cancel",
    "the registrant and coordinators of their home node or of this (host) node",
    (c, n, pid) => isSubject(c, pid) || homeCoordinatorOf(c, pid) || coordinatorHere(c, n),
  ),
  readRegistration: rule<[string]>(
    "registration.read",
    "the registrant, coordinators of their home node or of this (host) node, and joint coordinators",
    (c, n, pid) => isSubject(c, pid) || homeCoordinatorOf(c, pid) || coordinatorHere(c, n) || isJointCoordinator(c),
  ),
  readDisclosureProof: rule<[string]>(
    "registration.disclosureProof",
    "the registrant and coordinators of their home node or of this node",
    (c, n, pid) => isSubject(c, pid) || homeCoordinatorOf(c, pid) || coordinatorHere(c, n),
  ),

  recordDisclosure: rule<[DisclosureProof]>(
    "disclosure.record",
    "people named in the proof, coordinators of this node, joint coordinators and, for registrations, coordinators of the host node",
    (c, n, proof) => coordinatorHere(c, n) || isJointCoordinator(c) || namedInProof(c, proof),
  ),
  readGrants: rule<[string]>("disclosureGrants.read", "the person and coordinators of this node", (c, n, pid) => isSubject(c, pid) || coordinatorHere(c, n)),
  readAuditLog: rule("auditLog.read", "coordinators of this node", coordinatorHere),
  exerciseDataRights: rule<[string]>("gdpr.rights", "the person and coordinators of their home node", (c, _n, pid) => isSubject(c, pid) || homeCoordinatorOf(c, pid)),
  // Joint matching (DESIGN.md §7): consent is the person's own decision; profiles leave only pseudonymised; re-identification stays at the node.
  readMatchingFields: rule<[string]>("participant.matchingFields", "the person and coordinators of their home node", (c, n, pid) => isSubject(c, pid) || coordinatorHere(c, n)),
  manageMatchingConsent: rule<[string]>("matchingConsent.manage", "the person themselves", (c, _n, pid) => isSubject(c, pid)),
  readMatchingConsents: rule<[string]>("matchingConsents.read", "the person and coordinators of this node", (c, n, pid) => isSubject(c, pid) || coordinatorHere(c, n)),
  readMatchingProfiles: rule("matchingProfiles.read", "joint coordinators and coordinators of this node", (c, n) => coordinatorHere(c, n) || isJointCoordinator(c)),
  readOwnMatchingPseudonym: rule<[string]>("matchingPseudonym.read", "the person themselves", (c, _n, pid) => isSubject(c, pid)),
  reidentifyPseudonyms: rule("pseudonyms.reidentify", "coordinators of this node", coordinatorHere),
};

function namedInProof(caller: Caller, proof: DisclosureProof): boolean {
  if (proof.type === ProofType.TANDEM_ACCEPTED) return isSubject(caller, proof.menteeId) || isSubject(caller, proof.mentorId);
  return isSubject(caller, proof.participantId) || isNodeCoordinatorOf(caller, proof.issuer);
}

/** Node-only events are shown to, and accept registrations of, people whose home is this node (EventService.isVisibleTo). */
export const nodeOnlyEvents = { name: "event.node-only", who: "people of this node" } as const;

/** The home node that decides which events a caller sees. */
export function viewerHomeNode(caller: Caller): string | null {
  return isUser(caller) ? caller.homeNode : null;
}

export function forbidden(rule: Pick<Rule, "name" | "who">, extensions: Record<string, unknown> = {}): AppError {
  const field = typeof extensions.field === "string" ? `${extensions.field}: ` : "";
  return new AppError(ErrorCode.FORBIDDEN, `${field}${rule.name}: only ${rule.who} may do this`, { ...extensions, rule: rule.name });
}

/** The rules bound to one request's caller, as resolvers use them. */
export class AccessControl {
  constructor(
    readonly caller: Caller,
    readonly nodeId: string,
  ) {}

  allows<A extends unknown[]>(rule: Rule<A>, ...args: A): boolean {
    return rule.allows(this.caller, this.nodeId, ...args);
  }

  require<A extends unknown[]>(rule: Rule<A>, ...args: A): void {
    if (!this.allows(rule, ...args)) throw forbidden(rule);
  }
}

// ---- Disclosure of personal fields (DESIGN.md §6), decided by the owning node ----

export const PERSONAL_FIELDS = ["displayName", "email", "phone", "organisation", "about", "employer", "supervisor"] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/** Audit groups of personal fields. Employer and supervisor follow the organisation's rules. */
export const FIELD_GROUPS: Record<PersonalField, FieldGroup> = {
  displayName: "name",
  email: "contact",
  phone: "contact",
  organisation: "organisation",
  about: "about",
  employer: "organisation",
  supervisor: "organisation",
};

/** A disclosure grant as the rules need it: to whom, and how much. */
export interface GrantView {
  grantee: string;
  scope: GrantScope;
}

/** How a node is named as a grantee (the host of an event the person registered for). */
export function nodeGrantee(nodeId: string): string {
  return `node:${nodeId}`;
}

/** The grantees a caller could act as: their own id and, for node coordinators, their node. */
export function granteesOf(caller: Caller): string[] {
  if (!isUser(caller)) return [];
  return hasRole(caller, Role.NODE_COORDINATOR) ? [caller.sub, nodeGrantee(caller.homeNode)] : [caller.sub];
}

export interface Disclosure {
  /** The rule that disclosed, or `disclosure.none`. */
  rule: string;
  fields: ReadonlySet<PersonalField>;
}

const ALL: ReadonlySet<PersonalField> = new Set(PERSONAL_FIELDS);
const NAME_ONLY: ReadonlySet<PersonalField> = new Set(["displayName"]);
const NOTHING: ReadonlySet<PersonalField> = new Set();

/**
 * Which personal fields of a participant of this node go to the caller:
 * everything to the person and to their home node's coordinators; contact
 * details to a tandem partner holding a CONTACT grant; the name to the
 * coordinators of a node holding a NAME grant (an event host). Nothing to
 * anyone else, joint coordinators included.
 */
export function disclosureTo(caller: Caller, nodeId: string, participantId: string, grants: readonly GrantView[]): Disclosure {
  if (isSubject(caller, participantId)) return { rule: "disclosure.self", fields: ALL };
  if (isNodeCoordinatorOf(caller, nodeId)) return { rule: "disclosure.home-coordinator", fields: ALL };
  if (!isUser(caller)) return { rule: "disclosure.none", fields: NOTHING };
  if (grants.some((grant) => grant.scope === "CONTACT" && grant.grantee === caller.sub)) return { rule: "disclosure.tandem-partner", fields: ALL };
  if (hasRole(caller, Role.NODE_COORDINATOR) && grants.some((grant) => grant.scope === "NAME" && grant.grantee === nodeGrantee(caller.homeNode))) {
    return { rule: "disclosure.event-host", fields: NAME_ONLY };
  }
  return { rule: "disclosure.none", fields: NOTHING };
}

export function notDisclosed(field: PersonalField): AppError {
  return new AppError(
    ErrorCode.NOT_DISCLOSED,
    `${field}: not disclosed to you; personal fields go to the person, their home node's coordinators, tandem partners once both accepted, and (name only) hosts of events they registered for`,
    { field },
  );
}

/** A coded field the joint office may not read (see rules.readCodedFields). */
export function codedFieldNotDisclosed(field: string): AppError {
  return new AppError(ErrorCode.NOT_DISCLOSED, `${field}: not disclosed to the joint coordination office, which holds pseudonymised matching profiles and must not be able to link them to people`, {
    field,
    rule: rules.readCodedFields.name,
  });
}

/**
 * A matching profile field of a participant is not personal, but together
 * with the participant id it would link their pseudonymised matching
 * profiles back to them: only the person and their node see it.
 */
export function matchingFieldNotDisclosed(field: string): AppError {
  return new AppError(ErrorCode.NOT_DISCLOSED, `${field}: not disclosed to you; matching profile fields go to the person and their home node's coordinators only`, {
    field,
    rule: rules.readMatchingFields.name,
  });
}
