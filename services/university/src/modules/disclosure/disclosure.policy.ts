/**
 * The disclosure policy of a university node (DESIGN.md §6): which of a
 * participant's fields go to whom, decided by the node that holds them.
 * Personal fields go to the person, their home node's coordinators, a
 * tandem partner and (name only) an event's host; coded fields to every
 * signed-in user but the joint office; matching profile fields to the person
 * and their node only. Resolvers ask it through `ctx.access` (see
 * access.table.ts); a field it withholds is NOT_DISCLOSED naming the rule.
 */
import { AppError, ErrorCode, Role, hasRole, isJointCoordinator, isNodeCoordinatorOf, isSubject, isUser, policy, rule, type Caller } from "@tandem/shared";
import { type FieldGroup } from "@tandem/party";
import type { GrantScope } from "./disclosure-grant.entity.js";

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

/** `disclosureTo` as the policy `ctx.access` decides with: a participant's personal fields, given the grants to the caller. */
export const personalFields = policy<{ participantId: string; grants: readonly GrantView[] }, Disclosure>(
  "disclosure",
  "the person, their home node's coordinators, tandem partners once both accepted, and (name only) hosts of events they registered for",
  (caller, { participantId, grants }, nodeId) => disclosureTo(caller, nodeId, participantId, grants),
);

export function notDisclosed(field: PersonalField): AppError {
  return new AppError(
    ErrorCode.NOT_DISCLOSED,
    `${field}: not disclosed to you; personal fields go to the person, their home node's coordinators, tandem partners once both accepted, and (name only) hosts of events they registered for`,
    { field },
  );
}

// ---- Coded fields ----

/** The joint office holds the pseudonymised matching profiles: it must not also read what could join them back to people. */
export const codedFieldsRule = rule("participant.codedFields", "signed-in users other than the joint coordination office", (c) => isUser(c) && !isJointCoordinator(c));

/** A coded field the joint office may not read (see codedFieldsRule). */
export function codedFieldNotDisclosed(field: string): AppError {
  return new AppError(ErrorCode.NOT_DISCLOSED, `${field}: not disclosed to the joint coordination office, which holds pseudonymised matching profiles and must not be able to link them to people`, {
    field,
    rule: codedFieldsRule.name,
  });
}

// ---- Matching profile fields ----

/** Joint matching (DESIGN.md §7): a participant's matching profile goes to the person and their home node's coordinators. */
export const matchingFieldsRule = rule<string>("participant.matchingFields", "the person and coordinators of their home node", (c, pid, n) => isSubject(c, pid) || isNodeCoordinatorOf(c, n));

/**
 * A matching profile field of a participant is not personal, but together
 * with the participant id it would link their pseudonymised matching
 * profiles back to them: only the person and their node see it.
 */
export function matchingFieldNotDisclosed(field: string): AppError {
  return new AppError(ErrorCode.NOT_DISCLOSED, `${field}: not disclosed to you; matching profile fields go to the person and their home node's coordinators only`, {
    field,
    rule: matchingFieldsRule.name,
  });
}
