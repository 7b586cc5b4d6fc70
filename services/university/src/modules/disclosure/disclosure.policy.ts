/**
 * The disclosure policy of a university node (DESIGN.md §6): which of a
 * participant's fields go to whom, decided by the node that holds them.
 * Personal fields go to the person, their home node's coordinators, a
 * tandem partner and (name only) an event's host; coded fields to every
 * signed-in user but the joint office; matching profile fields to the person
 * and their node only. Resolvers ask it through `ctx.access` (see
 * access.table.ts); a field it withholds is null, named in the participant's
 * `disclosure` and counted in the answer's one NOT_DISCLOSED summary.
 */
import { Role, hasRole, isJointCoordinator, isNodeCoordinatorOf, isSubject, isUser, policy, rule, type Caller } from "@tandem/shared";
import { type FieldGroup } from "@tandem/party";
import type { GrantBasis, GrantScope } from "./disclosure-grant.entity.js";

// ---- Personal fields ----

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

/** A disclosure grant as the policy needs it: to whom, and how much. */
export interface GrantView {
  grantee: string;
  scope: GrantScope;
  /** What recorded it (a peer group's roster grants a member's name to each fellow member who consented). */
  basis?: GrantBasis;
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

/** Why a caller sees what they see of a participant: who they are to the person. */
export const DisclosureLevel = {
  /** The person themselves: everything. */
  SELF: "SELF",
  /** A coordinator of the person's home node: everything. */
  HOME_NODE: "HOME_NODE",
  /** A tandem partner once both accepted: personal and coded fields. */
  TANDEM_PARTNER: "TANDEM_PARTNER",
  /** A coordinator of a node hosting an event the person registered for: the name and coded fields. */
  EVENT_HOST: "EVENT_HOST",
  /** A fellow member of a peer group, both having consented to it: the name and coded fields. */
  PEER_GROUP_MEMBER: "PEER_GROUP_MEMBER",
  /** Any other signed-in user: coded fields only (pseudonymous). */
  SIGNED_IN: "SIGNED_IN",
  /** The joint coordination office: the id and home node only. */
  JOINT_OFFICE: "JOINT_OFFICE",
  /** A party calling for itself, not for a person: the id and home node only. */
  SERVICE: "SERVICE",
} as const;
export type DisclosureLevel = (typeof DisclosureLevel)[keyof typeof DisclosureLevel];

export interface Disclosure {
  /** The rule that disclosed, or `disclosure.none`. */
  rule: string;
  level: DisclosureLevel;
  fields: ReadonlySet<PersonalField>;
}

const ALL: ReadonlySet<PersonalField> = new Set(PERSONAL_FIELDS);
const NAME_ONLY: ReadonlySet<PersonalField> = new Set(["displayName"]);
const NOTHING: ReadonlySet<PersonalField> = new Set();

/**
 * Which personal fields of a participant of this node go to the caller:
 * everything to the person and to their home node's coordinators; contact
 * details to a tandem partner holding a CONTACT grant; the name to the
 * coordinators of a node holding a NAME grant (an event host); the name to
 * a fellow member of a peer group holding a NAME grant from its roster (both
 * consented). Nothing to anyone else, joint coordinators included.
 */
export function disclosureTo(caller: Caller, nodeId: string, participantId: string, grants: readonly GrantView[]): Disclosure {
  if (isSubject(caller, participantId)) return { rule: "disclosure.self", level: DisclosureLevel.SELF, fields: ALL };
  if (isNodeCoordinatorOf(caller, nodeId)) return { rule: "disclosure.home-coordinator", level: DisclosureLevel.HOME_NODE, fields: ALL };
  if (!isUser(caller)) return { rule: "disclosure.none", level: DisclosureLevel.SERVICE, fields: NOTHING };
  if (grants.some((grant) => grant.scope === "CONTACT" && grant.grantee === caller.sub)) return { rule: "disclosure.tandem-partner", level: DisclosureLevel.TANDEM_PARTNER, fields: ALL };
  if (hasRole(caller, Role.NODE_COORDINATOR) && grants.some((grant) => grant.scope === "NAME" && grant.grantee === nodeGrantee(caller.homeNode))) {
    return { rule: "disclosure.event-host", level: DisclosureLevel.EVENT_HOST, fields: NAME_ONLY };
  }
  if (grants.some((grant) => grant.scope === "NAME" && grant.basis === "PEER_GROUP" && grant.grantee === caller.sub)) {
    return { rule: "disclosure.peer-group-member", level: DisclosureLevel.PEER_GROUP_MEMBER, fields: NAME_ONLY };
  }
  return { rule: "disclosure.none", level: isJointCoordinator(caller) ? DisclosureLevel.JOINT_OFFICE : DisclosureLevel.SIGNED_IN, fields: NOTHING };
}

/** `disclosureTo` as the policy `ctx.access` decides with: a participant's personal fields, given the grants to the caller. */
export const personalFields = policy<{ participantId: string; grants: readonly GrantView[] }, Disclosure>(
  "disclosure",
  "the person, their home node's coordinators, tandem partners once both accepted, and (name only) hosts of events they registered for and fellow members of a peer group both consented to",
  (caller, { participantId, grants }, nodeId) => disclosureTo(caller, nodeId, participantId, grants),
);

// ---- Coded fields ----

/** The joint office holds the pseudonymised matching profiles: it must not also read what could join them back to people. */
export const codedFieldsRule = rule("participant.codedFields", "signed-in users other than the joint coordination office", (c) => isUser(c) && !isJointCoordinator(c));

// ---- Matching profile fields ----

/** Joint matching (DESIGN.md §7): a participant's matching profile goes to the person and their home node's coordinators. */
export const matchingFieldsRule = rule<string>("participant.matchingFields", "the person and coordinators of their home node", (c, pid, n) => isSubject(c, pid) || isNodeCoordinatorOf(c, n));
