/**
 * Who is calling. Users authenticate at their home university (or the joint
 * coordination office); the gateway verifies their token and passes the
 * verified identity to every party in its own signed token. Resolvers decide
 * with the predicates below, never by reading headers.
 */
export const Role = {
  MENTEE: "mentee",
  MENTOR: "mentor",
  ALUMNUS: "alumnus",
  NODE_COORDINATOR: "node-coordinator",
  JOINT_COORDINATOR: "joint-coordinator",
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES: readonly Role[] = Object.values(Role);
export const PARTICIPANT_ROLES: readonly Role[] = [Role.MENTEE, Role.MENTOR, Role.ALUMNUS];

export interface UserCaller {
  kind: "user";
  /** Global id of the person: `hst:participant:…` or a staff id such as `hst:staff:coordinator`. */
  sub: string;
  /** The node (or coordination office) that authenticated the person. */
  homeNode: string;
  roles: readonly Role[];
  /** Request id at the gateway, for the audit trail. */
  requestId: string | null;
  /** The party that relayed the call (the gateway). */
  via: string;
}

/** The gateway itself (health and schema checks); may read `_service` only. */
export interface SystemCaller {
  kind: "system";
  via: string;
}

export type Caller = UserCaller | SystemCaller;

export function isUser(caller: Caller): caller is UserCaller {
  return caller.kind === "user";
}

export function hasRole(caller: Caller, role: Role): boolean {
  return isUser(caller) && caller.roles.includes(role);
}

/** The person the id belongs to. */
export function isSubject(caller: Caller, participantId: string): boolean {
  return isUser(caller) && caller.sub === participantId;
}

export function isNodeCoordinatorOf(caller: Caller, nodeId: string): boolean {
  return hasRole(caller, Role.NODE_COORDINATOR) && (caller as UserCaller).homeNode === nodeId;
}

export function isJointCoordinator(caller: Caller): boolean {
  return hasRole(caller, Role.JOINT_COORDINATOR);
}

/** Any coordinator: joint, or of any node. */
export function isCoordinator(caller: Caller): boolean {
  return hasRole(caller, Role.NODE_COORDINATOR) || isJointCoordinator(caller);
}
